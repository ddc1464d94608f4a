using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

public class AnswerBudgetTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    /// <summary>
    /// The case measured in the hardening issue: a mixed key of ten components with 200-character labels and 100 000
    /// parties, about 3 MB, answered 1,25 GB in 13 s. Now refused before computing, with the level that fits.
    /// </summary>
    private static string HugeMixedAllocation()
    {
        var body = new StringBuilder("{\"amount\": 1000000.00, \"key\": {\"type\": \"mixed\", \"components\": [");
        for (int k = 0; k < 10; k++)
        {
            body.Append(k == 0 ? "" : ",").Append("{\"percent\": 10, \"key\": {\"type\": \"weight\", \"label\": \"").Append((char)('a' + k), 200).Append("\"}}");
        }
        body.Append("]}, \"parties\": [");
        for (int i = 0; i < 100_000; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("{\"id\":\"p").Append(i).Append("\",\"weight\":").Append(1 + (i % 97)).Append('}');
        }
        return body.Append("]}").ToString();
    }

    [Fact]
    public async Task TheMeasured1_25GbCase_IsRefusedBeforeComputing_AndSummaryFitsTheBudget()
    {
        using var client = factory.CreateClient();
        string body = HugeMixedAllocation();
        long requestBytes = Encoding.UTF8.GetByteCount(body);
        requestBytes.ShouldBeLessThan(4 * 1024 * 1024);

        var full = await client.PostJsonAsync("/v1/allocations", body);
        var problem = await full.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors()["explain"].Single().ShouldContain("explain=summary");

        var summary = await client.PostJsonAsync("/v1/allocations?explain=summary", body);
        byte[] answer = await summary.Content.ReadAsByteArrayAsync();
        summary.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.LongLength.ShouldBeLessThanOrEqualTo(AnswerBudget.For(requestBytes));
        var json = JsonNode.Parse(answer)!;
        json["shares"]!.AsArray().Count.ShouldBe(100_000);
        json["shares"]![0]!["sentence"].ShouldBeNull();
        json["sentence"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task APlanWhoseFullAnswerExceedsTheBudget_IsA400_WhileWriting_AndSummaryFits()
    {
        // 33 funders paid monthly over 600 months: 19 800 explained payments from a request of a few kilobytes. Plans have
        // no estimate: the bounded buffer refuses the answer as it is written.
        var plan = Seeds.Plan();
        plan["cost"]!["months"] = 600;
        var funders = new JsonArray();
        for (int i = 0; i < 33; i++)
        {
            funders.Add(new JsonObject
            {
                ["id"] = $"f{i}", ["name"] = $"Financeur {i}", ["kind"] = "epci",
                ["rule"] = new JsonObject { ["type"] = "fixedAnnual", ["annualAmount"] = 123_456.79m },
                ["payment"] = new JsonObject { ["type"] = "monthly" },
            });
        }
        funders.Add(new JsonObject { ["id"] = "porteur", ["name"] = "Porteur", ["kind"] = "private", ["rule"] = new JsonObject { ["type"] = "remainder" } });
        plan["funders"] = funders;
        using var client = factory.CreateClient();

        var full = await client.PostJsonAsync("/v1/plans", plan.ToJsonString());
        (await full.ProblemAsync(HttpStatusCode.BadRequest)).Errors()["explain"].Single().ShouldContain("explain=summary");

        var summary = await client.PostJsonAsync("/v1/plans?explain=summary", plan.ToJsonString());
        (await summary.OkJsonAsync())["funders"]![0]!["schedule"]!["payments"]!.AsArray().Count.ShouldBe(600);
    }

    [Fact]
    public async Task ExplainLevels_ChangeTheExplanations_NeverTheFigures()
    {
        using var client = factory.CreateClient();
        var full = await (await client.PostJsonAsync("/v1/plans", Seeds.PlanJson)).OkJsonAsync();
        var summary = await (await client.PostJsonAsync("/v1/plans?explain=summary", Seeds.PlanJson)).OkJsonAsync();
        var none = await (await client.PostJsonAsync("/v1/plans?explain=NONE", Seeds.PlanJson)).OkJsonAsync();

        static string Payments(JsonNode plan) => string.Join(";", plan["funders"]!.AsArray().Select(f => $"{f!["id"]}={f["total"]!.Raw()}:" +
            string.Join(",", f["schedule"]!["payments"]!.AsArray().Select(p => p!["amount"]!.Raw()))));
        // The lean answer's figures: each funder's total, limit and contributions by year, the groups, year balances and totals.
        static string Figures(JsonNode plan) => string.Join(";", plan["funders"]!.AsArray().Select(f => $"{f!["id"]}={f["total"]!.Raw()}/{f["shareOfCostPercent"]!.Raw()}/{f["effectiveRatePercent"]!.Raw()}/{f["limit"]}/{f["isCarrier"]}:" +
            string.Join(",", f["contributionByBudgetYear"]!.AsArray().Select(y => $"{y!["year"]}:{y["amount"]!.Raw()}"))))
            + plan["budgetYears"]!.ToJsonString() + plan["totals"]!.ToJsonString() + plan["costByBudgetYear"]!.AsArray().Select(c => c!["amount"]!.Raw()).Aggregate((a, b) => a + "," + b)
            + string.Join(",", plan["groups"]!.AsArray().Select(g => $"{g!["pool"]!.Raw()}/{g["allocated"]!.Raw()}"));
        Payments(summary).ShouldBe(Payments(full));
        Figures(summary).ShouldBe(Figures(full));
        Figures(none).ShouldBe(Figures(full));
        // The lean path leaves out what needs a schedule: payments, the year table, the treasury, the checks.
        none["funders"]![0]!["schedule"].ShouldBeNull();
        none["funders"]![0]!["formatted"].ShouldBeNull();
        none["budgetYearTable"].ShouldBeNull();
        none["checks"].ShouldBeNull();

        full["funders"]![0]!["explanation"]!["terms"]!.AsArray().Count.ShouldBeGreaterThan(0);
        full["funders"]![1]!["schedule"]!["payments"]![0]!["sentence"].ShouldNotBeNull();
        summary["funders"]![0]!["explanation"]!["sentence"].ShouldNotBeNull();
        summary["funders"]![0]!["explanation"]!["terms"].ShouldBeNull();
        summary["funders"]![1]!["schedule"]!["payments"]![0]!["sentence"].ShouldBeNull();
        none["funders"]![0]!["explanation"].ShouldBeNull();
        none["costExplanation"].ShouldBeNull();
        none["treasury"].ShouldBeNull();
        none.ToJsonString().Length.ShouldBeLessThan(summary.ToJsonString().Length);
        summary.ToJsonString().Length.ShouldBeLessThan(full.ToJsonString().Length);
    }

    [Fact]
    public async Task AnUnknownLevel_Is400_NamingExplain()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/plans?explain=some", Seeds.PlanJson);
        (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContainKey("explain");
    }

    [Fact]
    public async Task TheCache_KeepsLevelsApart()
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["name"] = "levels " + Guid.NewGuid());
        var full = await (await client.PostJsonAsync("/v1/plans", body)).OkJsonAsync();
        var none = await (await client.PostJsonAsync("/v1/plans?explain=none", body)).OkJsonAsync();
        full["funders"]![0]!["explanation"].ShouldNotBeNull();
        none["funders"]![0]!["explanation"].ShouldBeNull();
    }
}
