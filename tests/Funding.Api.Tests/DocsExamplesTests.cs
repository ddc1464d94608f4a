using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Funding.Api.Tests;

/// <summary>
/// The docs cannot go stale: every <c>bash</c> block of <c>docs/*.md</c> that calls the API (<c>localhost:5080</c>) is run,
/// in order, against a real server, and the answer shown right after it is compared with what the server says.
/// </summary>
/// <remarks>
/// A documented JSON answer is a subset of the real one: every field it shows must be there with the same value (numbers
/// as exact decimals); <c>"…"</c> stands for any value, for further array items or, as a key, for further fields; a
/// string ending in « … » is a prefix, one with « … » inside shows its parts in order. Fields that change every time
/// (<c>traceId</c>, times, saved plans' ids) are not compared. A <c>markdown</c> or <c>text</c> answer: each line without
/// « … » must be in the output. Each doc runs in a folder of its own, with <c>KEY</c> a workspace's key.
/// </remarks>
public sealed partial class DocsExamplesTests : IClassFixture<DocsServer>
{
    private static readonly HashSet<string> Volatile = ["traceId", "createdAt", "updatedAt", "signedAt", "savedAt", "planId", "href"];

    private readonly DocsServer _server;

    public DocsExamplesTests(DocsServer server) => _server = server;

