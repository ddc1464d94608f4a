using System.Diagnostics;

namespace Funding.Client.Tests;

/// <summary>
/// The committed C# client is exactly what Kiota 1.38 (pinned in dotnet-tools.json) generates from the document the
/// API serves: regenerate it from /openapi/v1.json and compare every file. After a contract change:
/// <c>dotnet kiota generate -l CSharp -d docs/openapi.json -o tests/Funding.Client.Tests/Generated -n Funding.Client -c FundingClient --exclude-backward-compatible --clean-output</c>.
/// </summary>
public class GeneratedClientTests(ClientFactory factory) : IClassFixture<ClientFactory>
{
    [Fact]
    public async Task TheCommittedClient_IsWhatKiotaGeneratesFromTheServedDocument()
    {
        string root = ClientFactory.RepositoryRoot();
        string work = Directory.CreateTempSubdirectory("funding-kiota-").FullName;
        try
        {
            using var http = factory.CreateClient();
            string served = Path.Combine(work, "openapi.json");
            await File.WriteAllTextAsync(served, await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
            string output = Path.Combine(work, "Generated");

            await Run(root, "dotnet", "tool restore");
            await Run(root, "dotnet", $"kiota generate -l CSharp -d \"{served}\" -o \"{output}\" -n Funding.Client -c FundingClient --exclude-backward-compatible --clean-output");

            string committed = Path.Combine(root, "tests", "Funding.Client.Tests", "Generated");
            static string[] Files(string dir) => Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToArray();
            Files(output).ShouldBe(Files(committed), "the generated files; regenerate the client (see this class's summary)");
            foreach (string file in Files(output))
            {
                (await File.ReadAllTextAsync(Path.Combine(output, file))).ShouldBe(await File.ReadAllTextAsync(Path.Combine(committed, file)), file);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static async Task<string> Run(string directory, string command, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Kiota looks for updates on the internet unless told not to.
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        string text = await output + await error;
        process.ExitCode.ShouldBe(0, $"{command} {arguments}:\n{text}");
        return text;
    }
}
