using Funding.Allocation;

namespace Funding.Plans;

/// <summary>How a funder's contribution is computed. Rules are applied in the order of the plan's funders (the waterfall).</summary>
public abstract record ContributionRule
{
    private protected ContributionRule()
    {
    }

    /// <summary>The rule's identifier in explanations and in the API: <c>rate</c>, <c>fixedAnnual</c>, <c>fixedPerYear</c>, <c>fixedTotal</c>, <c>keyShare</c>, <c>match</c>, <c>remainder</c>.</summary>
    public abstract string Type { get; }

    /// <summary>
    /// The most this funder contributes ("plafond"), or null. Applied to computed contributions (rate, key share,
    /// remainder); for a fixed contribution it is checked, never applied: a promised amount is not shrunk silently.
    /// </summary>
    public Money? Cap { get; init; }

    /// <summary>Calls the visitor's method for this rule type.</summary>
    internal abstract T Accept<T>(IRuleVisitor<T> visitor);
}

/// <summary>
/// A rate of the eligible base, optionally capped and floored: the State's 50 % of the cost, capped at 80 000 €.
/// </summary>
/// <remarks>
/// amount = min(cap, max(floor, rate × base)), with rate × base rounded to the cent by the plan's policy; then never
/// more than what is left to fund at that point of the waterfall.
/// </remarks>
/// <param name="Rate">The rate, 0 % to 100 %.</param>
public sealed record RateRule(Rate Rate) : ContributionRule
{
    /// <summary>The eligible base ("dépense éligible") for the whole period, or null for the plan's total cost.</summary>
    public Money? EligibleBase { get; init; }

    /// <summary>The least this funder contributes ("plancher"), or null.</summary>
    public Money? Floor { get; init; }

    /// <summary>
    /// Whether the cap holds over the whole period (the default: the State's 80 000 € for the post) or for each budget
    /// year (« au plus 45 000 € par an »): then each year gives rate × that year's cost — or that year's part of the
    /// eligible base, split in proportion to the years' cost — raised to the floor and capped, each year on its own; the
    /// total is the sum.
    /// </summary>
    public CapScope CapScope { get; init; } = CapScope.Period;

    /// <inheritdoc />
    public override string Type => "rate";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.Rate(this);
}

/// <summary>What a cap bounds: the whole period, or each budget year.</summary>
public enum CapScope
{
    /// <summary>The cap bounds the total over the period.</summary>
    Period,

    /// <summary>The cap bounds each budget year's amount.</summary>
    BudgetYear,
}

/// <summary>
/// A fixed amount per year of the period: Quimper Bretagne Occidentale's 11 593,50 € a year.
/// </summary>
/// <remarks>
/// The total is annual amount × months / 12 (2 years → × 2), rounded to the cent by the plan's policy when the period is
/// not whole years. It is a promise: it is not reduced when the plan is over-funded (the plan reports it).
/// </remarks>
/// <param name="AnnualAmount">The amount per full year, zero or positive.</param>
public sealed record FixedAnnualRule(Money AnnualAmount) : ContributionRule
{
    /// <inheritdoc />
    public override string Type => "fixedAnnual";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.FixedAnnual(this);
}

/// <summary>
/// Fixed amounts given budget year by budget year, promised as they are: 2022 → 8 000 €, 2023 → 11 593,50 €. Paid per
/// budget year, each year's payment is that year's amount.
/// </summary>
/// <param name="Years">The amounts, one per budget year of the plan's period (years not listed get nothing).</param>
public sealed record FixedPerYearRule(IReadOnlyList<BudgetYearAmount> Years) : ContributionRule
{
    /// <summary>The total: the sum of the years' amounts.</summary>
    public Money Total => Years.Aggregate(Money.Zero, (sum, y) => sum + y.Amount);

