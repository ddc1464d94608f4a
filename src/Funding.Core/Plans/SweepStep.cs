using Funding.Rules;

namespace Funding.Plans;

/// <summary>
/// One funder of the sweep's compiled path (<see cref="SweepKernel"/>): its rule's arithmetic on totals alone, with the
/// swept values set in place. A rule gives its step (<see cref="ContributionRule.CompileStep"/>) when its total needs
/// nothing but the cost, what is still to fund and earlier totals.
/// </summary>
internal abstract class SweepStep
{
    /// <summary>The cap, swept or the rule's.</summary>
    internal Money? Cap { get; set; }

    /// <summary>The floor, when the rule has one.</summary>
    internal Money? Floor { get; init; }

    /// <summary>Whether the step comes after every other (the remainder).</summary>
    internal virtual bool IsLast => false;

    /// <summary>Whether the amount is promised: paid whole, even beyond what is still to fund.</summary>
    internal virtual bool IsPromise => false;

    /// <summary>The amount before the bound of what is still to fund.</summary>
    /// <param name="totalCost">The scenario's total cost.</param>
    /// <param name="totals">The totals of the funders before this one.</param>
    /// <param name="policy">The plan's rounding policy.</param>
    /// <returns>The amount.</returns>
    internal abstract Money Compute(Money totalCost, ReadOnlySpan<Money> totals, RoundingPolicy policy);

    /// <summary>Sets a swept parameter.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="value">Its value.</param>
    /// <param name="kernel">The kernel, for what a value depends on (an annual amount over the period).</param>
    internal abstract void Set(RuleParameter parameter, SweepValue value, SweepKernel kernel);

    /// <summary>
    /// Whether the step's values are valid as the validator would find them, adding what it promises (× 12, to compare
    /// without dividing) to <paramref name="promised12"/>.
    /// </summary>
    internal virtual bool IsValid(ref decimal promised12, int months) =>
        Cap is not { IsNegative: true } && !(Cap is { } cap && Floor is { } floor && cap < floor);

    /// <summary>A computed amount raised to its floor and lowered to its cap.</summary>
    protected Money Bounded(Money amount)
    {
        if (Floor is { } floor && amount < floor)
        {
            amount = floor;
        }
        if (Cap is { } cap && amount > cap)
        {
            amount = cap;
        }
        return amount;
    }
}
