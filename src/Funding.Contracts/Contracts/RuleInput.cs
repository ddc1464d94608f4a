using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Funding.Contracts.Json;
using Funding.Contracts.Rules;
using Funding.Rules;

namespace Funding.Contracts;

/// <summary>
/// A contribution rule as the JSON contract carries it: an object whose <c>type</c> names one of the rule types of
/// <see cref="RuleCatalog"/> (<c>rate</c>, <c>fixedAnnual</c>, …) and whose other fields are that rule's, as its
/// descriptor declares them (<c>GET /v1/rules</c>; the OpenAPI document's <c>RuleInput</c> union is built from the same
/// descriptors). Reading it checks its shape by the descriptor and keeps its fields' values; mapping it builds the domain rule.
/// </summary>
[JsonConverter(typeof(RuleInputConverter))]
public sealed class RuleInput
{
    private readonly byte[] _utf8;
    private StrongBox<JsonElement>? _json;

    private RuleInput(byte[] utf8, RuleValues? values)
    {
        _utf8 = utf8;
        Values = values;
    }

    /// <summary>The rule's fields as its object gave them; null when the object does not have the shape its descriptor declares.</summary>
    internal RuleValues? Values { get; }

    /// <summary>The rule's JSON object, <c>type</c> included (parsed from its text the first time it is asked for).</summary>
    public JsonElement Json => (_json ??= new StrongBox<JsonElement>(Parse(_utf8))).Value;

    /// <summary>The rule's type (<c>rate</c>).</summary>
    public string Type => Values?.Type.Descriptor.Type
        ?? (Json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null)
        ?? "";

    /// <summary>The contract of a domain rule: what <c>GET /v1/samples/{id}</c> writes, ready to post back.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Its JSON form.</returns>
    public static RuleInput From(ContributionRule rule)
    {
        var input = FromJson(RuleJson.Write(rule));
        return input.Values is not null ? input
            : throw new InvalidOperationException($"The '{rule.Type}' rule wrote a JSON object its descriptor does not read: {input.Json.GetRawText()}");
    }

    /// <summary>The rule the reader is on (its <c>{</c>), read by <see cref="RuleValues.Read"/>; null when its shape is wrong.</summary>
    internal static RuleInput? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        RuleValues.Read(ref reader, options) is var (utf8, values) ? new RuleInput(utf8, values) : null;

    /// <summary>A rule's JSON object built in code (a programme's rule with a plan's agreed fields): its values are null when its shape is wrong.</summary>
    internal static RuleInput FromJson(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return Read(ref reader, ApiJson.Options) ?? new RuleInput(utf8, null);
    }

    private static JsonElement Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }
}
