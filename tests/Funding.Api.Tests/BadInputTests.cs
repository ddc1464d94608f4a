using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

public class BadInputTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    public static TheoryData<string, string, string, string> BadBodies() => new()
    {
        // because, endpoint, body, expected error key
        { "malformed JSON, at the root", "/v1/plans", "{", "$" },
        { "malformed JSON, where the parser stopped", "/v1/plans", "{\"name\": ", "name" },
        { "not JSON at all", "/v1/plans", "name=x", "$" },
        { "array instead of object", "/v1/plans", "[1, 2]", "$" },
        { "wrong type", "/v1/plans", Seeds.Mutate(p => p["name"] = 5), "name" },
        { "missing field", "/v1/plans", Seeds.Mutate(p => p.AsObject().Remove("cost")), "cost" },
        { "null where a value is required", "/v1/plans", Seeds.Mutate(p => p["name"] = null), "name" },
        { "unknown rule type", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["rule"]!["type"] = "percentage"), "funders[0].rule.type" },
        { "missing rule type", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["rule"]!.AsObject().Remove("type")), "funders[0].rule.type" },
        { "unknown field", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["rule"]!["capp"] = 1), "funders[0].rule.capp" },
        { "unknown enum value", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["kind"] = "etat"), "funders[0].kind" },
        { "negative amount", "/v1/plans", Seeds.Mutate(p => p["funders"]![1]!["rule"]!["annualAmount"] = -5), "funders[1].rule.annualAmount" },
        { "rate above 100 %", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["rule"]!["ratePercent"] = 150), "funders[0].rule.ratePercent" },
        { "duplicate ids", "/v1/plans", Seeds.Mutate(p => p["funders"]![1]!["id"] = "etat"), "funders[1].id" },
        { "NaN-like string", "/v1/plans", Seeds.Mutate(p => p["cost"]!["annualAmount"] = "NaN"), "cost.annualAmount" },
        { "money as a string", "/v1/plans", Seeds.Mutate(p => p["cost"]!["annualAmount"] = "103800.00"), "cost.annualAmount" },
        { "more than two decimals", "/v1/plans", Seeds.Mutate(p => p["cost"]!["annualAmount"] = 103800.005m), "cost.annualAmount" },
        { "beyond the maximum", "/v1/plans", Seeds.Mutate(p => p["cost"]!["annualAmount"] = 1_000_000_000_000.01m), "cost.annualAmount" },
        { "number with an absurd exponent", "/v1/plans", Seeds.PlanJson.Replace("\"annualAmount\":103800.00", "\"annualAmount\":1e400", StringComparison.Ordinal), "cost.annualAmount" },
        { "too many significant digits", "/v1/plans", Seeds.PlanJson.Replace("\"annualAmount\":103800.00", "\"annualAmount\":103800.00000000000000000000000001", StringComparison.Ordinal), "cost.annualAmount" },
        { "impossible date", "/v1/plans", Seeds.Mutate(p => p["cost"]!["start"] = "2022-02-30"), "cost.start" },
        { "date out of range", "/v1/plans", Seeds.Mutate(p => p["cost"]!["start"] = "1800-01-01"), "cost.start" },
        { "zero months", "/v1/plans", Seeds.Mutate(p => p["cost"]!["months"] = 0), "cost.months" },
        { "period beyond the limit", "/v1/plans", Seeds.Mutate(p => p["cost"]!["months"] = 601), "cost.months" },
        { "two remainder funders", "/v1/plans", Seeds.Mutate(p => p["funders"]![1]!["rule"] = new JsonObject { ["type"] = "remainder" }), "funders[3].rule.type" },
        { "group without members", "/v1/plans", Seeds.Mutate(p => p["funders"]![2]!["rule"]!["members"] = new JsonArray()), "funders[2].rule.members" },
        { "member with a negative weight", "/v1/plans", Seeds.Mutate(p => p["funders"]![2]!["rule"]!["members"]![3]!["weight"] = -1), "funders[2].rule.members[3].weight" },
        { "bad day of the year", "/v1/plans", Seeds.Mutate(p => p["funders"]![1]!["payment"] = new JsonObject { ["type"] = "perBudgetYear", ["payOn"] = "13-45" }), "funders[1].payment.payOn" },
        { "unknown rounding", "/v1/plans", Seeds.Mutate(p => p["options"] = new JsonObject { ["rounding"] = "bankers" }), "options.rounding" },
        { "unknown carrier", "/v1/plans", Seeds.Mutate(p => p["options"] = new JsonObject { ["carrierId"] = "nobody" }), "options.carrierId" },
        { "empty body", "/v1/plans", "", "$" },
        { "allocation: negative amount", "/v1/allocations", """{"amount": -1, "key": {"type": "equal"}, "parties": [{"id": "a"}]}""", "amount" },
        { "allocation: no parties", "/v1/allocations", """{"amount": 1, "key": {"type": "equal"}, "parties": []}""", "parties" },
        { "allocation: duplicate ids", "/v1/allocations", """{"amount": 1, "key": {"type": "equal"}, "parties": [{"id": "a"}, {"id": "a"}]}""", "parties[1].id" },
        { "allocation: all weights zero", "/v1/allocations", """{"amount": 1, "key": {"type": "weight"}, "parties": [{"id": "a", "weight": 0}]}""", "parties" },
        { "allocation: negative weight", "/v1/allocations", """{"amount": 1, "key": {"type": "weight"}, "parties": [{"id": "a", "weight": -3}]}""", "parties[0].weight" },
        { "allocation: missing weight", "/v1/allocations", """{"amount": 1, "key": {"type": "weight"}, "parties": [{"id": "a", "weight": 1}, {"id": "b"}]}""", "parties[1].weight" },
        { "allocation: cap below floor", "/v1/allocations", """{"amount": 10, "key": {"type": "equal"}, "parties": [{"id": "a", "cap": 1, "floor": 2}]}""", "parties[0].cap" },
        { "allocation: mixed key not summing to 100", "/v1/allocations", """{"amount": 10, "key": {"type": "mixed", "components": [{"percent": 60, "key": {"type": "equal"}}]}, "parties": [{"id": "a"}]}""", "key.components" },
        { "allocation: sub-cent cap", "/v1/allocations", """{"amount": 10, "key": {"type": "equal"}, "parties": [{"id": "a", "cap": 1.001}]}""", "parties[0].cap" },
        { "cap: rate above 100 %", "/v1/caps", """{"base": 100, "ratePercent": 101}""", "ratePercent" },
        { "cap: negative base", "/v1/caps", """{"base": -100, "ratePercent": 50}""", "base" },
        { "cap: cap below floor", "/v1/caps", """{"base": 100, "ratePercent": 50, "cap": 1, "floor": 2}""", "cap" },
        { "compare: missing variant", "/v1/plans/compare", $$"""{"baseline": {{Seeds.PlanJson}}}""", "variant" },
        { "advance and installments above 100 % (the domain's 'advance' is the contract's 'advancePercent')", "/v1/plans", Seeds.Mutate(p => p["funders"]![1]!["payment"] = new JsonObject { ["type"] = "advanceAndBalance", ["advancePercent"] = 80, ["installments"] = new JsonArray(new JsonObject { ["date"] = "2023-01-01", ["percent"] = 40 }) }), "funders[1].payment.advancePercent" },
        { "a member's weight under a named key", "/v1/plans", Seeds.Mutate(p => { p["funders"]![2]!["rule"]!["key"] = new JsonObject { ["type"] = "weight", ["weightName"] = "population" }; }), "funders[2].rule.members[0].weights.population" },
        // Strict input (hardening issue): each of these was accepted before.
        { "duplicate key, last one used to win", "/v1/caps", """{"base": 1, "ratePercent": 50, "base": 207600}""", "base" },
        { "duplicate key in a plan", "/v1/plans", Seeds.PlanJson.Replace("\"months\":24", "\"months\":24,\"months\":12", StringComparison.Ordinal), "cost.months" },
        { "duplicate weight name", "/v1/allocations", """{"amount": 1, "key": {"type": "weight", "weightName": "p"}, "parties": [{"id": "a", "weights": {"p": 1, "p": 2}}]}""", "parties[0].weights.p" },
        { "formula-looking id", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["id"] = "=1+1"), "funders[0].id" },
        { "id with a space", "/v1/allocations", """{"amount": 1, "key": {"type": "equal"}, "parties": [{"id": "a b"}]}""", "parties[0].id" },
        { "name starting with a tab", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["name"] = "\tÉtat"), "funders[0].name" },
        { "name starting with CR", "/v1/allocations", """{"amount": 1, "key": {"type": "equal"}, "parties": [{"id": "a", "name": "\r=1"}]}""", "parties[0].name" },
        { "NUL in a plan name", "/v1/plans", Seeds.Mutate(p => p["name"] = "Poste\u0000"), "name" },
        { "right-to-left override in a name", "/v1/plans", Seeds.Mutate(p => p["funders"]![1]!["name"] = "QBO \u202E05,395 11"), "funders[1].name" },
        { "isolate in a key label", "/v1/allocations", """{"amount": 1, "key": {"type": "weight", "label": "pop\u2066x"}, "parties": [{"id": "a", "weight": 1}]}""", "key.label" },
        { "line separator in a member name", "/v1/plans", Seeds.Mutate(p => p["funders"]![2]!["rule"]!["members"]![0]!["name"] = "Brest\u2028Métropole"), "funders[2].rule.members[0].name" },
        { "unpaired surrogate", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["name"] = "LONE").Replace("LONE", "\\ud800x", StringComparison.Ordinal), "funders[0].name" },
        { "bidi control in a description", "/v1/plans", Seeds.Mutate(p => p["description"] = "ligne 1\nligne 2 \u200F"), "description" },
        { "description too long", "/v1/plans", Seeds.Mutate(p => p["description"] = new string('x', 2001)), "description" },
        // An enum is its exact camelCase name: the runtime's converter read other cases, and read a list of names as their
        // bitwise combination ("region, department" was the kind epci).
        { "enum name in capitals", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["kind"] = "STATE"), "funders[0].kind" },
        { "enum names combined", "/v1/plans", Seeds.Mutate(p => p["funders"]![0]!["kind"] = "region, department"), "funders[0].kind" },
        { "enum names combined in a member", "/v1/plans", Seeds.Mutate(p => p["funders"]![2]!["rule"]!["members"]![0]!["kind"] = "region, department"), "funders[2].rule.members[0].kind" },
        { "nullable enum name in another case", "/v1/plans", Seeds.Mutate(p => p["cost"]!["prorata"] = "Days"), "cost.prorata" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_Is400_NamingTheOffendingField(string because, string endpoint, string body, string key)
    {
        using var client = factory.CreateClient();
        var problem = await (await client.PostJsonAsync(endpoint, body)).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        errors.Keys.ShouldContain(key, $"{because}: {problem.ToJsonString()}");
        errors[key].ShouldAllBe(message => message.Length > 10);
    }

    /// <summary>
    /// The lean plan is not cached, and its body is not buffered to be read again: the endpoint keeps a refused body for
    /// the problems to be named, whether it came in one piece or in many (a large body, padded with spaces).
    /// </summary>
    [Theory]
    [InlineData("/v1/plans?explain=none", 0)]
    [InlineData("/v1/plans?explain=none", 300_000)]
    [InlineData("/v1/plans?explain=summary", 300_000)]
    public async Task ARefusedBody_ReadOnce_IsStillNamedByPath(string endpoint, int padding)
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["funders"]![2]!["rule"]!["members"]![1]!["kind"] = "EPCI").Replace(",", "," + new string(' ', padding / 40), StringComparison.Ordinal);

        var problem = await (await client.PostJsonAsync(endpoint, body)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Keys.ShouldBe(["funders[2].rule.members[1].kind"]);
    }

    [Fact]
    public async Task ANullBody_ReadOnce_IsNamedAtTheRoot()
    {
        using var client = factory.CreateClient();

        var problem = await (await client.PostJsonAsync("/v1/plans?explain=none", "null")).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Keys.ShouldBe(["$"]);
    }

    [Fact]
    public async Task AllSemanticErrorsOfAPlan_AreReportedTogether()
    {
        using var client = factory.CreateClient();
        var body = Seeds.Mutate(p =>
        {
            p["funders"]![0]!["rule"]!["ratePercent"] = 150;
            p["funders"]![1]!["rule"]!["annualAmount"] = -1;
            p["funders"]![3]!["id"] = "qbo";
        });
        var problem = await (await client.PostJsonAsync("/v1/plans", body)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Keys.ShouldBe(["funders[0].rule.ratePercent"], ignoreOrder: true);
        // Mapping errors stop before the domain's validation; fix them and the next ones appear.
        var second = Seeds.Mutate(p =>
        {
            p["funders"]![1]!["rule"]!["annualAmount"] = -1;
            p["funders"]![3]!["id"] = "qbo";
        });
        var problem2 = await (await client.PostJsonAsync("/v1/plans", second)).ProblemAsync(HttpStatusCode.BadRequest);
        problem2.Errors().Keys.ShouldBe(["funders[1].rule.annualAmount", "funders[3].id"], ignoreOrder: true);
    }

    [Fact]
    public async Task TooManyParties_Is400WithTheLimit()
    {
        using var client = factory.CreateClient();
        var parties = string.Join(",", Enumerable.Range(0, 100_001).Select(i => $$"""{"id":"{{i}}"}"""));
        var problem = await (await client.PostJsonAsync("/v1/allocations", $$"""{"amount": 1, "key": {"type": "equal"}, "parties": [{{parties}}]}""")).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors()["parties"].Single().ShouldContain("100000");
    }

    [Fact]
    public async Task OversizedBody_Is413WithTheLimit()
    {
        using var client = factory.CreateClient();
        var body = "{\"name\": \"" + new string('x', 5 * 1024 * 1024) + "\"}";
        var problem = await (await client.PostJsonAsync("/v1/plans", body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem["detail"]!.GetValue<string>().ShouldContain("4 Mio");
    }

    [Fact]
    public async Task NonJsonBody_Is415()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("name=x", Encoding.UTF8, "text/plain");
        var response = await client.PostAsync(new Uri("/v1/plans", UriKind.Relative), content);
        (await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType))["detail"]!.GetValue<string>().ShouldContain("application/json");
    }

    [Fact]
    public async Task UnknownEndpoint_Is404Problem()
    {
        using var client = factory.CreateClient();
        await (await client.GetAsync(new Uri("/v2/nothing", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public class DuplicateKeyTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task ADuplicateKey_IsNamed_WithoutInternalTypeNames()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/caps", """{"base": 1, "ratePercent": 50, "base": 207600}""");
        string message = (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors()["base"].Single();
        message.ShouldContain("« base » est donné deux fois");
        message.ShouldNotContain("Funding.");
    }
}

public class CanonicalBytesTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Theory]
    [InlineData("50", "50.00")]
    [InlineData("50", "50.0000")]
    [InlineData("50.5", "50.500")]
    public async Task TheSameValueAtAnotherScale_GivesTheSameBytes(string a, string b)
    {
        using var client = factory.CreateClient();
        string Body(string rate) => $$"""{"base": 207600.00, "ratePercent": {{rate}}, "cap": 80000}""";
        var first = await client.PostJsonAsync("/v1/caps", Body(a));
        var second = await client.PostJsonAsync("/v1/caps", Body(b));
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APlanWrittenAtAnotherScale_GivesTheSameBytes()
    {
        using var client = factory.CreateClient();
        string plan = Seeds.PlanJson;
        string rescaled = System.Text.RegularExpressions.Regex.Replace(plan, "\"ratePercent\":[0-9.]+", "\"ratePercent\":50.000")
            .Replace("\"annualAmount\":103800.00", "\"annualAmount\":103800", StringComparison.Ordinal);
        rescaled.ShouldNotBe(plan);
        var first = await (await client.PostJsonAsync("/v1/plans", plan)).Content.ReadAsStringAsync();
        var second = await (await client.PostJsonAsync("/v1/plans", rescaled)).Content.ReadAsStringAsync();
        second.ShouldBe(first);
    }

    [Theory]
    [InlineData("103800.000", "103800")]
    [InlineData("8695.1250", "8695.125")]
    [InlineData("0.00", "0")]
    [InlineData("-0.10", "-0.1")]
    [InlineData("38.5356454720616570327552987", "38.5356454720616570327552987")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Canonical_RemovesTrailingZeros(string value, string expected)
    {
        decimal canonical = Funding.Contracts.Json.StrictDecimalConverter.Canonical(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        canonical.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    /// <summary>
    /// The shortcut for a value already at its smallest scale gives exactly what the division by one gives — the same
    /// bits, scale and sign included — for decimals of every scale, sign and 96-bit mantissa.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 20_000)]
    public void Canonical_IsTheDivisionByOne(int lo, int mid, int hi, bool negative, byte scale)
    {
        var value = new decimal(lo, mid, hi, negative, (byte)(scale % 29));
        decimal canonical = Funding.Contracts.Json.StrictDecimalConverter.Canonical(value);
        decimal.GetBits(canonical).ShouldBe(decimal.GetBits(value / 1.0000000000000000000000000000m));
    }
}
