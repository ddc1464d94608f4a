using System.Collections.Frozen;

namespace Funding.Rules;

/// <summary>
/// Every rule type Funding knows, registered once: the JSON contract, the OpenAPI document, <c>GET /v1/rules</c>, the
/// page's form and the catalogue of programmes all read this list. A new rule type is a folder under <c>Rules/</c> and one
/// line here.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The rule types, in the order forms and documents list them.</summary>
    public static IReadOnlyList<RuleType> All { get; } =
    [
        RateRule.Registration,
        FixedAnnualRule.Registration,
        FixedPerYearRule.Registration,
        FixedTotalRule.Registration,
        KeyShareRule.Registration,
        MatchRule.Registration,
        RemainderRule.Registration,
        DegressiveRateRule.Registration,
    ];

    private static readonly FrozenDictionary<string, RuleType> ByName = All.ToFrozenDictionary(t => t.Descriptor.Type, StringComparer.Ordinal);

    /// <summary>The rule type named <paramref name="type"/> (its JSON <c>type</c>), or null.</summary>
    /// <param name="type">The name.</param>
    /// <returns>The rule type, or null.</returns>
    public static RuleType? Find(string? type) => type is not null && ByName.TryGetValue(type, out var found) ? found : null;
}