    public static TheoryData<string> Docs() => [.. Directory.GetFiles(DocsServer.DocsFolder, "*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(Docs))]
    public void EveryExample_GivesTheAnswerItShows(string doc)
    {
        Skip.If(DocsServer.Missing is not null, DocsServer.Missing);
        var examples = Examples(File.ReadAllText(Path.Combine(DocsServer.DocsFolder, doc))).ToList();
        string folder = Directory.CreateTempSubdirectory("funding-docs-").FullName;
        try
        {
            foreach (var example in examples)
            {
                string output = _server.Run(example.Script, folder, doc);
                string where = $"{doc}:{example.Line}";
                switch (example.AnswerLanguage)
                {
                    case "json":
                        JsonNode? actual;
                        try
                        {
                            actual = JsonNode.Parse(output);
                        }
                        catch (JsonException)
                        {
                            throw new InvalidOperationException($"{where}: the command did not answer JSON: {Shorten(output)}");
                        }
                        var problems = new List<string>();
                        Compare(JsonNode.Parse(example.Answer!)!, actual, "$", problems);
                        problems.ShouldBeEmpty($"{where}: the documented answer differs from the server's ({Shorten(output)})");
                        break;
                    case "markdown" or "text":
                        foreach (string line in example.Answer!.Split('\n').Select(l => Spaces(l.TrimEnd())).Where(l => l.Length > 0 && !l.Contains('…', StringComparison.Ordinal)))
                        {
                            Spaces(output).ShouldContain(line, Case.Sensitive, $"{where}: the documented line is not in the answer");
                        }
                        break;
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheDocsHaveRunnableExamples_WithTheirAnswers()
    {
        // The parser finds the examples it must (a mistake here would let every doc pass unchecked).
        var api = Examples(File.ReadAllText(Path.Combine(DocsServer.DocsFolder, "api.md"))).ToList();
        api.Count.ShouldBeGreaterThan(10);
        api.Count(e => e.AnswerLanguage == "json").ShouldBeGreaterThanOrEqualTo(8);
    }

    private sealed record Example(int Line, string Script, string? AnswerLanguage, string? Answer);

    /// <summary>The runnable blocks of a doc, each with the block that follows it (its answer) when no more than two lines of prose stand between.</summary>
    private static IEnumerable<Example> Examples(string markdown)
    {
        var lines = markdown.Split('\n');
        var blocks = new List<(int Line, string Language, string Text, int End)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is { Success: true } open)
            {
                int start = i;
                var text = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    text.Append(lines[i]).Append('\n');
                }
                blocks.Add((start + 1, open.Groups[1].Value, text.ToString(), i));
            }
        }
        for (int b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            // A block running dotnet or npx (the load check of performance.md, generating a client) is not an example of the API.
            if (block.Language != "bash" || !block.Text.Contains("localhost:5080", StringComparison.Ordinal) || block.Text.Contains("dotnet ", StringComparison.Ordinal) || block.Text.Contains("npx ", StringComparison.Ordinal))
            {
                continue;
            }
            // The answer is the next block, with at most a short sentence between (« The answer (30 KB; excerpts): »).
            var next = b + 1 < blocks.Count && lines[(block.End + 1)..(blocks[b + 1].Line - 1)].Count(l => l.Trim().Length > 0) <= 2 ? blocks[b + 1] : default;
            yield return next.Language is "json" or "markdown" or "text"
                ? new Example(block.Line, block.Text, next.Language, next.Text)
                : new Example(block.Line, block.Text, null, null);
        }
    }

    /// <summary>Whether the documented value <paramref name="shown"/> is what <paramref name="actual"/> holds, as the remarks say.</summary>
    internal static void Compare(JsonNode? shown, JsonNode? actual, string path, List<string> problems)
    {
        switch (shown)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (text == "…")
                {
                    return;
                }
                if (actual is not JsonValue actualValue || !actualValue.TryGetValue<string>(out var actualText))
                {
                    problems.Add($"{path}: shows « {text} », the server answers {actual?.ToJsonString() ?? "nothing"}");
                    return;
                }
                // French figures carry narrow and no-break spaces; a doc may show them as ordinary spaces.
                text = Spaces(text);
                actualText = Spaces(actualText);
                if (text.Contains('…', StringComparison.Ordinal))
                {
                    int at = 0;
                    foreach (string part in text.Split('…').Select(p => p.Trim()).Where(p => p.Length > 0))
                    {
                        int found = actualText.IndexOf(part, at, StringComparison.Ordinal);
                        if (found < 0)
                        {
                            problems.Add($"{path}: « {part} » is not in « {actualText} »");
                            return;
                        }
                        at = found + part.Length;
                    }
                    return;
                }
                if (text != actualText)
                {
                    problems.Add($"{path}: shows « {text} », the server answers « {actualText} »");
                }
                return;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                if (actual is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || number.GetValue<decimal>() != value.GetValue<decimal>())
                {
                    problems.Add($"{path}: shows {value.ToJsonString()}, the server answers {actual?.ToJsonString() ?? "nothing"}");
                }
                return;
            case JsonValue value:
                if (!JsonNode.DeepEquals(value, actual))
                {
                    problems.Add($"{path}: shows {value.ToJsonString()}, the server answers {actual?.ToJsonString() ?? "nothing"}");
                }
                return;
            case null:
                if (actual is not null)
                {
                    problems.Add($"{path}: shows null, the server answers {actual.ToJsonString()}");
                }
                return;
            case JsonObject shownObject:
                if (actual is not JsonObject actualObject)
                {
                    problems.Add($"{path}: shows an object, the server answers {actual?.ToJsonString() ?? "nothing"}");
                    return;
                }
                foreach (var (key, child) in shownObject)
                {
                    if (key == "…" || Volatile.Contains(key))
                    {
                        continue;
                    }
                    if (!actualObject.ContainsKey(key))
                    {
                        problems.Add($"{path}.{key}: shown, but not in the server's answer");
                        continue;
                    }
                    Compare(child, actualObject[key], $"{path}.{key}", problems);
                }
                return;
            case JsonArray shownArray:
                if (actual is not JsonArray actualArray)
                {
                    problems.Add($"{path}: shows an array, the server answers {actual?.ToJsonString() ?? "nothing"}");
                    return;
                }
                int first = shownArray.Select((item, i) => (item, i)).FirstOrDefault(x => IsEllipsis(x.item), (null, -1)).i;
                if (first < 0)
                {
                    if (shownArray.Count != actualArray.Count)
                    {
                        problems.Add($"{path}: shows {shownArray.Count} items, the server answers {actualArray.Count}");
                        return;
                    }
                    for (int i = 0; i < shownArray.Count; i++)
                    {
                        Compare(shownArray[i], actualArray[i], $"{path}[{i}]", problems);
                    }
                    return;
                }
                // Items before the first « … » open the array; items after the last close it.
                int last = shownArray.Select((item, i) => (item, i)).Last(x => IsEllipsis(x.item)).i;
                int tail = shownArray.Count - last - 1;
                if (actualArray.Count < first + tail)
                {
                    problems.Add($"{path}: shows at least {first + tail} items, the server answers {actualArray.Count}");
                    return;
                }
                for (int i = 0; i < first; i++)
                {
                    Compare(shownArray[i], actualArray[i], $"{path}[{i}]", problems);
                }
                for (int i = 0; i < tail; i++)
                {
                    int a = actualArray.Count - tail + i;
                    Compare(shownArray[last + 1 + i], actualArray[a], $"{path}[{a}]", problems);
                }
                // Items between two « … » are somewhere in between, in their order.
                int from = first;
                for (int i = first + 1; i < last; i++)
                {
                    if (IsEllipsis(shownArray[i]))
                    {
                        continue;
                    }
                    int found = -1;
                    for (int a = from; a < actualArray.Count - tail && found < 0; a++)
                    {
                        var attempt = new List<string>();
                        Compare(shownArray[i], actualArray[a], $"{path}[{a}]", attempt);
                        found = attempt.Count == 0 ? a : -1;
                    }
                    if (found < 0)
                    {
                        problems.Add($"{path}: the item shown {shownArray[i]!.ToJsonString()[..Math.Min(200, shownArray[i]!.ToJsonString().Length)]} is not in the server's answer (in this order)");
                        return;
                    }
                    from = found + 1;
                }
                return;
        }
    }

    private static string Spaces(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static bool IsEllipsis(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith('…');

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;

    [GeneratedRegex(@"^```(\w*)\s*$")]
    private static partial Regex Fence();
}

/// <summary>The API as a real server on port 0, with a workspace's key, for the docs' commands (bash and curl).</summary>
public sealed class DocsServer : IDisposable
{
    public static string DocsFolder { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs"));

    private static readonly string? Bash = Which("bash");

    private static readonly string? Curl = Which("curl");

    /// <summary>Why the examples cannot run here, or null.</summary>
    public static string? Missing => Bash is null || Curl is null ? "bash and curl are needed to run the docs' examples (apt-get install curl)." : null;

    private readonly string _folder = Directory.CreateTempSubdirectory("funding-docs-server-").FullName;
    private readonly Process? _server;
    private readonly string _address = "";
    private readonly string _key = "";

    public DocsServer()
    {
        if (Missing is not null)
        {
            return;
        }
        using (var keys = Process.Start(Start("keys", "add", "docs", "finances"))!)
        {
            _key = keys.StandardOutput.ReadToEnd().Trim();
            keys.WaitForExit();
        }
        _server = new Process { StartInfo = Start("--urls", "http://127.0.0.1:0") };
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.OutputDataReceived += (_, line) =>
        {
            const string Marker = "Now listening on: http://";
            if (line.Data is { } text && text.IndexOf(Marker, StringComparison.Ordinal) is var at and >= 0)
            {
                listening.TrySetResult(text[(at + Marker.Length)..].Trim());
            }
        };
        _server.Start();
        _server.BeginOutputReadLine();
        _address = listening.Task.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
    }

    private readonly Dictionary<string, string> _keys = [];

    /// <summary>
    /// The key of the doc's own workspace, made on first use: each doc's saved plans are its own, so that a doc's
    /// figures (a portfolio, a list) never depend on the order the docs run in.
    /// </summary>
    private string KeyOf(string doc)
    {
        lock (_keys)
        {
            if (!_keys.TryGetValue(doc, out var key))
            {
                using var keys = Process.Start(Start("keys", "add", "docs-" + Path.GetFileNameWithoutExtension(doc), "Anne Le Goff"))!;
                key = keys.StandardOutput.ReadToEnd().Trim();
                keys.WaitForExit();
                _keys[doc] = key;
            }
            return key;
        }
    }

    /// <summary>Runs a doc's commands with bash in <paramref name="folder"/>, the documented address replaced by the server's; their standard output.</summary>
    public string Run(string script, string folder, string? doc = null)
    {
        var info = new ProcessStartInfo(Bash!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add("-o");
        info.ArgumentList.Add("pipefail");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script.Replace("localhost:5080", _address, StringComparison.Ordinal));
        info.Environment["KEY"] = doc is not null && script.Contains("$KEY", StringComparison.Ordinal) ? KeyOf(doc) : _key;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exit {process.ExitCode}: {error.Result}\n{script}");
        }
        return output;
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Funding.Api.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ConnectionStrings__Funding"] = $"Data Source={Path.Combine(_folder, "funding.db")}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        return info;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }
        _server?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The server's file may linger a moment.
        }
    }
}
