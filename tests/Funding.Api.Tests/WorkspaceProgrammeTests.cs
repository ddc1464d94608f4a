using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Funding.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Api.Tests;

/// <summary>
/// A workspace's own programmes: saved in the catalogue's schema and checked as its files are, version by version,
/// listed beside the national ones and marked local, read by the plans that name them — and by no one else.
/// The figures are derived by hand in docs/programmes.md (« Les dispositifs d'un espace de travail »).
/// </summary>
public class WorkspaceProgrammeTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    /// <summary>An example scheme (not a real one): the Region pays 30 % of the annual cost, at most 20 000 € a year, for at most 36 months.</summary>
    internal static string Scheme(string id, decimal ratePercent = 30, decimal amount = 20000, string source = "deliberation") => $$$"""
        {
          "id": "{{{id}}}",
          "name": "Ingénierie territoriale — exemple régional",
          "description": "Exemple d'un dispositif régional : la Région finance 30 % du coût annuel d'un poste d'ingénierie, au plus 20 000 € par an, pendant 36 mois au plus.",
          "applicants": ["municipality", "epci"],
          "sources": [{"id": "deliberation", "title": "Délibération de la commission permanente (exemple)", "url": "https://region.example.org/deliberations/2024-07", "read": "2024-07-15"}],
          "validity": [{"from": "2024-01-01", "source": "deliberation"}],
          "maxMonths": [{"from": "2024-01-01", "source": "deliberation", "value": 36}],
          "funders": [
            {"id": "region", "name": "Région", "kind": "region", "payment": {"type": "perBudgetYear"},
             "rules": [{"from": "2024-01-01", "source": "{{{source}}}", "rule": {"type": "rate", "ratePercent": {{{ratePercent}}}, "cap": {{{amount}}}, "capPer": "budgetYear"}}]}
          ]
        }
        """;

    private const string Post = """{"annualCost": 60000, "start": "2025-01-01", "months": 24, "carrier": {"id": "commune", "name": "Commune de Pont-l'Abbé", "kind": "municipality"}}""";

    private async Task<(HttpClient Client, string Workspace)> ClientAsync(WorkspaceRole role = WorkspaceRole.Editor)
    {
        string workspace = "ws-" + Guid.NewGuid().ToString("N")[..10];
        var (key, _) = await factory.Services.GetRequiredService<KeyStore>().AddKeyAsync(workspace, "Anne Le Goff", role, "tests");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (client, workspace);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string id, string file, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/workspace/programmes/{id}")
        {
            Content = new StringContent($$"""{"programme": {{file}}, "comment": "délibération du 15 juillet"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static decimal[] Yearly(JsonNode result, string id) =>
        [.. result["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!["contributionByBudgetYear"]!.AsArray().Select(y => y!["amount"]!.GetValue<decimal>())];

    private static JsonNode Conformity(JsonNode result) => result["checks"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "programme-conformity")!;

    [Fact]
    public async Task ALocalProgramme_IsListedBesideTheNationalOnes_MarkedLocal_AndOnlyForItsWorkspace()
    {
        var (client, _) = await ClientAsync();
        using var _c = client;
        var saved = await (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region"))).OkJsonAsync();
        saved["version"]!.GetValue<int>().ShouldBe(1);
        saved["savedBy"]!.GetValue<string>().ShouldBe("Anne Le Goff");

        var list = (await client.GetJsonAsync("/v1/programmes?date=2025-01-01&applicant=municipality")).AsArray();
        var local = list.Single(p => p!["id"]!.GetValue<string>() == "ingenierie-region")!;
        local["local"]!.GetValue<bool>().ShouldBeTrue();
        local["version"]!.GetValue<int>().ShouldBe(1);
        local["inForce"]!.GetValue<bool>().ShouldBeTrue();
        list.Where(p => p!["id"]!.GetValue<string>() != "ingenierie-region").ShouldAllBe(p => !p!["local"]!.GetValue<bool>());
        list.Count(p => !p!["local"]!.GetValue<bool>()).ShouldBeGreaterThanOrEqualTo(5);
        // Not a carrier it admits: filtered out like a national one.
        (await client.GetJsonAsync("/v1/programmes?applicant=private")).AsArray().ShouldNotContain(p => p!["id"]!.GetValue<string>() == "ingenierie-region");

        using var anonymous = factory.CreateClient();
        (await anonymous.GetJsonAsync("/v1/programmes")).AsArray().ShouldNotContain(p => p!["id"]!.GetValue<string>() == "ingenierie-region");
        var (other, _) = await ClientAsync();
        using var _o = other;
        (await other.GetJsonAsync("/v1/programmes")).AsArray().ShouldNotContain(p => p!["id"]!.GetValue<string>() == "ingenierie-region");
        var elsewhere = await (await other.GetAsync(new Uri("/v1/programmes/ingenierie-region", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        elsewhere["code"]!.GetValue<string>().ShouldBe("not-found");
    }

    [Fact]
    public async Task APlanFromALocalProgramme_NamesItsVersion_GivesTheFiguresByHand_AndKeepsItsVersionsRulesAfterAnAmendment()
    {
        var (client, _) = await ClientAsync();
        using var _c = client;
        (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region"))).EnsureSuccessStatusCode();

        var plan = await (await client.PostJsonAsync("/v1/programmes/ingenierie-region/plans", Post)).OkJsonAsync();
        plan["programme"]!["id"]!.GetValue<string>().ShouldBe("ingenierie-region");
        plan["programme"]!["version"]!.GetValue<int>().ShouldBe(1);
        var result = await (await client.PostJsonAsync("/v1/plans?explain=summary", plan.ToJsonString())).OkJsonAsync();
        // By hand: 30 % × 60 000 = 18 000, under the 20 000 € cap, each year; the commune 60 000 − 18 000 = 42 000.
        Yearly(result, "region").ShouldBe([18_000m, 18_000m]);
        Yearly(result, "commune").ShouldBe([42_000m, 42_000m]);
        Conformity(result)["outcome"]!.GetValue<string>().ShouldBe("passed");

        // Version 2 lowers the rate to 25 % and the cap to 12 000 €: a plan naming version 1 keeps version 1's rules…
        var second = await (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region", 25, 12000), ifMatch: "\"1\"")).OkJsonAsync();
        second["version"]!.GetValue<int>().ShouldBe(2);
        Conformity(await (await client.PostJsonAsync("/v1/plans?explain=summary", plan.ToJsonString())).OkJsonAsync())["outcome"]!.GetValue<string>().ShouldBe("passed");
        // …and the same plan checked against version 2 departs from it, with its figures and the source.
        plan["programme"]!["version"] = 2;
        var departed = Conformity(await (await client.PostJsonAsync("/v1/plans?explain=summary", plan.ToJsonString())).OkJsonAsync());
        departed["outcome"]!.GetValue<string>().ShouldBe("failed");
        string sentence = departed.ToJsonString();
        sentence.ShouldContain("version 2");
        sentence.ShouldContain("region.example.org/deliberations/2024-07");

        // The versions, with who and why; the file as saved, to edit.
        var versions = (await client.GetJsonAsync("/v1/workspace/programmes/ingenierie-region/versions")).AsArray();
        versions.Select(v => v!["version"]!.GetValue<int>()).ShouldBe([1, 2]);
        versions[0]!["comment"]!.GetValue<string>().ShouldBe("délibération du 15 juillet");
        var file = await client.GetJsonAsync("/v1/workspace/programmes/ingenierie-region?version=1");
        file["programme"]!["funders"]![0]!["rules"]![0]!["rule"]!["ratePercent"]!.GetValue<decimal>().ShouldBe(30m);
        (await client.GetJsonAsync("/v1/programmes/ingenierie-region?date=2025-01-01"))["version"]!.GetValue<int>().ShouldBe(2);
        (await client.GetJsonAsync("/v1/programmes/ingenierie-region?date=2025-01-01&version=1"))["funders"]![0]!["rule"]!["ratePercent"]!.GetValue<decimal>().ShouldBe(30m);
    }

    [Fact]
    public async Task APlanNamingALocalProgramme_WithoutTheWorkspacesKey_IsRefusedOnItsField_NotComputedWithoutIt()
    {
        var (client, _) = await ClientAsync();
        using var _c = client;
        (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region"))).EnsureSuccessStatusCode();
        var plan = await (await client.PostJsonAsync("/v1/programmes/ingenierie-region/plans", Post)).OkJsonAsync();

        using var anonymous = factory.CreateClient();
        var problem = await (await anonymous.PostJsonAsync("/v1/plans", plan.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors()["programme.id"].ShouldHaveSingleItem().ShouldContain("clé ou le jeton");
        plan["programme"]!["version"] = 7;
        (await (await client.PostJsonAsync("/v1/plans", plan.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContainKey("programme.version");
        // A national programme has no versions.
        var national = await (await client.PostJsonAsync("/v1/programmes/territoires-d-industrie/plans?version=1",
            """{"annualCost": 103800, "start": "2022-04-01", "months": 24, "carrier": {"id": "uimm", "name": "UIMM Finistère", "kind": "private"}}""")).ProblemAsync(HttpStatusCode.BadRequest);
        national.Errors().ShouldContainKey("version");
    }

    [Theory]
    [InlineData("undeclared", "programme.funders[0].rules[0].source", "n'est pas déclarée")]
    public async Task AFileWithAProblem_IsRefused_NamingTheField(string source, string field, string says)
    {
        var (client, _) = await ClientAsync();
        using var _c = client;
        var problem = await (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region", source: source))).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors()[field].ShouldHaveSingleItem().ShouldContain(says);
        (await client.GetAsync(new Uri("/v1/workspace/programmes/ingenierie-region/versions", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANationalId_AnIdThatIsNotThePaths_AnUnknownRule_AndAStaleVersion_AreRefused()
    {
        var (client, _) = await ClientAsync();
        using var _c = client;
        (await (await SaveAsync(client, "territoires-d-industrie", Scheme("territoires-d-industrie"))).ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContainKey("id");
        (await (await SaveAsync(client, "autre", Scheme("ingenierie-region"))).ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContainKey("programme.id");
        string unknownRule = Scheme("ingenierie-region").Replace("\"type\": \"rate\"", "\"type\": \"tithe\"", StringComparison.Ordinal);
        (await (await SaveAsync(client, "ingenierie-region", unknownRule)).ProblemAsync(HttpStatusCode.BadRequest)).Errors().Keys
            .ShouldContain(k => k.StartsWith("programme.funders[0].rules[0].rule", StringComparison.Ordinal));

        (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region"))).EnsureSuccessStatusCode();
        (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region", 25))).EnsureSuccessStatusCode();
        var stale = await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region", 20), ifMatch: "\"1\"");
        (await stale.ProblemAsync(HttpStatusCode.PreconditionFailed))["code"]!.GetValue<string>().ShouldBe("version-conflict");
        stale.Headers.ETag!.Tag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task AReader_CannotSaveOne()
    {
        var (client, _) = await ClientAsync(WorkspaceRole.Reader);
        using var _c = client;
        (await (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region"))).ProblemAsync(HttpStatusCode.Forbidden))["code"]!.GetValue<string>().ShouldBe("forbidden");
    }

    [Fact]
    public async Task ASavedPlanNamingALocalProgramme_IsCheckedAgainstIt_AndTheExportCarriesIt_ToAnotherDatabase()
    {
        var (client, _) = await ClientAsync(WorkspaceRole.Admin);
        using var _c = client;
        (await SaveAsync(client, "ingenierie-region", Scheme("ingenierie-region"))).EnsureSuccessStatusCode();
        var plan = await (await client.PostJsonAsync("/v1/programmes/ingenierie-region/plans", Post)).OkJsonAsync();
        var saved = await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{plan.ToJsonString()}}}""");
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var version = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!;
        Conformity(version["result"]!)["outcome"]!.GetValue<string>().ShouldBe("passed");
        Yearly(version["result"]!, "region").ShouldBe([18_000m, 18_000m]);

        var audit = (await client.GetJsonAsync("/v1/audit"))["entries"]!.AsArray();
        audit.ShouldContain(e => e!["action"]!.GetValue<string>() == "programme.saved");

        string export = await client.GetStringAsync(new Uri("/v1/workspace/export", UriKind.Relative));
        JsonNode.Parse(export)!["programmes"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe("ingenierie-region");
        using var elsewhere = new FundingApiFactory();
        var (key, _) = await elsewhere.Services.GetRequiredService<KeyStore>().AddKeyAsync("moved", "Anne", WorkspaceRole.Admin, "tests");
        using var target = elsewhere.CreateClient();
        target.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        (await target.PostJsonAsync("/v1/workspace/import", export)).EnsureSuccessStatusCode();
        (await target.GetJsonAsync("/v1/programmes")).AsArray().ShouldContain(p => p!["id"]!.GetValue<string>() == "ingenierie-region" && p["local"]!.GetValue<bool>());
        string id = version["planId"]!.GetValue<string>();
        var moved = await target.GetJsonAsync($"/v1/saved-plans/{id}");
        Conformity(moved["result"]!)["outcome"]!.GetValue<string>().ShouldBe("passed");
    }

    [Fact]
    public async Task SavingAPlanThatNamesAnUnknownProgramme_IsA400OnItsField()
    {
        var (client, _) = await ClientAsync();
        using var _c = client;
        var plan = JsonNode.Parse(Seeds.PlanJson)!;
        plan["programme"] = JsonNode.Parse("""{"id": "nulle-part"}""");
        var problem = await (await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{plan.ToJsonString()}}}""")).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().ShouldContainKey("plan.programme.id");
    }
}
