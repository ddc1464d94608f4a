using Funding.Plans;

namespace Funding.Rules;

/// <summary>A promised amount in the sweep's compiled path: a fixed total, or a fixed annual amount over the period.</summary>
internal sealed class PromiseSweepStep : SweepStep
{
    private Money _amount;
    private Money? _annual;

    /// <param name="amount">The amount over the period.</param>
    /// <param name="annual">The amount per year, for a fixed annual amount; null for a fixed total.</param>
    /// <param name="cap">The rule's cap (checked, never applied).</param>
    internal PromiseSweepStep(Money amount, Money? annual, Money? cap)
    {
        _amount = amount;
        _annual = annual;
        Cap = cap;
    }

    internal override bool IsPromise => true;

    internal override Money Compute(Money totalCost, ReadOnlySpan<Money> totals, RoundingPolicy policy) => _amount;

    internal override void Set(RuleParameter parameter, SweepValue value, SweepKernel kernel)
    {
        _annual = value.Amount;
        _amount = kernel.Prorated(value.Amount);
    }

    internal override bool IsValid(ref decimal promised12, int months)
    {
        if (!base.IsValid(ref promised12, months))
        {
            return false;
        }
        if (_annual is { } annual)
        {
            if (annual.IsNegative)
            {
                return false;
            }
            // Promised amounts are never negative, so one beyond the bound takes their sum beyond it too.
            promised12 += annual.Amount * months;
        }
        else
        {
            promised12 += _amount.Amount * 12m;
        }
        return true;
    }
}
