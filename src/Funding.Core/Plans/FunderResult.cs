using Funding.Schedules;

namespace Funding.Plans;

/// <summary>One funder's contribution and its explanation.</summary>
public sealed record FunderResult
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The funder's SIREN, when the plan gives it.</summary>
    public string? Siren { get; init; }

    /// <summary>The funder's legal nature.</summary>
    public required FunderKind Kind { get; init; }

    /// <summary>The id of the key-share group the funder belongs to, or null.</summary>
    public string? GroupId { get; init; }

    /// <summary>The rule that computed the contribution (<c>rate</c>, <c>fixedAnnual</c>…; a group member's is <c>keyShare</c>).</summary>
    public required string RuleType { get; init; }

    /// <summary>The contribution for the whole period.</summary>
    public required Money Total { get; init; }

    /// <summary>The contribution as a share of the total cost.</summary>
    public required Ratio ShareOfCost { get; init; }

    /// <summary>
    /// The rate actually applied to the funder's base: total / eligible base for a rate rule (80 000 € of 207 600 € is
    /// 38,54 % where 50 % was asked); the share of the total cost otherwise.
    /// </summary>
    public required Ratio EffectiveRate { get; init; }

    /// <summary>Which limit, if any, changed the computed amount.</summary>
    public ContributionLimit Limit { get; init; }

    /// <summary>The funder's cap, if it has one.</summary>
    public Money? Cap { get; init; }

    /// <summary>How the contribution was obtained.</summary>
    public required Explanation Explanation { get; init; }

    /// <summary>How the funder pays.</summary>
    public required PaymentMode Payment { get; init; }

    /// <summary>Whether this funder is the plan's carrier.</summary>
    public bool IsCarrier { get; init; }

    /// <summary>Whether the funder's cap bounds each budget year rather than the period.</summary>
    public bool CapPerBudgetYear { get; init; }

    /// <summary>
    /// The amount the rule gives each budget year, when it works year by year (amounts fixed per year, a cap per
    /// budget year); null otherwise. Paid per budget year, each year's payment is that year's amount.
    /// </summary>
    public IReadOnlyList<BudgetYearAmount>? ByBudgetYear { get; init; }

    /// <summary>
    /// What the funder contributes to each budget year's cost, one entry per budget year of the plan, summing exactly to
    /// <see cref="Total"/>: the contribution view, whatever the payments. A State paying once still funds every year of
    /// the post. Amounts given per year are taken as given; an amount for the whole period funds each year in proportion
    /// to what that year still needed when the funder's rule applied.
    /// </summary>
    public IReadOnlyList<BudgetYearAmount> ContributionByBudgetYear { get; init; } = [];
}
