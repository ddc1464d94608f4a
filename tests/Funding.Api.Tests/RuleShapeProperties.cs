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
        """{"type":"keyShare","pool":{"type":"percentOfRemaining","percent":50},"key":{"type":"weight","label":"population municipale"},"members":[{"id":"brest-metropole","name":"Brest Métropole","kind":"epci","weight":213403},{"id":"crozon","name":"Presqu'île de Crozon – Aulne maritime","weight":22603}]}""",
    ];

    /// <summary>The writers a body may come from: compact or indented, every character beyond ASCII as it is or escaped.</summary>
    private static readonly JsonSerializerOptions[] Writers =
    [
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default, WriteIndented = true },
    ];

    private static readonly JsonNode?[] Replacements =
    [
        null, true, 0, -1, 0.001m, 1e28m, 79228162514264337593543950335m, 2_147_483_648L, 1.5m, "", "x", "2022-02-30",
        "EPCI", "Epci", "epci, state", "region, department", "1", "Weight", "equal", "percentOfRemaining", "fixed",
        new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null), new JsonObject { ["type"] = "equal" },
        new JsonObject { ["year"] = 2022, ["amount"] = 1 },
        // Longer than any list of rates may be (a year's rate for each year of the longest plan).
        new JsonArray([.. Enumerable.Repeat<JsonNode?>(10, Funding.FundingLimits.MaxMonths / 12 + 1).Select(n => n?.DeepClone())]),
        new JsonArray([.. Enumerable.Repeat<JsonNode?>(10, Funding.FundingLimits.MaxMonths / 12).Select(n => n?.DeepClone())]),
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
            // The rule's own object one time in six: its fields are read by hand, where the parts' are read by the serializer.
            var target = random.Next(6) == 0 ? root : pool[random.Next(pool.Count)];
            switch (random.Next(6))
            {
                case 0 when target.Parent is JsonObject owner:
                    owner.Remove(target.GetPropertyName());
                    break;
                case 1 when target is JsonObject obj:
                    obj["unexpected"] = 1;
                    break;
                case 2 when target is JsonObject { Count: > 0 } obj && duplicate is null:
                    var repeated = obj.ElementAt(random.Next(obj.Count));
                    duplicate = repeated.Key;
                    obj["__duplicate__"] = repeated.Value?.DeepClone();
                    break;
                case 3 when target.GetValueKind() == JsonValueKind.String && target.GetValue<string>() is { Length: > 0 } text:
                    Replace(target, char.ToUpperInvariant(text[0]) + text[1..]);
                    break;
                default:
                    Replace(target, Replacements[random.Next(Replacements.Length)]?.DeepClone());
                    break;
            }
        }
        string json = root.ToJsonString(Writers[random.Next(Writers.Length)]);
        if (duplicate is not null)
        {
            json = json.Replace("\"__duplicate__\"", $"\"{duplicate}\"", StringComparison.Ordinal);
        }
        // A name may be written with an escape: "typ\u0065" is "type", for the reader as for the walk.
        if (random.Next(4) == 0)
        {
            string name = EscapedNames[random.Next(EscapedNames.Length)];
            json = json.Replace($"\"{name}\":", $"\"{name[..^1]}\\u{(int)name[^1]:x4}\":", StringComparison.Ordinal);
        }
        return new MutatedRule(seed, json);
    }

    private static readonly string[] EscapedNames = ["type", "cap", "ratePercent", "members", "pool", "name"];

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
/// A rule in a body is read in one pass of the serializer's reader, its shape checked token by token
/// (<c>RuleValues.Read</c>); a body it refuses is then walked by <see cref="JsonShape"/>, which names each problem. Both
/// must accept exactly the same rules, or a body would be accepted with a problem the walk names, or refused without a
/// problem named. And the rule read keeps its object as it was given: the same JSON value, for what echoes it back.
/// </summary>
public class RuleShapeProperties
{
    private static RuleInput? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RuleInput>(json, ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Read from a stream in blocks of 16 bytes, as a body from the network: the reader is not on its last block.</summary>
    private static RuleInput? ReadInBlocks(string json)
    {
        try
        {
            using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            return JsonSerializer.Deserialize<RuleInput>(body, InBlocks);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions InBlocks = new(ApiJson.Options) { DefaultBufferSize = 16 };

    /// <summary>Read from a sequence of 7-byte segments, as from a pipe: a token may straddle two segments.</summary>
    private static RuleInput? ReadInSegments(string json)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
        Segment first = new(bytes.AsMemory(0, Math.Min(7, bytes.Length))), last = first;
        for (int i = 7; i < bytes.Length; i += 7)
        {
            last = last.Append(bytes.AsMemory(i, Math.Min(7, bytes.Length - i)));
        }
        var reader = new Utf8JsonReader(new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        try
        {
            return JsonSerializer.Deserialize<RuleInput>(ref reader, ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }

    [Property(Arbitrary = [typeof(RuleShapeArbitraries)], MaxTest = 5_000)]
    public bool TheReading_AcceptsExactlyTheRulesTheNamedWalkFindsNoProblemIn(MutatedRule rule)
    {
        using var document = JsonDocument.Parse(rule.Json);
        bool wellShaped = JsonShape.CheckRule(document.RootElement, ApiJson.Options).Count == 0;
        return (Read(rule.Json) is not null) == wellShaped && (ReadInBlocks(rule.Json) is not null) == wellShaped
            && (ReadInSegments(rule.Json) is not null) == wellShaped;
    }

    [Property(Arbitrary = [typeof(RuleShapeArbitraries)], MaxTest = 2_000)]
    public bool AReadRule_KeepsItsObject_AsTheSameJsonValue(MutatedRule rule)
    {
        using var document = JsonDocument.Parse(rule.Json);
        return new[] { Read(rule.Json), ReadInBlocks(rule.Json), ReadInSegments(rule.Json) }.All(input => input is null
            || (JsonElement.DeepEquals(input.Json, document.RootElement) && input.Type == document.RootElement.GetProperty("type").GetString()));
    }

    [Fact]
    public void AReadRule_IsWrittenBack_AsTheElementOfItsObjectWouldBe()
    {
        // Escaped names and texts, whitespace, a number in exponent form, a null: echoed as the parsed object itself writes them.
        string json = """
            { "type" : "keyShare", "cap": null, "pool": {"type":"fixed","amount":1.0E3},
              "key": {"type":"weight","label":"population \u00e9"},
              "m\u0065mbers": [ {"id":"a","name":"Brest M\u00e9tropole","weight":2}, {"id":"b","name":"Quimper","weight":1e0} ] }
            """;
        using var document = JsonDocument.Parse(json);
        string expected = JsonSerializer.Serialize(document.RootElement, ApiJson.Options);

        foreach (var input in new[] { Read(json), ReadInBlocks(json), ReadInSegments(json) })
        {
            JsonSerializer.Serialize(input, ApiJson.Options).ShouldBe(expected);
        }
    }

    [Fact]
    public void APartsType_MayComeAfterItsFields_InABodyReadAtOnce_OrInBlocks()
    {
        string json = """{"members":[{"weight":2,"name":"A","id":"a"},{"id":"b","name":"B","weight":1}],"key":{"label":"population","type":"weight"},"pool":{"percent":50,"type":"percentOfRemaining"},"type":"keyShare"}""";
        using var document = JsonDocument.Parse(json);
        JsonShape.CheckRule(document.RootElement, ApiJson.Options).ShouldBeEmpty();
        Record.Exception(() => JsonSerializer.Deserialize<RuleInput>(json, ApiJson.Options)).ShouldBeNull();
        foreach (var input in new[] { Read(json), ReadInBlocks(json), ReadInSegments(json) })
        {
            input.ShouldNotBeNull();
            var errors = new Funding.Contracts.Errors.RequestErrors();
            var rule = Funding.Contracts.Rules.RuleJson.Read(input, "rule", errors).ShouldBeOfType<Funding.Rules.KeyShareRule>();
            errors.HasErrors.ShouldBeFalse();
            rule.Pool.ShouldBe(new Funding.Rules.ShareOfRemainingPool(Funding.Rate.Percent(50)));
            rule.Members.Select(m => (m.Id, m.Weight)).ShouldBe([("a", 2m), ("b", 1m)]);
            rule.Key.ShouldBeOfType<Funding.Allocation.WeightKey>().Label.ShouldBe("population");
        }
    }

    [Fact]
    public void ARuleBuiltInCode_OfTheWrongShape_IsAProblemOnItsPath_NotAnException()
    {
        // A programme's rule merged with a plan's agreed fields is built in code, not read from a body: a wrong shape
        // there must not reach the mapping as an exception.
        var input = RuleInput.FromJson("""{"type":"rate","ratePercent":"fifty"}"""u8.ToArray());
        var errors = new Funding.Contracts.Errors.RequestErrors();

        Funding.Contracts.Rules.RuleJson.Read(input, "funders[0].rule", errors).ShouldBeNull();

        errors.ToList().Select(e => (e.Path, e.Message.Code)).ShouldBe([("funders[0].rule", "value-wrong-type")]);
        input.Type.ShouldBe("rate");
    }

    [Fact]
    public void TheMutations_ReachBothAnswers_AndEscapedNames()
    {
        var rules = Enumerable.Range(0, 500).Select(RuleShapeArbitraries.Replay).ToArray();
        var answers = rules.Select(r => Read(r.Json) is not null).ToArray();
        answers.Count(a => a).ShouldBeGreaterThan(25);
        answers.Count(a => !a).ShouldBeGreaterThan(250);
        rules.Count(r => r.Json.Contains("\\u00", StringComparison.Ordinal)).ShouldBeGreaterThan(50);
        rules.Count(r => r.Json.Contains('\n')).ShouldBeGreaterThan(50);
        rules.Count(r => r.Json.Contains("\\u0065\":", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
    }
}
