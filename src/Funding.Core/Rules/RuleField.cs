namespace Funding.Rules;

/// <summary>One field of a rule as the JSON contract, the OpenAPI document and the page's form know it.</summary>
/// <param name="Name">The JSON name (<c>ratePercent</c>).</param>
/// <param name="Kind">What the field holds: an amount, a percentage, a list of them, a funder's id, a choice…</param>
/// <param name="Label">The French label (« Taux »).</param>
/// <param name="Help">A French sentence on what the field means and when it applies.</param>
public sealed record RuleField(string Name, RuleFieldKind Kind, string Label, string Help)
{
    /// <summary>Whether the field must be given.</summary>
    public bool Required { get; init; }

    /// <summary>The smallest value allowed (amounts and percentages), or null.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>The largest value allowed (a percentage's 100), or null.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>The most items a list holds, or null.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The value used when the field is absent, as JSON text (<c>100</c>, <c>"period"</c>), or null.</summary>
    public string? Default { get; init; }

    /// <summary>The values of a <see cref="RuleFieldKind.Choice"/>, each with its French label.</summary>
    public IReadOnlyList<RuleChoice> Choices { get; init; } = [];

    /// <summary>The unit a form shows beside the value: « € », « % ».</summary>
    public string? Unit => Kind switch
    {
        RuleFieldKind.Money => "€",
        RuleFieldKind.Percent or RuleFieldKind.PercentList => "%",
        _ => null,
    };
}
