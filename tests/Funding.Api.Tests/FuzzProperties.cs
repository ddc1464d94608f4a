using System.Net;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>
/// A request body derived from a valid one by random mutations. <see cref="Seed"/> and <see cref="Count"/> replay it:
/// <c>FuzzArbitraries.Replay(endpointIndex, seed, count)</c> rebuilds the same body, and both are printed on failure.
/// </summary>
public sealed record MutatedBody(int EndpointIndex, string Endpoint, int Seed, int Count, string Json)
{
    public override string ToString() =>
        $"{Endpoint} (replay: FuzzArbitraries.Replay({EndpointIndex}, {Seed}, {Count})) {(Json.Length > 600 ? Json[..600] + "…" : Json)}";
}

/// <summary>Generates mutated bodies for every endpoint: values replaced by other types or extreme numbers, fields removed or added, arrays emptied, text truncated, garbage.</summary>
public static class FuzzArbitraries
{
    private static readonly string Allocation = """{"amount": 103800.00, "key": {"type": "mixed", "components": [{"percent": 50, "key": {"type": "weight", "weightName": "population"}}, {"percent": 50, "key": {"type": "equal"}}]}, "parties": [{"id": "a", "weights": {"population": 213403}, "cap": 30000}, {"id": "b", "weights": {"population": 102574}, "floor": 100}, {"id": "c", "weights": {"population": 65507}}]}""";

    /// <summary>Every POST endpoint with each of its query options, and a valid body to mutate.</summary>
    internal static readonly (string Endpoint, string Body)[] Valid =
    [
        ("/v1/plans", Seeds.PlanJson),
        ("/v1/plans?explain=summary", Seeds.PlanJson),
        ("/v1/plans?explain=none", Seeds.PlanJson),
        ("/v1/plans?explain=everything", Seeds.PlanJson),
        ("/v1/plans/compare", $$"""{"baseline": {{Seeds.PlanJson}}, "variant": {{Seeds.PlanJson}}}"""),
        ("/v1/plans/report", Seeds.PlanJson),
        ("/v1/plans/report?format=html&funderId=qbo", Seeds.PlanJson),
        ("/v1/plans/report?format=csv", Seeds.PlanJson),
        ("/v1/plans/report?format=csv&csv=rfc4180&funderId=brest-metropole", Seeds.PlanJson),
        ("/v1/plans/report?format=json&funderId=nobody", Seeds.PlanJson),
        ("/v1/plans/report?format=pdf&csv=x", Seeds.PlanJson),
        ("/v1/plans/keys", $$$"""{"plan": {{{Seeds.PlanJson}}}, "groupId": "autres-epci", "keys": [{"name": "égales", "key": {"type": "equal"}}, {"name": "mixte", "key": {"type": "mixed", "components": [{"percent": 50, "key": {"type": "weight"}}, {"percent": 50, "key": {"type": "equal"}}]}}]}"""),
        ("/v1/plans/sweep", $$$"""{"plan": {{{Seeds.PlanJson}}}, "parameters": [{"parameter": "cap", "funderId": "etat", "range": {"from": 60000, "to": 100000, "step": 20000}}, {"parameter": "key", "funderId": "autres-epci", "keys": [{"name": "égales", "key": {"type": "equal"}}]}], "byBudgetYear": true}"""),
        ("/v1/plans/sweep?format=csv", $$$"""{"plan": {{{Seeds.PlanJson}}}, "parameters": [{"parameter": "startDate", "dateRange": {"from": "2022-01-01", "to": "2022-07-01", "stepMonths": 3}}, {"parameter": "rate", "funderId": "etat", "values": [40, 50]}]}"""),
        ("/v1/plans/sweep?format=xlsx", $$$"""{"plan": {{{Seeds.PlanJson}}}, "parameters": [{"parameter": "cost", "values": [90000, 103800]}, {"parameter": "annualAmount", "funderId": "qbo", "values": [10000]}]}"""),
        ("/v1/plans/execution", Execution),
        ("/v1/plans/execution?explain=none", ExecutionMonthly),
        ("/v1/allocations", Allocation),
        ("/v1/allocations?explain=summary", Allocation),
        ("/v1/allocations?explain=none", Allocation),
        ("/v1/caps", """{"base": 207600.00, "ratePercent": 50, "cap": 80000.00, "floor": 1000, "rounding": "half-to-even"}"""),
    ];