    /// <summary>
    /// Whether the amounts were computed from a rate (a due on actual expenses), not promised: then a shared ceiling may
    /// reduce them like the rate they come from.
    /// </summary>
    internal bool ComputedFromRate { get; init; }

    /// <inheritdoc />
    public override string Type => "fixedPerYear";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.FixedPerYear(this);
}

/// <summary>One amount for the whole period, promised as is.</summary>
/// <param name="Amount">The amount, zero or positive.</param>
public sealed record FixedTotalRule(Money Amount) : ContributionRule
{
    /// <inheritdoc />
    public override string Type => "fixedTotal";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.FixedTotal(this);
}

/// <summary>
/// A group of funders sharing a pool by an allocation key: the other EPCIs share 50 % of what is left, by population.
/// </summary>
/// <param name="Pool">What the group shares.</param>
/// <param name="Key">How the pool is split between the members.</param>
/// <param name="Members">The members, each a funder of the plan (at least one).</param>
public sealed record KeyShareRule(KeySharePool Pool, AllocationKey Key, IReadOnlyList<KeyShareMember> Members) : ContributionRule
{
    /// <inheritdoc />
    public override string Type => "keyShare";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.KeyShare(this);
}

/// <summary>What a key-share group shares.</summary>
public abstract record KeySharePool
{
    private protected KeySharePool()
    {
    }
}

/// <summary>A fixed pool, promised as is.</summary>
/// <param name="Amount">The pool, zero or positive.</param>
public sealed record FixedPool(Money Amount) : KeySharePool;

/// <summary>A percentage of what is left to fund at that point of the waterfall, rounded by the plan's policy.</summary>
/// <param name="Rate">The percentage of the remainder.</param>
public sealed record ShareOfRemainingPool(Rate Rate) : KeySharePool;

/// <summary>A member of a key-share group: a funder with its weight(s) and optional cap and floor.</summary>
/// <param name="Id">A unique identifier among all the plan's funders.</param>
/// <param name="Name">The name reports use.</param>
/// <param name="Kind">The legal nature of the member.</param>
public sealed record KeyShareMember(string Id, string Name, FunderKind Kind)
{
    /// <summary>The member's weight for a key that uses a single weight (its population, say).</summary>
    public decimal Weight { get; init; }

    /// <summary>Named weights, for keys that name theirs (mixed keys).</summary>
    public IReadOnlyDictionary<string, decimal>? Weights { get; init; }

    /// <summary>The most this member pays ("plafond"), or null.</summary>
    public Money? Cap { get; init; }

    /// <summary>The least this member pays ("plancher"), or null.</summary>
    public Money? Floor { get; init; }
}

/// <summary>
/// A funder that matches another: it pays what that funder pays, or a percentage of it, within its own cap — a Region
/// matching the State euro for euro up to 30 000 € (<c>match</c> of <c>etat</c>, 100 %, cap 30 000 €).
/// </summary>
/// <remarks>
/// amount = min(cap, percent × the matched funder's total), rounded to the cent by the plan's policy; then never more
/// than what is left to fund at that point of the waterfall. The matched funder is listed before it, is not the carrier
/// paying the remainder (computed last) and is not a key-share group.
/// </remarks>
/// <param name="FunderId">The id of the funder matched.</param>
/// <param name="Rate">The share of the matched funder's total: 100 % is « euro pour euro ».</param>
public sealed record MatchRule(string FunderId, Rate Rate) : ContributionRule
{
    /// <inheritdoc />
    public override string Type => "match";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.Match(this);
}

/// <summary>The carrier ("porteur") pays whatever is left to fund ("reste à charge", "autofinancement"). At most one per plan.</summary>
/// <remarks>It is computed after every other rule, wherever it stands in the list, and is never negative.</remarks>
public sealed record RemainderRule : ContributionRule
{
    /// <inheritdoc />
    public override string Type => "remainder";

    internal override T Accept<T>(IRuleVisitor<T> visitor) => visitor.Remainder(this);
}
