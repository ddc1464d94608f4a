namespace Funding.Client.Tests;

/// <summary>
/// TypeScript clients, as their developers would use them: openapi-typescript 7.13 generates the types from the
/// document the API serves, TypeScript 5.9 type-checks a --strict program against them (in which a rule without
/// <c>type</c> is an error), and the program runs with openapi-fetch against the API. Redocly lints the document.
/// Needs Node.js and <c>npm ci</c> in tests/Funding.Client.Tests/typescript: CI does both
/// (FUNDING_CLIENT_TESTS=required); elsewhere the test is skipped with that reason when they are missing.
/// </summary>
public class TypeScriptClientTests(ClientFactory server) : IClassFixture<ClientFactory>
{
    private static readonly string Folder = Path.Combine(ClientFactory.RepositoryRoot(), "tests", "Funding.Client.Tests", "typescript");

    private static bool Required => Environment.GetEnvironmentVariable("FUNDING_CLIENT_TESTS") == "required";

    [SkippableFact]
    public async Task TheGeneratedTypes_CompileUnderStrict_AndRoundTripEverySample()
    {
        SkipUnlessInstalled();
        await GeneratedClientTests.Run(Folder, "node", $"node_modules/openapi-typescript/bin/cli.js {server.BaseUrl}/openapi/v1.json -o src/schema.d.ts");
        await GeneratedClientTests.Run(Folder, "node", "node_modules/typescript/bin/tsc -p tsconfig.json");
        string output = await GeneratedClientTests.Run(Folder, "node", $"dist/roundtrip.js {server.BaseUrl}");
        output.ShouldContain("checks passed");
    }

    [SkippableFact]
    public async Task TheServedDocument_PassesRedoclyRecommendedLint_WithoutErrors()
    {
        SkipUnlessInstalled();
        string file = Path.Combine(Path.GetTempPath(), $"funding-openapi-{Guid.NewGuid():N}.json");
        try
        {
            using var http = new HttpClient();
            await File.WriteAllTextAsync(file, await http.GetStringAsync(new Uri(server.BaseUrl + "/openapi/v1.json")));
            // Redocly exits non-zero on any error; warnings are printed (see docs/api.md for the two kinds left).
            string output = await GeneratedClientTests.Run(Folder, "node", $"node_modules/@redocly/cli/bin/cli.js lint --extends=recommended \"{file}\"",
                new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
            output.ShouldContain("Your API description is valid");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void SkipUnlessInstalled()
    {
        string? reason = !File.Exists("/usr/bin/node") && !File.Exists("/usr/local/bin/node") && FindOnPath("node") is null ? "Node.js is not installed"
            : !Directory.Exists(Path.Combine(Folder, "node_modules")) ? "npm ci has not been run in tests/Funding.Client.Tests/typescript"
            : null;
        if (reason is not null && Required)
        {
            throw new InvalidOperationException(reason + " (FUNDING_CLIENT_TESTS=required).");
        }
        Skip.If(reason is not null, reason);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