    private static string Execution => $$"""
        {"plan": {{Seeds.PlanJson}}, "actualExpenses": [{"year": 2022, "amount": 77850}, {"year": 2023, "amount": 25950.5}],
         "receipts": [{"funderId": "etat", "date": "2022-04-01", "amount": 80000, "reference": "titre n° 41"}, {"funderId": "brest-metropole", "date": "2023-02-01", "amount": 100.10}]}
        """;

    private static string ExecutionMonthly => $$"""
        {"plan": {{Seeds.PlanJson}}, "monthlyExpenses": [{"month": "2022-04", "amount": 8650}, {"month": "2023-01", "amount": 8650}], "receipts": []}
        """;

    /// <summary>How many endpoints the fuzzer knows a valid body for.</summary>
    public static int EndpointCount => Valid.Length;

    private static readonly JsonNode?[] Replacements =
    [
        null, true, 0, -1, -0.01m, 0.001m, 1e28m, 79228162514264337593543950335m, 100.000001m, 150, 1_000_000_000_000.01m,
        1_000_000_000_000m, 999_999_999_999.99m, 1_000_000_000_000_000m, 600, 601, 2_147_483_647, -2_147_483_648, 0.5m,
        "", "NaN", "Infinity", "x", "2022-02-30", "9999-12-31", "06-31", "remainder", "mixed", "percentOfRemaining",
        new JsonArray(), new JsonObject(), new JsonArray(1, 2), new JsonObject { ["type"] = "rate" }, new string('z', 300),
    ];

    public static Arbitrary<MutatedBody> MutatedBodyArb() =>
        (from which in Gen.Choose(0, Valid.Length - 1)
         from seed in Gen.Choose(0, int.MaxValue)
         from count in Gen.Choose(1, 4)
         select Replay(which, seed, count))
        .ToArbitrary();

    /// <summary>Rebuilds the body a failing case printed: the mutations depend only on these three numbers.</summary>
    public static MutatedBody Replay(int endpointIndex, int seed, int count) =>
        new(endpointIndex, Valid[endpointIndex].Endpoint, seed, count, Mutate(Valid[endpointIndex].Body, new Random(seed), count));

    internal static string Mutate(string json, Random random, int count)
    {
        switch (random.Next(12))
        {
            case 0:
                return json[..random.Next(json.Length)];
            case 1:
                return new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 127)).ToArray());
            default:
                var root = JsonNode.Parse(json)!;
                for (int i = 0; i < count; i++)
                {
                    MutateOnce(root, random);
                }
                return root.ToJsonString();
        }
    }

    private static void MutateOnce(JsonNode root, Random random)
    {
        var nodes = Descendants(root).ToList();
        if (nodes.Count == 0)
        {
            return; // earlier mutations removed everything: an empty object or array is itself a case worth sending
        }
        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent;
        switch (random.Next(5))
        {
            case 0 when parent is JsonObject obj:
                obj.Remove(target.GetPropertyName());
                break;
            case 1 when target is JsonObject obj:
                obj["unexpected" + random.Next(3)] = 1;
                break;
            case 2 when target is JsonArray array && array.Count > 0:
                if (random.Next(2) == 0)
                {
                    array.Clear();
                }
                else
                {
                    // An earlier mutation may have set the first element to null: duplicate it as it is.
                    array.Add(array[0]?.DeepClone());
                }
                break;
            default:
                var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                if (parent is JsonObject owner)
                {
                    owner[target.GetPropertyName()] = replacement;
                }
                else if (parent is JsonArray list)
                {
                    list[target.GetElementIndex()] = replacement;
                }
                break;
        }
    }

    /// <summary>Every node under <paramref name="node"/> (itself too, unless it is the root), depth first.</summary>
    internal static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        if (node.Parent is not null)
        {
            yield return node;
        }
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(kv => kv.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.Where(c => c is not null).ToList())
        {
            foreach (var descendant in Descendants(child!))
            {
                yield return descendant;
            }
        }
    }
}

