using System.Net;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

public class SweepEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private static string Sweep(string parameters, bool byBudgetYear = false) =>
        $$"""{"plan": {{Seeds.PlanJson}}, "parameters": {{parameters}}, "byBudgetYear": {{(byBudgetYear ? "true" : "false")}}}""";

    private const string StateCap = """[{"parameter": "cap", "funderId": "etat", "range": {"from": 60000, "to": 100000, "step": 20000}}]""";

    [Fact]
    public async Task TheStatesCap_AsARange_GivesEachFundersTotal_AndMarksThePlan()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/plans/sweep", Sweep(StateCap))).OkJsonAsync();
        // By hand (docs/plans.md): what is left after the State and QBO's 23 187 € is shared half and half by the other EPCIs
        // and the carrier: 124 413 €, 104 413 €, 84 413 € left.
        result["count"]!.GetValue<int>().ShouldBe(3);
        result["planScenario"]!.GetValue<int>().ShouldBe(1);
        result["parameters"]![0]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["60\u202F000,00\u00A0€", "80\u202F000,00\u00A0€", "100\u202F000,00\u00A0€"]);
        var ids = result["funders"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        int carrier = ids.IndexOf("uimm-finistere");
        result["scenarios"]!.AsArray().Select(s => s!["totals"]![carrier]!.Raw()).ShouldBe(["62206.50", "52206.50", "42206.50"]);
        var range = result["funders"]![carrier]!;
        (range["min"]!.Raw(), range["minScenario"]!.GetValue<int>(), range["max"]!.Raw(), range["maxScenario"]!.GetValue<int>()).ShouldBe(("42206.50", 2, "62206.50", 0));
        result["scenarios"]![0]!["byBudgetYear"].ShouldBeNull();
    }

    [Fact]
    public async Task TheThreeFunderModel_OverHttp_GivesTheFiguresByHand()
    {
        // The seed without its group: the State's 50 % capped at 80 000 €, QBO 11 593,50 € a year, the carrier the rest, over
        // 24 months — a plan the sweep's kernel computes. By hand: at 100 000 € a year, 200 000 € in all, the State 80 000 €,
        // QBO 23 187 €, the carrier 96 813 €; at 20 000 € a year, 40 000 €, the State 20 000 €, QBO 23 187 € (3 187 € over the
        // cost), the carrier nothing.
        var plan = Seeds.Plan();
        var funders = plan["funders"]!.AsArray();
        foreach (var funder in funders.Where(f => f!["id"]!.GetValue<string>() is not ("etat" or "qbo" or "uimm-finistere")).ToList())
        {
            funders.Remove(funder);
        }
        string body = $$"""{"plan": {{plan.ToJsonString()}}, "parameters": [{"parameter": "cost", "values": [100000, 20000]}]}""";
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/plans/sweep", body)).OkJsonAsync();
        result["funders"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ShouldBe(["etat", "qbo", "uimm-finistere"]);
        var scenarios = result["scenarios"]!.AsArray();
        scenarios[0]!["totals"]!.AsArray().Select(t => t!.Raw()).ShouldBe(["80000.00", "23187.00", "96813.00"]);
        scenarios[1]!["totals"]!.AsArray().Select(t => t!.Raw()).ShouldBe(["20000.00", "23187.00", "0.00"]);
        scenarios[1]!["overFunding"]!.Raw().ShouldBe("3187.00");
    }

    [Fact]
    public async Task TheCsv_IsStreamed_WithTheRangeOfEachFunder()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/plans/sweep?format=csv", Sweep(StateCap, byBudgetYear: true));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string csv = System.Text.Encoding.UTF8.GetString(bytes);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, csv);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark, for French spreadsheets");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + 3 + 2);
        lines[0].ShouldStartWith("\uFEFFScénario;Plafond de l'État;Coût total (€);État (€);");
        lines[2].ShouldStartWith("2;80000;207600,00;80000,00;23187,00;");
        lines[^1].ShouldStartWith("Maximum;;;100000,00;23187,00;");
    }

    [Fact]
    public async Task TheWorkbook_IsAnXlsx()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/plans/sweep?format=xlsx", Sweep(StateCap));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());
        (await (await client.PostJsonAsync("/v1/plans/sweep?format=xlsx", Sweep(StateCap))).Content.ReadAsByteArrayAsync()).ShouldBe(bytes, "the same bytes for the same sweep");
    }

    [Theory]
    [InlineData("""[{"parameter": "cap", "funderId": "etat", "range": {"from": 60000, "to": 100000, "step": 0}}]""", "parameters[0].range.step", "value-not-allowed")]
    [InlineData("""[{"parameter": "cap", "funderId": "etat", "range": {"from": 0, "to": 1000000, "step": 1}}]""", "parameters[0].range", "too-many")]
    [InlineData("""[{"parameter": "cost", "values": [1, 2, 3]}, {"parameter": "rate", "funderId": "etat", "range": {"from": 0, "to": 100, "step": 0.002}}]""", "parameters", "too-many")]
    [InlineData("""[{"parameter": "rate", "funderId": "etat", "range": {"from": 50, "to": 150, "step": 50}}]""", "parameters[0].range", "rate-out-of-range")]
    [InlineData("""[{"parameter": "cap", "funderId": "qbo", "values": [1]}]""", "parameters[0].funderId", "sweep-invalid")]
    [InlineData("""[{"parameter": "cap", "funderId": "etat", "values": [1]}, {"parameter": "cap", "funderId": "etat", "values": [2]}]""", "parameters[1].parameter", "sweep-invalid")]
    [InlineData("""[{"parameter": "cost", "funderId": "qbo", "values": [1]}]""", "parameters[0].funderId", "value-not-allowed")]
    [InlineData("""[{"parameter": "startDate", "values": [1]}]""", "parameters[0].values", "value-not-allowed")]
    [InlineData("""[{"parameter": "key", "funderId": "autres-epci", "keys": [{"name": "a", "key": {"type": "equal"}}, {"name": "a", "key": {"type": "equal"}}]}]""", "parameters[0].keys[1].name", "id-duplicate")]
    [InlineData("""[]""", "parameters", "too-many")]
    [InlineData("""[{"parameter": "cost", "range": {"from": -1000000000000000000000000000, "to": 0, "step": 1}}]""", "parameters[0].range.from", "amount-out-of-range")]
    [InlineData("""[{"parameter": "cost", "range": {"from": 0, "to": 1000000000000, "step": 0.0000000000000000000000000001}}]""", "parameters[0].range", "too-many")]
    [InlineData("""[{"parameter": "startDate", "dateRange": {"from": "2022-01-01", "to": "9999-12-31", "stepMonths": 3}}]""", "parameters[0].dateRange.to", "date-out-of-range")]
    [InlineData("""[{"parameter": "startDate", "dates": ["2022-01-01", "2151-01-01"]}]""", "parameters[0].dates[1]", "sweep-invalid")]
    public async Task ABadParameter_Is400_NamingIt(string parameters, string path, string code)
    {
        using var client = factory.CreateClient();
        var problem = await (await client.PostJsonAsync("/v1/plans/sweep", Sweep(parameters))).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe([path]);
        problem["fieldErrors"]![0]!["code"]!.GetValue<string>().ShouldBe(code);
    }

    [Fact]
    public async Task AnAnswerBeyondItsBudget_IsRefusedBeforeComputing_AndTheCsvStreamsWithinIt()
    {
        using var client = factory.CreateClient();
        // 20 000 scenarios × 12 funders × 3 budget years: up to 18 MiB, beyond the 4 MiB budget of a small request, in any format.
        string big = Sweep("""[{"parameter": "cost", "range": {"from": 100000, "to": 119999, "step": 1}}]""", byBudgetYear: true);
        foreach (string url in new[] { "/v1/plans/sweep", "/v1/plans/sweep?format=csv" })
        {
            var problem = await (await client.PostJsonAsync(url, big)).ProblemAsync(HttpStatusCode.BadRequest);
            problem.Errors()["parameters"].Single().ShouldContain("réduisez le nombre de scénarios");
            problem["fieldErrors"]![0]!["code"]!.GetValue<string>().ShouldBe("answer-too-large");
        }

        string body = Sweep("""[{"parameter": "cost", "range": {"from": 100000, "to": 109999, "step": 1}}]""");
        var response = await client.PostJsonAsync("/v1/plans/sweep?format=csv", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + 10_000 + 2);
        // The 10 000th scenario: 109 999 € a year over 24 months from April 2022; the State is capped at 80 000 €.
        lines[10_000].ShouldStartWith("10000;109999;219998,00;80000,00;23187,00;");
    }
}
