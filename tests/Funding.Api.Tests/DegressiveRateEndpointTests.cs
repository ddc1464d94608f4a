using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>
/// The degressive rate over HTTP, everywhere at once: the plan, a sweep of one year's rate, the execution follow-up, the
/// reports and office documents, the rules' catalogue and the OpenAPI document. Figures derived by hand in docs/plans.md.
/// </summary>
public class DegressiveRateEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private const string Plan = """
        {"name": "Poste aidé", "cost": {"type": "annual", "annualAmount": 36000, "start": "2024-07-01", "months": 36},
         "funders": [
           {"id": "region", "name": "Région", "kind": "region", "rule": {"type": "degressiveRate", "ratePercentByYear": [80, 60, 40], "capPerYear": 25000}},
           {"id": "association", "name": "Association", "kind": "private", "rule": {"type": "remainder"}}]}
        """;

    [Fact]
    public async Task ThePlan_GivesEachPostYearAtItsRate_CappedPerYear_ByBudgetYear()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/plans", Plan)).OkJsonAsync();

        // By hand: 28 800 capped at 25 000, 21 600, 14 400 = 61 000 €; by budget year 12 500 / 23 300 / 18 000 / 7 200.
        var region = result["funders"]![0]!;
        region["total"]!.GetValue<decimal>().ShouldBe(61_000m);
        region["contributionByBudgetYear"]!.AsArray().Select(y => y!["amount"]!.GetValue<decimal>()).ShouldBe([12_500m, 23_300m, 18_000m, 7_200m]);
        region["explanation"]!["rule"]!.GetValue<string>().ShouldBe("degressiveRate");
        result["funders"]![1]!["total"]!.GetValue<decimal>().ShouldBe(47_000m);
    }

    [Fact]
    public async Task AShortListOrARateAbove100_IsRefusedOnItsField()
    {
        using var client = factory.CreateClient();
        var tooShort = await (await client.PostJsonAsync("/v1/plans", Plan.Replace("[80, 60, 40]", "[80, 60]", StringComparison.Ordinal))).ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        tooShort["errors"]!["funders[0].rule.ratePercentByYear"].ShouldNotBeNull();
        var above = await (await client.PostJsonAsync("/v1/plans", Plan.Replace("[80, 60, 40]", "[80, 160, 40]", StringComparison.Ordinal))).ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        above["errors"]!["funders[0].rule.ratePercentByYear[1]"].ShouldNotBeNull();
        var negative = await (await client.PostJsonAsync("/v1/plans", Plan.Replace("25000", "-1", StringComparison.Ordinal))).ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        negative["errors"]!["funders[0].rule.capPerYear"].ShouldNotBeNull();
    }

    [Fact]
    public async Task ASweep_VariesTheRateOfOneYearOfThePost()
    {
        using var client = factory.CreateClient();
        var sweep = await (await client.PostJsonAsync("/v1/plans/sweep",
            $$"""{"plan": {{Plan}}, "parameters": [{"parameter": "rate", "funderId": "region", "year": 2, "values": [40, 60, 80]}]}""")).OkJsonAsync();

        // Year 2's 21 600 € becomes 14 400, 21 600, 28 800 (capped at 25 000): 53 800, 61 000, 64 400 €.
        sweep["scenarios"]!.AsArray().Select(s => s!["totals"]![0]!.GetValue<decimal>()).ShouldBe([53_800m, 61_000m, 64_400m]);
        sweep["parameters"]![0]!["name"]!.GetValue<string>().ShouldBe("taux de l'année 2 de la Région");
    }

    [Fact]
    public async Task TheExecution_GivesTheDueOfEachYearOfThePost()
    {
        using var client = factory.CreateClient();
        var execution = await (await client.PostJsonAsync("/v1/plans/execution",
            $$"""{"plan": {{Plan}}, "actualExpenses": [{"year": 2024, "amount": 18000}, {"year": 2025, "amount": 36000}, {"year": 2026, "amount": 36000}, {"year": 2027, "amount": 18000}], "receipts": []}""")).OkJsonAsync();

        // Actual expenses equal to the plan: each due is the grant, 61 000 €.
        execution["funders"]![0]!["due"]!.GetValue<decimal>().ShouldBe(61_000m);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("docx")]
    public async Task EveryReportAndDocument_IsWritten(string format)
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync($"/v1/plans/report?format={format}&funderId=region", Plan);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task TheCatalogueAndTheOpenApiDocument_DescribeIt()
    {
        using var client = factory.CreateClient();
        var rule = (await client.GetJsonAsync("/v1/rules"))["rules"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "degressiveRate")!;
        rule["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldBe(["ratePercentByYear", "capPerYear"]);
        rule["sweeps"]![0]!["perItem"]!.GetValue<bool>().ShouldBeTrue();
        var schema = (await client.GetJsonAsync("/openapi/v1.json"))["components"]!["schemas"]!["DegressiveRateRuleInput"]!;
        schema["properties"]!["ratePercentByYear"]!["items"]![JsonRefName]!.GetValue<string>().ShouldBe("#/components/schemas/Percent");
    }

    private const string JsonRefName = "$ref";
}