public class FuzzProperties(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private static readonly HashSet<string> SuccessTypes = ["application/json", "text/markdown", "text/html", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    /// <summary>
    /// 20 000 mutated bodies across every POST endpoint and its options: never a 5xx, every error a problem detail, and
    /// every answer within its budget (<see cref="AnswerBudget.For"/> of the request's size). A failure prints the
    /// call that rebuilds its body.
    /// </summary>
    [Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 20_000)]
    public bool NoInputProducesA5xx_AndEveryErrorIsAProblem_AndEveryAnswerIsBounded(MutatedBody body)
    {
        using var client = factory.CreateClient();
        var response = client.PostJsonAsync(body.Endpoint, body.Json).GetAwaiter().GetResult();
        return IsSoundAnswer(response, body.Json, body.ToString());
    }

    /// <summary>
    /// Never a 5xx, an answer within its budget, a success in one of the API's media types (or empty, for a 204), and
    /// every error a problem detail with a documented code whose field errors are ours. <paramref name="label"/> names
    /// the case in the exception a 5xx or an oversized answer throws.
    /// </summary>
    internal static bool IsSoundAnswer(HttpResponseMessage response, string json, string label)
    {
        int status = (int)response.StatusCode;
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        byte[] answer = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (status >= 500)
        {
            throw new InvalidOperationException($"{status} for {label}: {System.Text.Encoding.UTF8.GetString(answer)}");
        }
        if (answer.LongLength > AnswerBudget.For(System.Text.Encoding.UTF8.GetByteCount(json)))
        {
            throw new InvalidOperationException($"{answer.LongLength} bytes answered for {label}");
        }
        if (status == 204)
        {
            return answer.Length == 0;
        }
        if (status is >= 200 and < 300)
        {
            return SuccessTypes.Contains(mediaType);
        }
        var problem = JsonNode.Parse(answer)!;
        return mediaType == "application/problem+json"
            && problem["status"]!.GetValue<int>() == status
            && !string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>())
            && ErrorCodes.All.Contains(problem["code"]?.GetValue<string>())
            && (status != (int)HttpStatusCode.BadRequest || problem["errors"] is JsonObject { Count: > 0 } || problem["detail"] is not null)
            && (problem["errors"] is not JsonObject errors || EveryFieldErrorIsCodedAndOurs(errors, problem["fieldErrors"]));
    }

    /// <summary>
    /// Each field of <c>errors</c> is in <c>fieldErrors</c> with a documented code, and no sentence is the runtime's
    /// own text (a type name, a JSON path, the serializer's English).
    /// </summary>
    internal static bool EveryFieldErrorIsCodedAndOurs(JsonObject errors, JsonNode? fieldErrors)
    {
        if (fieldErrors is not JsonArray list || list.Count == 0)
        {
            return false;
        }
        var paths = list.Select(e => e!["path"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        string[] runtimeMarkers = ["System.", "Funding.Api", "Path: $", "LineNumber", "could not be converted", "JSON value", "discriminator"];
        return errors.All(e => paths.Contains(e.Key))
            && list.All(e => ErrorCodes.All.Contains(e!["code"]!.GetValue<string>())
                && !runtimeMarkers.Any(m => e["message"]!.GetValue<string>().Contains(m, StringComparison.Ordinal)));
    }

    /// <summary>The GET endpoints with fuzzed path segments: never a 5xx.</summary>
    [Property(MaxTest = 500)]
    public bool GetEndpoints_NeverAnswerA5xx(NonNull<string> segment)
    {
        using var client = factory.CreateClient();
        // Without NUL: the in-memory test host throws on %00 in a path before the app sees it (Kestrel answers 400 itself).
        string text = segment.Get.Replace("\0", "", StringComparison.Ordinal);
        string escaped = Uri.EscapeDataString(text.Length > 300 ? text[..300] : text);
        foreach (string url in new[] { $"/v1/samples/{escaped}", $"/v1/samples?x={escaped}", $"/health?{escaped}" })
        {
            var response = client.GetAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult();
            if ((int)response.StatusCode >= 500)
            {
                return false;
            }
        }
        return true;
    }
}

public class FuzzGeneratorTests
{
    /// <summary>
    /// The generator itself must never throw: it once did for about one run in six, when an array's first element had
    /// been set to null by an earlier mutation and was then duplicated. 20 000 fixed seeds per endpoint cover that case
    /// many times over (checked by putting the null-forgiving dereference back: this test then fails).
    /// </summary>
    [Fact]
    public void Mutating_never_throws_for_fixed_seeds()
    {
        for (int endpoint = 0; endpoint < FuzzArbitraries.EndpointCount; endpoint++)
        {
            for (int seed = 0; seed < 20_000; seed++)
            {
                FuzzArbitraries.Replay(endpoint, seed, 1 + (seed % 4)).Json.ShouldNotBeNull();
            }
        }
    }
}
