using System.Net;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

public class PlanEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private async Task<JsonNode> SeedAsync(HttpClient client) => await client.GetJsonAsync("/v1/samples/territoire-industrie-finistere");

    private static JsonNode Funder(JsonNode result, string id) => result["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task SeedPlan_ReturnsTheGoldenFigures()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/plans", (await SeedAsync(client)).ToJsonString())).OkJsonAsync();

        result["calculationVersion"]!.GetValue<string>().ShouldBe(CalculationVersion.Current);
        result["totalCost"]!.Raw().ShouldBe("207600.00");
        var state = Funder(result, "etat");
        state["total"]!.Raw().ShouldBe("80000.00");
        state["limit"]!.GetValue<string>().ShouldBe("cap");
        state["effectiveRatePercent"]!.Decimal().ShouldBe(38.535645m);
        state["formatted"]!["total"]!.GetValue<string>().ShouldBe("80\u202F000,00\u00A0€");
        state["formatted"]!["effectiveRate"]!.GetValue<string>().ShouldBe("38,54\u00A0%");
        state["formatted"]!["totalInWords"]!.GetValue<string>().ShouldBe("quatre-vingt mille euros");
        state["explanation"]!["sentence"]!.GetValue<string>().ShouldBe(
            "L'État finance 50\u00A0% du coût total de 207\u202F600,00\u00A0€, soit 103\u202F800,00\u00A0€, plafonné à 80\u202F000,00\u00A0€ (taux effectif 38,54\u00A0%).");
        var qbo = Funder(result, "qbo");
        qbo["total"]!.Raw().ShouldBe("23187.00");
        qbo["formatted"]!["shareOfCost"]!.GetValue<string>().ShouldBe("11,17\u00A0%");
        qbo["schedule"]!["payments"]!.AsArray().Select(p => (p!["budgetYear"]!.GetValue<int>(), p["amount"]!.Raw()))
            .ShouldBe([(2022, "8695.13"), (2023, "11593.50"), (2024, "2898.37")]);
        var group = result["groups"]![0]!;
        group["explanation"]!["terms"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "leftToFund")!["value"]!.Decimal().ShouldBe(104_413m);
        Funder(result, "uimm-finistere")["total"]!.Raw().ShouldBe("52206.50");
        result["totals"]!["totalFunded"]!.Raw().ShouldBe("207600.00");
        result["totals"]!["unfunded"]!.Decimal().ShouldBe(0m);
        result["budgetYearTable"]!["years"]!.AsArray().Select(y => y!.GetValue<int>()).ShouldBe([2022, 2023, 2024]);
        result["budgetYearTable"]!["grandTotal"]!.Decimal().ShouldBe(207_600m);
        result["treasury"]!["largestDeficit"]!.Decimal().ShouldBe(52_206.50m);
        result["treasury"]!["months"]![0]!["month"]!.GetValue<string>().ShouldBe("2022-04");
        result["checks"]!.AsArray().Select(c => (c!["id"]!.GetValue<string>(), c["outcome"]!.GetValue<string>()))
            .ShouldContain(("written-agreement", "warning"));
        result["checks"]!.AsArray().Count.ShouldBe(9);
    }

    [Fact]
    public async Task PvdWithAnah_SharesItsCeiling_AndEveryYearReconciles()
    {
        // docs/plans.md by hand: 80 000 € a year; ANAH 40 000 €, three partners 8 000 € each; together 64 000 €, brought
        // pro rata to 55 000 €: ANAH 34 375 €, each other 6 875 € a year; the commune 25 000 € a year.
        using var client = factory.CreateClient();
        var plan = await client.GetJsonAsync("/v1/samples/petites-villes-de-demain-anah");
        plan["sharedCeilings"]![0]!["per"]!.GetValue<string>().ShouldBe("budgetYear");
        plan["sharedCeilings"]![0]!["sharing"]!.GetValue<string>().ShouldBe("proRata");
        var result = await (await client.PostJsonAsync("/v1/plans", plan.ToJsonString())).OkJsonAsync();

        var anah = Funder(result, "anah");
        anah["limit"]!.GetValue<string>().ShouldBe("sharedCeiling");
        anah["contributionByBudgetYear"]!.AsArray().Select(y => y!["amount"]!.Raw()).ShouldBe(["34375.00", "34375.00", "34375.00"]);
        Funder(result, "etat")["total"]!.Raw().ShouldBe("20625.00");
        var ceiling = result["sharedCeilings"]![0]!;
        (ceiling["ceiling"]!.Raw(), ceiling["before"]!.Raw(), ceiling["after"]!.Raw(), ceiling["tookOff"]!.Raw()).ShouldBe(("165000.00", "192000.00", "165000.00", "27000.00"));
        result["budgetYears"]!.AsArray().Select(b => $"{b!["year"]} {b["cost"]!.Raw()} {b["contributions"]!.Raw()} {b["overFunding"]!.Raw()} {b["unfunded"]!.Raw()}")
            .ShouldBe(["2025 80000.00 80000.00 0.00 0.00", "2026 80000.00 80000.00 0.00 0.00", "2027 80000.00 80000.00 0.00 0.00"]);
        var table = result["budgetYearTable"]!;
        table["contributionTotals"]!.AsArray().Select(y => y!["amount"]!.Raw()).ShouldBe(["80000.00", "80000.00", "80000.00"]);
        table["rows"]!.AsArray().Single(r => r!["funderId"]!.GetValue<string>() == "commune")!["contributions"]!.AsArray()
            .Select(y => y!["amount"]!.Raw()).ShouldBe(["25000.00", "25000.00", "25000.00"]);
    }

    [Fact]
    public async Task ASharedCeilingOnFundersThatAreNotConsecutive_IsAProblemNamingTheField()
    {
        using var client = factory.CreateClient();
        var plan = await client.GetJsonAsync("/v1/samples/petites-villes-de-demain-anah");
        plan["sharedCeilings"]![0]!["funderIds"] = new JsonArray("anah", "etat");
        var problem = await (await client.PostJsonAsync("/v1/plans", plan.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);

        var error = problem["fieldErrors"]!.AsArray().ShouldHaveSingleItem()!;
        error["path"]!.GetValue<string>().ShouldBe("sharedCeilings[0].funderIds");
        error["code"]!.GetValue<string>().ShouldBe("shared-ceiling-invalid");
        error["message"]!.GetValue<string>().ShouldContain("se suivent");
    }

    [Fact]
    public async Task Keys_AreComparedSideBySide_WithEachMembersDifference()
    {
        // docs/plans.md by hand: Brest Métropole pays 23 706,83 € by population, 5 800,73 € in equal parts, 14 753,77 €
        // by half population, half equal parts.
        using var client = factory.CreateClient();
        string body = System.Text.Json.JsonSerializer.Serialize(Funding.Api.OpenApi.FundingOpenApi.KeysExample, Seeds.Options);
        var result = await (await client.PostJsonAsync("/v1/plans/keys", body)).OkJsonAsync();
        result["planAllocated"]!.Raw().ShouldBe("52206.50");
        var brest = result["members"]![0]!;
        brest["plan"]!.Raw().ShouldBe("23706.83");
        brest["byKey"]!.AsArray().Select(k => (k!["amount"]!.Raw(), k["difference"]!.Raw())).ShouldBe([("5800.73", "-17906.10"), ("14753.77", "-8953.06")]);

        var wrong = JsonNode.Parse(body)!;
        wrong["keys"]![0]!["key"] = JsonNode.Parse("""{"type": "weight", "label": "potentiel fiscal", "weightName": "potentielFiscal"}""");
        var problem = await (await client.PostJsonAsync("/v1/plans/keys", wrong.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe(["keys[0].key"]);
    }

    [Fact]
    public async Task Funders_SumToTheCost_AndEachScheduleToItsTotal()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/plans", (await SeedAsync(client)).ToJsonString())).OkJsonAsync();

        var funders = result["funders"]!.AsArray();
        funders.Sum(f => f!["total"]!.Decimal()).ShouldBe(207_600m);
        foreach (var funder in funders)
        {
            funder!["schedule"]!["payments"]!.AsArray().Sum(p => p!["amount"]!.Decimal()).ShouldBe(funder["total"]!.Decimal());
        }
    }

    [Fact]
    public async Task Compare_RaisingTheStateCap_GivesTheDeltas()
    {
        using var client = factory.CreateClient();
        var baseline = await SeedAsync(client);
        var variant = baseline.Clone();
        variant["funders"]![0]!["rule"]!["cap"] = 100000.00m;
        var body = new JsonObject { ["baseline"] = baseline.Clone(), ["variant"] = variant };

        var result = await (await client.PostJsonAsync("/v1/plans/compare", body.ToJsonString())).OkJsonAsync();

        var state = result["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "etat")!;
        state["delta"]!.Raw().ShouldBe("20000.00");
        state["status"]!.GetValue<string>().ShouldBe("changed");
        state["sentence"]!.GetValue<string>().ShouldBe("État : 80\u202F000,00\u00A0€ → 100\u202F000,00\u00A0€ (+20\u202F000,00\u00A0€).");
        result["totals"]!["carrierShare"]!["delta"]!.Decimal().ShouldBe(-10_000m);
        result["totals"]!["totalFunded"]!["delta"]!.Decimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Compare_NamesThePlanOfAnError()
    {
        using var client = factory.CreateClient();
        var baseline = await SeedAsync(client);
        var variant = baseline.Clone();
        variant["funders"]![0]!["rule"]!["ratePercent"] = 150;
        var body = new JsonObject { ["baseline"] = baseline.Clone(), ["variant"] = variant };

        var problem = await (await client.PostJsonAsync("/v1/plans/compare", body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe(["variant.funders[0].rule.ratePercent"]);
    }

    [Fact]
    public async Task Samples_AreListed_AndEachEvaluates()
    {
        using var client = factory.CreateClient();
        var list = (await client.GetJsonAsync("/v1/samples")).AsArray();

        list.Select(s => s!["id"]!.GetValue<string>()).ShouldContain("territoire-industrie-finistere");
        foreach (var sample in list)
        {
            var plan = await client.GetJsonAsync(sample!["href"]!.GetValue<string>());
            var result = await (await client.PostJsonAsync("/v1/plans", plan.ToJsonString())).OkJsonAsync();
            result["name"]!.GetValue<string>().ShouldBe(plan["name"]!.GetValue<string>());
        }
    }

    /// <summary>
    /// The lean answer, written straight from the engine's figures, is the full answer without what explains it: the
    /// same members in the same order with the same values, from two paths (the lean evaluation and its writer, the
    /// explained evaluation and the serializer).
    /// </summary>
    [Fact]
    public async Task TheLeanAnswer_IsTheFullAnswer_WithoutItsExplanations()
    {
        using var client = factory.CreateClient();
        foreach (var sample in (await client.GetJsonAsync("/v1/samples")).AsArray())
        {
            string plan = (await client.GetJsonAsync(sample!["href"]!.GetValue<string>())).ToJsonString();
            var lean = await (await client.PostJsonAsync("/v1/plans?explain=none", plan)).OkJsonAsync();
            var full = (await (await client.PostJsonAsync("/v1/plans", plan)).OkJsonAsync()).AsObject();

            foreach (string explaining in (string[])["costExplanation", "roundingSentence", "budgetYearTable", "treasury", "checks"])
            {
                full.Remove(explaining).ShouldBeTrue(explaining);
            }
            foreach (var year in full["costByBudgetYear"]!.AsArray())
            {
                year!.AsObject().Remove("sentence").ShouldBeTrue();
            }
            foreach (var funder in full["funders"]!.AsArray())
            {
                funder!.AsObject().Remove("formatted");
                funder.AsObject().Remove("explanation").ShouldBeTrue();
                funder.AsObject().Remove("schedule").ShouldBeTrue();
            }
            foreach (var part in full["groups"]!.AsArray().Concat(full["sharedCeilings"]!.AsArray()))
            {
                part!.AsObject().Remove("explanation").ShouldBeTrue();
            }
            lean.ToJsonString().ShouldBe(full.ToJsonString(), sample["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task UnknownSample_Is404Problem()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/v1/samples/nope", UriKind.Relative));
        (await response.ProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>().ShouldContain("« nope »");
    }
}

public class AllocationAndCapEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task HundredEurosInThreeEqualParts()
    {
        using var client = factory.CreateClient();
        var body = """{"amount": 100.00, "key": {"type": "equal"}, "parties": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}""";
        var result = await (await client.PostJsonAsync("/v1/allocations", body)).OkJsonAsync();

        result["shares"]!.AsArray().Select(s => (s!["id"]!.GetValue<string>(), s["amount"]!.Raw())).ShouldBe([("a", "33.34"), ("b", "33.33"), ("c", "33.33")]);
        result["shares"]![0]!["remainderCents"]!.GetValue<int>().ShouldBe(1);
        result["shares"]![0]!["sentence"]!.GetValue<string>().ShouldContain("au titre des plus forts restes");
        result["leftoverCents"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task PopulationSplit_OfTheFinistere_SumsExactly_WithCapsAndAMixedKey()
    {
        using var client = factory.CreateClient();
        var body = """
        {"amount": 103800.00,
         "key": {"type": "mixed", "components": [
            {"percent": 50, "key": {"type": "weight", "weightName": "population", "label": "population"}},
            {"percent": 50, "key": {"type": "equal"}}]},
         "parties": [
            {"id": "brest", "name": "Brest Métropole", "weights": {"population": 213403}, "cap": 20000.00},
            {"id": "qbo", "name": "Quimper Bretagne Occidentale", "weights": {"population": 102574}},
            {"id": "morlaix", "weights": {"population": 65507}, "floor": 12000}]}
        """;
        var result = await (await client.PostJsonAsync("/v1/allocations", body)).OkJsonAsync();

        var shares = result["shares"]!.AsArray();
        shares.Sum(s => s!["amount"]!.Decimal()).ShouldBe(103_800m);
        shares[0]!["amount"]!.Raw().ShouldBe("20000.00");
        shares[0]!["bound"]!.GetValue<string>().ShouldBe("cap");
        shares[2]!["amount"]!.Decimal().ShouldBeGreaterThanOrEqualTo(12_000m);
    }

    [Fact]
    public async Task Cap_FiftyPercentOf207600CappedAt80000()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/caps", """{"base": 207600.00, "ratePercent": 50, "cap": 80000.00}""")).OkJsonAsync();

        result["amount"]!.Raw().ShouldBe("80000.00");
        result["uncappedAmount"]!.Raw().ShouldBe("103800.00");
        result["capBinds"]!.GetValue<bool>().ShouldBeTrue();
        result["capReached"]!.GetValue<bool>().ShouldBeFalse();
        result["effectiveRatePercent"]!.Decimal().ShouldBe(38.535645m);
        result["effectiveRateFormatted"]!.GetValue<string>().ShouldBe("38,54\u00A0%");
        result["explanation"]!["sentence"]!.GetValue<string>().ShouldBe(
            "50\u00A0% de 207\u202F600,00\u00A0€, soit 103\u202F800,00\u00A0€, plafonné à 80\u202F000,00\u00A0€ (taux effectif 38,54\u00A0%).");
    }

    [Fact]
    public async Task Cap_JustReachedOn160000()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/caps", """{"base": 160000, "ratePercent": 50, "cap": 80000}""")).OkJsonAsync();
        result["capBinds"]!.GetValue<bool>().ShouldBeFalse();
        result["capReached"]!.GetValue<bool>().ShouldBeTrue();
        result["amount"]!.Raw().ShouldBe("80000.00");
    }
}
