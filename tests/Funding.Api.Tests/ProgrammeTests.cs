using System.Net;
using System.Text.Json.Nodes;
using Funding.Catalogue;

namespace Funding.Api.Tests;

/// <summary>The catalogue of programmes: plans started from them give the figures derived by hand in docs/programmes.md, a dated change applies from its day, and the conformity check names what departs and why.</summary>
public class ProgrammeTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private const string Commune = """{"id": "commune", "name": "Commune de Pont-l'Abbé", "kind": "municipality"}""";

    private async Task<JsonNode> PlanFromAsync(HttpClient client, string programme, string body)
    {
        var response = await client.PostJsonAsync($"/v1/programmes/{programme}/plans", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> EvaluateAsync(HttpClient client, JsonNode plan)
    {
        var response = await client.PostJsonAsync("/v1/plans?explain=summary", plan.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static decimal[] Yearly(JsonNode result, string id) =>
        [.. result["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!["contributionByBudgetYear"]!.AsArray().Select(y => y!["amount"]!.GetValue<decimal>())];

    private static JsonNode Conformity(JsonNode result) => result["checks"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "programme-conformity")!;

    [Fact]
    public async Task PetitesVillesDeDemain_ThreePartnersAt25Percent_Give15000EachAYear_AndTheCommune19000()
    {
        using var client = factory.CreateClient();
        var plan = await PlanFromAsync(client, "petites-villes-de-demain", $$"""
            {"annualCost": 64000, "start": "2025-01-01", "months": 36, "carrier": {{Commune}},
             "partners": [{"id": "anct", "ratePercent": 25}, {"id": "banque-des-territoires", "ratePercent": 25}, {"id": "etat", "ratePercent": 25}]}
            """);
        plan["programme"]!["id"]!.GetValue<string>().ShouldBe("petites-villes-de-demain");
        plan["programme"]!["rulesOf"]!.GetValue<string>().ShouldBe("2025-01-01");
        var result = await EvaluateAsync(client, plan);

        // By hand: 25 % × 64 000 = 16 000 each, 48 000 together; the ceiling is min(75 % × 64 000, 45 000) = 45 000,
        // shared pro rata: 15 000 each; the commune pays 64 000 − 45 000 = 19 000 a year.
        foreach (string partner in new[] { "anct", "banque-des-territoires", "etat" })
        {
            Yearly(result, partner).ShouldBe([15_000m, 15_000m, 15_000m]);
        }
        Yearly(result, "commune").ShouldBe([19_000m, 19_000m, 19_000m]);
        Conformity(result)["outcome"]!.GetValue<string>().ShouldBe("passed");
    }

    [Fact]
    public async Task PetitesVillesDeDemain_WithTheAnah_Gives34375ToTheAnah_6875ToEachOther_AndTheCommune25000()
    {
        using var client = factory.CreateClient();
        var plan = await PlanFromAsync(client, "petites-villes-de-demain", $$"""
            {"annualCost": 80000, "start": "2025-01-01", "months": 36, "carrier": {{Commune}},
             "partners": [{"id": "anah"}, {"id": "anct", "ratePercent": 10}, {"id": "banque-des-territoires", "ratePercent": 10}, {"id": "etat", "ratePercent": 10}]}
            """);
        var result = await EvaluateAsync(client, plan);

        // By hand: the ANAH 50 % × 80 000 = 40 000 (its cap), the others 8 000 each: 64 000 together, above the ceiling
        // min(75 % × 80 000, 55 000) = 55 000; pro rata: 40 000 × 55/64 = 34 375, 8 000 × 55/64 = 6 875; the commune 25 000.
        Yearly(result, "anah").ShouldBe([34_375m, 34_375m, 34_375m]);
        Yearly(result, "anct").ShouldBe([6_875m, 6_875m, 6_875m]);
        Yearly(result, "commune").ShouldBe([25_000m, 25_000m, 25_000m]);
    }

    [Fact]
    public async Task TerritoiresDIndustrie_WithTheSeedsCostAndDates_GivesTheStatesFigure_AndTheSeedConformsUntilItsCapIsRaised()
    {
        using var client = factory.CreateClient();
        var plan = await PlanFromAsync(client, "territoires-d-industrie", """
            {"annualCost": 103800, "start": "2022-04-01", "months": 24, "carrier": {"id": "uimm-finistere", "name": "UIMM Finistère", "kind": "private"}}
            """);
        var result = await EvaluateAsync(client, plan);
        // The seed's State: min(50 % × 207 600, 80 000) = 80 000, paid once (on the seed's own figures: 30 000, 40 000 and
        // 10 000 € of each budget year's cost, docs/plans.md).
        Yearly(result, "etat").ShouldBe([30_000m, 40_000m, 10_000m]);
        result["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "etat")!["total"]!.GetValue<decimal>().ShouldBe(80_000m);

        // The seed itself, naming the programme, conforms; with the State's cap raised to 100 000 € it does not, and says why.
        var seed = Seeds.Plan();
        seed["programme"] = new JsonObject { ["id"] = "territoires-d-industrie" };
        Conformity(await EvaluateAsync(client, seed))["outcome"]!.GetValue<string>().ShouldBe("passed");
        seed["funders"]![0]!["rule"]!["cap"] = 100000;
        var failed = Conformity(await EvaluateAsync(client, seed));
        failed["outcome"]!.GetValue<string>().ShouldBe("failed");
        // By hand: 100 000 € spread as the cost, 77 850 / 207 600 of it on 2022: 37 500 €, where the programme's 80 000 € give 30 000 €.
        failed["message"]!.GetValue<string>().ShouldContain("État finance 37\u202F500,00\u00A0€ en 2022, quand le dispositif lui permet au plus 30\u202F000,00\u00A0€ (+ 7\u202F500,00\u00A0€)");
        failed["source"]!.GetValue<string>().ShouldContain("Quimper Bretagne Occidentale, conseil communautaire du 17 mars 2022");
    }

    [Fact]
    public async Task APartnersCeilingRemoved_IsADeviation_NamingTheSource()
    {
        using var client = factory.CreateClient();
        var plan = await PlanFromAsync(client, "petites-villes-de-demain", $$"""
            {"annualCost": 64000, "start": "2025-01-01", "months": 36, "carrier": {{Commune}},
             "partners": [{"id": "anct", "ratePercent": 25}, {"id": "banque-des-territoires", "ratePercent": 25}, {"id": "etat", "ratePercent": 25}]}
            """);
        plan.AsObject().Remove("sharedCeilings");
        var check = Conformity(await EvaluateAsync(client, plan));

        // Without the ceiling each partner would pay 16 000 € a year, 1 000 € above what the programme allows.
        check["outcome"]!.GetValue<string>().ShouldBe("failed");
        check["message"]!.GetValue<string>().ShouldContain("finance 16\u202F000,00\u00A0€ en 2025, quand le dispositif lui permet au plus 15\u202F000,00\u00A0€ (+ 1\u202F000,00\u00A0€)");
        check["source"]!.GetValue<string>().ShouldContain("aides-territoires");
    }

    [Theory]
    [InlineData("2022-12-31", 50_000, 24)]
    [InlineData("2023-01-01", 42_500, 36)]
    public async Task ARuleThatChangesOnADay_AppliesFromThatDay(string start, decimal state, int months)
    {
        using var client = factory.CreateClient();
        // The conseiller numérique: 50 000 € for two years until 2022, 17 500 + 12 500 + 12 500 = 42 500 € for three from 2023.
        var plan = await PlanFromAsync(client, "conseiller-numerique", $$"""
            {"annualCost": 30000, "start": "{{start}}", "months": {{months}}, "carrier": {{Commune}}}
            """);
        var result = await EvaluateAsync(client, plan);
        Yearly(result, "etat").Sum().ShouldBe(state);
        var shown = JsonNode.Parse(await (await client.GetAsync(new Uri($"/v1/programmes/conseiller-numerique?date={start}", UriKind.Relative))).Content.ReadAsStringAsync())!;
        shown["maxMonths"]!.GetValue<int>().ShouldBe(months);
    }

    [Fact]
    public async Task TheList_FiltersByApplicant_AndSaysWhatIsInForceOnADay()
    {
        using var client = factory.CreateClient();
        var list = JsonNode.Parse(await (await client.GetAsync(new Uri("/v1/programmes?date=2025-01-01&applicant=private", UriKind.Relative))).Content.ReadAsStringAsync())!.AsArray();
        list.Select(p => p!["id"]!.GetValue<string>()).ShouldBe(["territoires-d-industrie"]);
        list[0]!["inForce"]!.GetValue<bool>().ShouldBeFalse();
        var all = JsonNode.Parse(await (await client.GetAsync(new Uri("/v1/programmes", UriKind.Relative))).Content.ReadAsStringAsync())!.AsArray();
        all.Count.ShouldBeGreaterThanOrEqualTo(6);
        all.ShouldAllBe(p => p!["sources"]!.AsArray().Count > 0);
    }

    [Theory]
    [InlineData("""{"annualCost": 64000, "start": "2019-01-01", "months": 36, "carrier": {"id": "c", "name": "C", "kind": "municipality"}, "partners": []}""", "start")]
    [InlineData("""{"annualCost": 64000, "start": "2025-01-01", "months": 36, "carrier": {"id": "c", "name": "C", "kind": "private"}, "partners": []}""", "carrier.kind")]
    [InlineData("""{"annualCost": 64000, "start": "2025-01-01", "months": 36, "carrier": {"id": "c", "name": "C", "kind": "municipality"}, "partners": [{"id": "region"}]}""", "partners[0].id")]
    [InlineData("""{"annualCost": 64000, "start": "2025-01-01", "months": 36, "carrier": {"id": "c", "name": "C", "kind": "municipality"}, "partners": []}""", "partners")]
    public async Task AWrongRequest_NamesItsField(string body, string field)
    {
        using var client = factory.CreateClient();
        var problem = await (await client.PostJsonAsync("/v1/programmes/petites-villes-de-demain/plans", body)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldContain(field);
    }

    [Fact]
    public void TheBuiltInCatalogue_HasSixProgrammes_EveryValueDatedAndSourced()
    {
        var catalog = ProgrammeCatalog.Default;
        catalog.Programmes.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var programme in catalog.Programmes)
        {
            programme.Sources.ShouldAllBe(s => s.Url.StartsWith("http", StringComparison.Ordinal));
            programme.Funders.ShouldAllBe(f => f.Rules.All(r => programme.Sources.Any(s => s.Id == r.Source)));
        }
    }

    private const string Valid = """
        {"id": "essai", "name": "Essai", "description": "Un essai.", "applicants": ["municipality"],
         "sources": [{"id": "s", "title": "Une source", "url": "https://example.org/", "read": "2026-12-07"}],
         "validity": [{"from": "2024-01-01", "source": "s"}],
         "funders": [{"id": "etat", "name": "État", "kind": "state",
                      "rules": [{"from": "2024-01-01", "to": "2024-12-31", "source": "s", "rule": {"type": "rate", "ratePercent": 50}},
                                {"from": "2025-01-01", "source": "s", "rule": {"type": "rate", "ratePercent": 40}}]}]}
        """;

    [Theory]
    [InlineData("\"source\": \"s\", \"rule\": {\"type\": \"rate\", \"ratePercent\": 50}", "\"source\": \"inconnue\", \"rule\": {\"type\": \"rate\", \"ratePercent\": 50}", "funders[0].rules[0].source", "n'est pas déclarée")]
    [InlineData("\"from\": \"2025-01-01\", \"source\": \"s\"", "\"from\": \"2024-06-01\", \"source\": \"s\"", "funders[0].rules[1].from", "chevauchent")]
    [InlineData("{\"type\": \"rate\", \"ratePercent\": 40}", "{\"type\": \"bonus\", \"ratePercent\": 40}", "funders[0].rules[1].rule", "bonus")]
    [InlineData("\"title\": \"Une source\", ", "", "sources[0]", "schéma")]
    public void ACatalogueFile_WithAProblem_IsRefused_NamingTheFileAndTheField(string from, string to, string path, string says)
    {
        var (catalog, problems) = ProgrammeCatalog.Load([("Programmes/essai.json", Valid)]);
        catalog.ShouldNotBeNull(string.Join("\n", problems));

        string broken = Valid.Replace(from, to, StringComparison.Ordinal);
        broken.ShouldNotBe(Valid);
        (catalog, problems) = ProgrammeCatalog.Load([("Programmes/essai.json", broken)]);

        catalog.ShouldBeNull();
        problems.ShouldContain(p => p.File == "Programmes/essai.json" && p.Path.StartsWith(path, StringComparison.Ordinal) && p.Message.Contains(says, StringComparison.Ordinal),
            string.Join("\n", problems));
    }
}
