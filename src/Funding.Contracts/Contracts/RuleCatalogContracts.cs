using Funding.Plans;
using Funding.Rules;

namespace Funding.Contracts;

/// <summary>Every rule type the API knows (<c>GET /v1/rules</c>): what the page builds its form from.</summary>
public sealed record RuleCatalogResponse
{
    /// <summary>The version of the calculation rules.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The rule types, in the order forms list them.</summary>
    public required IReadOnlyList<RuleTypeOutput> Rules { get; init; }
}

/// <summary>A rule type: its JSON name, French label and fields.</summary>
public sealed record RuleTypeOutput
{
    /// <summary>The value of the rule's <c>type</c> (<c>rate</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The French label (« Taux de la dépense »).</summary>
    public required string Label { get; init; }

    /// <summary>What the rule does, in French.</summary>
    public required string Help { get; init; }

    /// <summary>Whether the rule promises its amount (paid whole) rather than computes it within what is left to fund.</summary>
    public required bool IsPromise { get; init; }

    /// <summary>The name of its schema in the OpenAPI document (<c>RateRuleInput</c>).</summary>
    public required string Schema { get; init; }

    /// <summary>Its fields, in the order a form shows them.</summary>
    public required IReadOnlyList<RuleFieldOutput> Fields { get; init; }

    /// <summary>The fields a sweep may vary.</summary>
    public required IReadOnlyList<RuleSweepOutput> Sweeps { get; init; }
}

/// <summary>A field of a rule.</summary>
public sealed record RuleFieldOutput
{
    /// <summary>The JSON name (<c>ratePercent</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What it holds: money, percent, percentList, funderId, choice, yearAmounts, pool, key, members.</summary>
    public required RuleFieldKind Kind { get; init; }

    /// <summary>The French label.</summary>
    public required string Label { get; init; }

    /// <summary>What it means, in French.</summary>
    public required string Help { get; init; }

    /// <summary>Whether it must be given.</summary>
    public required bool Required { get; init; }

    /// <summary>The unit shown beside the value (« € », « % »).</summary>
    public string? Unit { get; init; }

    /// <summary>The smallest value allowed.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>The largest value allowed.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>The most items of a list.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The value used when the field is absent, as JSON text.</summary>
    public string? Default { get; init; }

    /// <summary>The values of a choice, each with its French label.</summary>
    public IReadOnlyList<RuleChoiceOutput>? Choices { get; init; }
}

/// <summary>A value of a choice field.</summary>
public sealed record RuleChoiceOutput
{
    /// <summary>The JSON value.</summary>
    public required string Value { get; init; }

    /// <summary>The French label.</summary>
    public required string Label { get; init; }
}

/// <summary>A field a sweep may vary.</summary>
public sealed record RuleSweepOutput
{
    /// <summary>What varies: rate, cap, annualAmount, cost, startDate or key.</summary>
    public required SweepParameter Parameter { get; init; }

    /// <summary>The field it varies, a path in the rule's JSON (<c>pool.percent</c>): offered only when the rule has it.</summary>
    public required string Field { get; init; }

    /// <summary>The French label.</summary>
    public required string Label { get; init; }

    /// <summary>Whether each item of the list is a parameter of its own (<c>year</c> 1, 2…).</summary>
    public required bool PerItem { get; init; }

    /// <summary>A field the rule must have for the parameter to be offered (<c>pool.percent</c>), or absent.</summary>
    public string? Requires { get; init; }
}
