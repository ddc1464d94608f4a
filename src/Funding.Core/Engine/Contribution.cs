using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;

namespace Funding.Engine;

/// <summary>
/// A funder's contribution while the waterfall runs: its figures, the trace of its rule's arithmetic and, when a shared
/// ceiling took some of it off, that cut. It changes only inside the engine; the result is built from it once, at the end.
/// </summary>
internal sealed class Contribution
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required FunderKind Kind { get; init; }

    public required string RuleType { get; init; }

    public required PaymentMode Payment { get; init; }

    public required RuleTrace Trace { get; init; }

    public string? GroupId { get; init; }

    public Money? Cap { get; init; }

    /// <summary>The base of the effective rate (an eligible base); null for the share of the total cost.</summary>
    public Money? EffectiveBase { get; init; }

    public bool CapPerBudgetYear { get; init; }

    public Money Total { get; set; }

    public ContributionLimit Limit { get; set; }

    /// <summary>The amounts the rule gave each budget year, when it works year by year.</summary>
    public BudgetYearAmount[]? ByBudgetYear { get; set; }

    /// <summary>What the contribution funds of each budget year's cost.</summary>
    public BudgetYearAmount[] ContributionByBudgetYear { get; set; } = [];

    /// <summary>What a shared ceiling took off, or null.</summary>
    public CeilingCut? Cut { get; set; }
}
