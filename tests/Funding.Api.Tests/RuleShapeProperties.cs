using System.Text.Json;
using System.Text.Json.Nodes;
using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Contracts.Json;

namespace Funding.Api.Tests;

/// <summary>A rule's JSON object derived from a valid one by random mutations; <see cref="Seed"/> replays it.</summary>
public sealed record MutatedRule(int Seed, string Json)
{
    public override string ToString() => $"seed {Seed}: {Json}";
}

/// <summary>Mutated rules of every type, their parts (pool, key, members, amounts by year) mutated most.</summary>
public static class RuleShapeArbitraries
{
    /// <summary>Every rule type with every field set, and a group with a mixed key and named weights.</summary>
    private static readonly string[] Valid =
    [
        .. RuleContractTests.EveryField.Funders.Select(f => RuleInput.From(f.Rule).Json.GetRawText()),
        """{"type":"keyShare","pool":{"type":"fixed","amount":1000},"key":{"type":"mixed","components":[{"percent":50,"key":{"type":"weight","weightName":"population"}},{"percent":50,"key":{"type":"equal"}}]},"members":[{"id":"a","name":"A","kind":"epci","weights":{"population":213403},"cap":300},{"id":"b","kind":"municipality","weights":{"population":1}}]}""",
    ];

    private static readonly JsonNode?[] Replacements =
    [
        null, true, 0, -1, 0.001m, 1e28m, 79228162514264337593543950335m, 2_147_483_648L, 1.5m, "", "x", "2022-02-30",
        "EPCI", "Epci", "epci, state", "region, department", "1", "Weight", "equal", "percentOfRemaining", "fixed",
        new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null), new JsonObject { ["type"] = "equal" },
        new JsonObject { ["year"] = 2022, ["amount"] = 1 },
    ];

    public static Arbitrary<MutatedRule> MutatedRuleArb() =>
        (from seed in Gen.Choose(0, int.MaxValue) select Replay(seed)).ToArbitrary();

    /// <summary>Rebuilds the rule a failing case printed.</summary>
    public static MutatedRule Replay(int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(Valid[random.Next(Valid.Length)])!;
        string? duplicate = null;
        for (int i = 0, count = random.Next(1, 4); i < count; i++)
        {
            var nodes = FuzzArbitraries.Descendants(root).ToList();
            // Inside the parts three times out of four: that is where the serializer checks for the walk.
            var inParts = nodes.Where(n => n.GetPath().Count(c => c == '.') > 1 || n.GetPath().Contains('[')).ToList();
            var pool = inParts.Count > 0 && random.Next(4) > 0 ? inParts : nodes;
            if (pool.Count == 0)
            {
                break;
            }
            var target = pool[random.Next(pool.Count)];
            switch (random.Next(6))
            {
                case 0 when target.Parent is JsonObject owner:
                    owner.Remove(target.GetPropertyName());
                    break;
                case 1 when target is JsonObject obj:
                    obj["unexpected"] = 1;
                    break;
                case 2 when target is JsonObject { Count: > 0 } obj && duplicate is null:
                    duplicate = obj.First().Key;
                    obj["__duplicate__"] = obj.First().Value?.DeepClone();
                    break;
                case 3 when target.GetValueKind() == JsonValueKind.String && target.GetValue<string>() is { Length: > 0 } text:
                    Replace(target, char.ToUpperInvariant(text[0]) + text[1..]);
                    break;
                default:
                    Replace(target, Replacements[random.Next(Replacements.Length)]?.DeepClone());
                    break;
            }
        }
        string json = root.ToJsonString();
        return new MutatedRule(seed, duplicate is null ? json : json.Replace("\"__duplicate__\"", $"\"{duplicate}\"", StringComparison.Ordinal));
    }

    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        if (target.Parent is JsonObject owner)
        {
            owner[target.GetPropertyName()] = replacement;
        }
        else if (target.Parent is JsonArray list)
        {
            list[target.GetElementIndex()] = replacement;
        }
    }
}

/// <summary>
/// The check of a rule read from a body lets the serializer read the rule's parts, where the named walk (which names
/// each problem when a body is refused) checks them by hand: both must accept exactly the same rules, or a body would be
/// accepted with a problem the walk names, or refused without a problem named.
/// </summary>
public class RuleShapeProperties
{
    [Property(Arbitrary = [typeof(RuleShapeArbitraries)], MaxTest = 5_000)]
    public bool TheQuickCheck_AcceptsExactlyTheRulesTheNamedWalkFindsNoProblemIn(MutatedRule rule)
    {
        using var document = JsonDocument.Parse(rule.Json);
        bool quick = JsonShape.IsWellShapedRule(document.RootElement, ApiJson.Options, out _);
        var problems = JsonShape.CheckRule(document.RootElement, ApiJson.Options);
        return quick == (problems.Count == 0);
    }

    [Fact]
    public void TheMutations_ReachBothAnswers()
    {
        var answers = Enumerable.Range(0, 500).Select(seed =>
        {
            using var document = JsonDocument.Parse(RuleShapeArbitraries.Replay(seed).Json);
            return JsonShape.IsWellShapedRule(document.RootElement, ApiJson.Options, out _);
        }).ToArray();
        answers.Count(a => a).ShouldBeGreaterThan(25);
        answers.Count(a => !a).ShouldBeGreaterThan(250);
    }
}
