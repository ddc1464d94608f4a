namespace Funding.Rules;

/// <summary>
/// What a rule type is for everyone who is not the engine: the JSON contract reads and writes its fields by it, the
/// OpenAPI document describes it, the page builds its form from it (<c>GET /v1/rules</c>), the docs list it.
/// </summary>
/// <param name="Type">The JSON name, the value of the rule's <c>type</c> (<c>rate</c>, <c>degressiveRate</c>).</param>
/// <param name="Label">The French label (« Taux de la dépense »).</param>
/// <param name="Help">One French sentence on what the rule does.</param>
/// <param name="Fields">The rule's fields, in the order a form shows them.</param>
public sealed record RuleDescriptor(string Type, string Label, string Help, IReadOnlyList<RuleField> Fields)
{
    /// <summary>The fields a sweep may vary and how (a funder's rate, cap, annual amount, key).</summary>
    public IReadOnlyList<RuleSweep> Sweeps { get; init; } = [];

    /// <summary>Whether the rule promises its amount (fixed amounts) rather than computes it.</summary>
    public bool IsPromise { get; init; }

    /// <summary>A plausible rule of this type, every field set: the OpenAPI document's example, a form's first values.</summary>
    public ContributionRule? Example { get; init; }

    /// <summary>The name of the rule's schema in the OpenAPI document: <c>RateRuleInput</c>.</summary>
    public string SchemaName => string.Concat(char.ToUpperInvariant(Type[0]).ToString(), Type.AsSpan(1), "RuleInput");

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns>The field, or null.</returns>
    public RuleField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }
        return null;
    }
}
