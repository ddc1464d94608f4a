using System.Text.Json;
using System.Text.Json.Serialization;
using Funding.Contracts.Rules;
using Funding.Rules;

namespace Funding.Contracts;

/// <summary>
/// A contribution rule as the JSON contract carries it: an object whose <c>type</c> names one of the rule types of
/// <see cref="RuleCatalog"/> (<c>rate</c>, <c>fixedAnnual</c>, …) and whose other fields are that rule's, as its
/// descriptor declares them (<c>GET /v1/rules</c>; the OpenAPI document's <c>RuleInput</c> union is built from the same
/// descriptors). Reading it checks its shape by the descriptor; mapping it builds the domain rule.
/// </summary>
[JsonConverter(typeof(RuleInputConverter))]
public sealed class RuleInput
{
    internal RuleInput(JsonElement json, RuleParts? parts = null)
    {
        Json = json;
        Parts = parts;
    }

    /// <summary>The parts of the rule that are contracts, as reading it checked them (null when it was not read from a body).</summary>
    internal RuleParts? Parts { get; }

    /// <summary>The rule's JSON object, <c>type</c> included.</summary>
    public JsonElement Json { get; }

    /// <summary>The rule's type (<c>rate</c>).</summary>
    public string Type => Json.GetProperty("type").GetString() ?? "";

    /// <summary>The contract of a domain rule: what <c>GET /v1/samples/{id}</c> writes, ready to post back.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Its JSON form.</returns>
    public static RuleInput From(ContributionRule rule) => new(RuleJson.Write(rule));
}
