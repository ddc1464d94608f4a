using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>
/// The API as a real server process on its own SQLite file: the keys command, a version acknowledged just before a
/// kill -9 that is there after the restart, and concurrent amendments of which exactly one wins; and two API processes
/// on one PostgreSQL, the shared-server deployment.
/// </summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funding-process-").FullName;

    private string Database => Path.Combine(_folder, "funding.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed server's file may linger a moment; the temporary folder is the system's to clean.
        }
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Funding.Api.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ConnectionStrings__Funding"] = Postgres ?? $"Data Source={Database}";
        if (Postgres is not null)
        {
            info.Environment["Funding__Database__Provider"] = "postgresql";
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        return info;
    }

    /// <summary>The shared PostgreSQL of the two-instance test, when it runs; SQLite otherwise.</summary>
    private string? Postgres { get; set; }

    private string AddKey(string workspace)
    {
        using var process = Process.Start(Start("keys", "add", workspace, "finances"))!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, "the key is printed once, on one line");
        lines[0].ShouldStartWith("fk_");
        return lines[0].Trim();
    }

    /// <summary>
    /// Starts the server on port 0 — the system picks a free port as the server binds it, so no other process can take
    /// it in between — and reads the address it listens on from its log.
    /// </summary>
    private async Task<(Process Server, HttpClient Client)> ServeAsync(string key)
    {
        var server = new Process { StartInfo = Start("--urls", "http://127.0.0.1:0") };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.OutputDataReceived += (_, line) =>
        {
            const string Marker = "Now listening on: ";
            if (line.Data is { } text && text.IndexOf(Marker, StringComparison.Ordinal) is var at and >= 0)
            {
                listening.TrySetResult(new Uri(text[(at + Marker.Length)..].Trim()));
            }
        };
        server.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The server stopped before listening."));
        server.EnableRaisingEvents = true;
        server.Start();
        server.BeginOutputReadLine();
        Uri address;
        try
        {
            address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            server.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The server did not start: " + await server.StandardError.ReadToEndAsync(), e);
        }
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
        return (server, client);
    }

    private static StringContent Body(string comment) =>
        new($$"""{"plan": {{Seeds.PlanJson}}, "comment": "{{comment}}"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnAcknowledgedVersion_SurvivesAKill9_RightAfter()
    {
        string key = AddKey("brest");
        var (server, client) = await ServeAsync(key);
        string id;
        using (client)
        {
            var created = await client.PostAsync(new Uri("/v1/saved-plans", UriKind.Relative), Body("v1"));
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["planId"]!.GetValue<string>();
            using var amend = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/saved-plans/{id}", UriKind.Relative)) { Content = Body("avenant n° 1") };
            amend.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await client.SendAsync(amend)).StatusCode.ShouldBe(HttpStatusCode.OK);
            server.Kill(entireProcessTree: true); // SIGKILL, right after the 200
            await server.WaitForExitAsync();
        }

        var (restarted, again) = await ServeAsync(key);
        using (again)
        {
            try
            {
                var versions = JsonNode.Parse(await again.GetStringAsync(new Uri($"/v1/saved-plans/{id}/versions", UriKind.Relative)))!.AsArray();
                versions.Select(v => v!["comment"]!.GetValue<string>()).ShouldBe(["v1", "avenant n° 1"]);
            }
            finally
            {
                restarted.Kill(entireProcessTree: true);
                await restarted.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task ConcurrentAmendments_FromTheSameVersion_ExactlyOneWins()
    {
        string key = AddKey("quimper");
        var (server, client) = await ServeAsync(key);
        using (client)
        {
            try
            {
                var created = await client.PostAsync(new Uri("/v1/saved-plans", UriKind.Relative), Body("v1"));
                string id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["planId"]!.GetValue<string>();
                var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
                {
                    using var amend = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/saved-plans/{id}", UriKind.Relative)) { Content = Body($"avenant {i}") };
                    amend.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                    return (await client.SendAsync(amend)).StatusCode;
                }));

                statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
                statuses.Count(s => s == HttpStatusCode.PreconditionFailed).ShouldBe(7);
                JsonNode.Parse(await client.GetStringAsync(new Uri($"/v1/saved-plans/{id}/versions", UriKind.Relative)))!.AsArray().Count.ShouldBe(2);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    [SkippableFact]
    public async Task TwoInstancesOnOnePostgreSql_ConcurrentAmendments_OneWinner_BothSeeIt_AtOnce()
    {
        Postgres = Environment.GetEnvironmentVariable("FUNDING_TEST_POSTGRES") is { Length: > 0 } connection ? connection : null;
        Skip.If(Postgres is null && Environment.GetEnvironmentVariable("FUNDING_POSTGRES_TESTS") != "required",
            "No PostgreSQL server: set FUNDING_TEST_POSTGRES (CI starts one with .ci/postgres).");
        Postgres.ShouldNotBeNull("CI must run the two-instance test on PostgreSQL");
        string key = AddKey("shared-" + Guid.NewGuid().ToString("N")[..8]);
        var (first, a) = await ServeAsync(key);
        var (second, b) = await ServeAsync(key);
        try
        {
            var created = await a.PostAsync(new Uri("/v1/saved-plans", UriKind.Relative), Body("v1"));
            string id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["planId"]!.GetValue<string>();
            // Read through b at once: no instance answers from a stale copy.
            (await b.GetAsync(new Uri($"/v1/saved-plans/{id}", UriKind.Relative))).Headers.ETag!.Tag.ShouldBe("\"1\"");

            // Eight amendments of version 1, four through each instance, each raising the State's cap to its own figure.
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                var plan = Seeds.Mutate(p => p["funders"]![0]!["rule"]!["cap"] = 90_000 + i);
                using var amend = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/saved-plans/{id}", UriKind.Relative))
                {
                    Content = new StringContent($$"""{"plan": {{plan}}, "comment": "avenant {{i}}"}""", Encoding.UTF8, "application/json"),
                };
                amend.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                var response = await (i % 2 == 0 ? a : b).SendAsync(amend);
                return (i, response.StatusCode);
            }));
            answers.Count(x => x.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            answers.Count(x => x.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(7);
            int winner = answers.Single(x => x.StatusCode == HttpStatusCode.OK).i;

            // Both instances see the winner at once: its version 2, and in the portfolio its State capped at 90 000 + i €.
            foreach (var client in new[] { a, b })
            {
                var latest = await client.GetAsync(new Uri($"/v1/saved-plans/{id}", UriKind.Relative));
                latest.Headers.ETag!.Tag.ShouldBe("\"2\"");
                JsonNode.Parse(await latest.Content.ReadAsStringAsync())!["comment"]!.GetValue<string>().ShouldBe($"avenant {winner}");
                var portfolio = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/portfolio?funder=etat", UriKind.Relative)))!;
                portfolio["funders"]![0]!["total"]!["planned"]!["contribution"]!.GetValue<decimal>().ShouldBe(90_000m + winner);
            }
        }
        finally
        {
            foreach (var server in new[] { first, second })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            a.Dispose();
            b.Dispose();
        }
    }
}
