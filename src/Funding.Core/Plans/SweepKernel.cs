using Funding.Rules;

namespace Funding.Plans;

/// <summary>
/// The totals of a simple plan, computed without building a plan, a calendar or a result per scenario: the sweep's
/// compiled path. <see cref="TryCompile"/> accepts a plan only when its totals follow from a handful of figures, and
/// every sweep over it then gives the same totals as the engine (a property checks it, scenario by scenario).
/// </summary>
/// <remarks>
/// <para>
/// Accepted: an annual cost without growth, no shared ceiling, and funders whose rules each give a step
/// (<see cref="ContributionRule.CompileStep"/>: today a rate over the period with its cap, floor or eligible base, a
/// match, a fixed annual amount, a fixed total, and at most one remainder).
/// Payment modes do not change totals. Swept parameters: the cost, a rate, a cap, an annual amount; without the
/// contributions by budget year.
/// </para>
/// <para>
/// Why the budget years can be left out: the engine's year ledger splits a contribution that fits in what is still to
/// fund in proportion to what each year still needs, so no year gets more than it needs and what is still to fund
/// (<c>available</c>, the sum of the years still needing funds) drops by exactly that contribution; a promise beyond
/// everything still to fund covers every year, so nothing is left to fund. At the end, the years sum to
/// <c>cost − contributions = unfunded − overFunding</c>, which gives the over-funding.
/// </para>
/// </remarks>
internal sealed class SweepKernel
{
    private readonly SweepStep[] _steps;
    private int _last = -1;
    private readonly FundingPeriod _period;
    private readonly RoundingPolicy _policy;
    private Money _annualCost;

    private SweepKernel(Plan plan, AnnualCost cost)
    {
        _annualCost = cost.AnnualAmount;
        _period = cost.Period;
        _policy = plan.Options.Rounding;
        _steps = new SweepStep[plan.Funders.Count];
    }

    /// <summary>How many funders: the length of the totals <see cref="Compute"/> fills, in the plan's order.</summary>
    public int Funders => _steps.Length;

    /// <summary>The compiled plan, or null when its totals need the engine (see the remarks).</summary>
    /// <param name="plan">A valid plan.</param>
    /// <param name="axes">The parameters swept.</param>
    /// <param name="byBudgetYear">Whether the contributions by budget year are asked.</param>
    /// <returns>The kernel, or null.</returns>
    public static SweepKernel? TryCompile(Plan plan, IReadOnlyList<SweepAxis> axes, bool byBudgetYear)
    {
        if (byBudgetYear || plan.SharedCeilings.Count > 0
            || plan.Cost is not AnnualCost cost || (cost.Growth is { } growth && growth != Rate.Zero)
            || axes.Any(a => a.Parameter is not (SweepParameter.Cost or SweepParameter.Rate or SweepParameter.Cap or SweepParameter.AnnualAmount)))
        {
            return null;
        }
        var kernel = new SweepKernel(plan, cost);
        return kernel.CompileSteps(plan) ? kernel : null;
    }

    private bool CompileSteps(Plan plan)
    {
        for (int f = 0; f < _steps.Length; f++)
        {
            if (plan.Funders[f].Rule.CompileStep(new SweepCompilation(plan, f, this)) is not { } step)
            {
                return false;
            }
            if (step.IsLast)
            {
                if (_last >= 0)
                {
                    return false;
                }
                _last = f;
            }
            _steps[f] = step;
        }
        return true;
    }

    /// <summary>Sets value <paramref name="i"/> of <paramref name="axis"/> when it is an amount or a rate at all.</summary>
    /// <param name="plan">The plan, for the funder's index.</param>
    /// <param name="axis">The parameter.</param>
    /// <param name="i">The value's index.</param>
    /// <returns>False, and nothing set, for a value that is not an amount (sub-cent, out of range) or a rate (beyond 0–100 %, too precise).</returns>
    public bool TrySet(Plan plan, SweepAxis axis, int i)
    {
        if (PlanSweep.Value(axis, i) is not { } value)
        {
            return false;
        }
        if (axis.Parameter == SweepParameter.Cost)
        {
            _annualCost = value.Amount;
            return true;
        }
        _steps[PlanSweep.IndexOf(plan, axis.FunderId!)].Set(axis.RuleParameter, value, this);
        return true;
    }

    /// <summary>Sets value <paramref name="i"/> of <paramref name="axis"/>, checked by <see cref="PlanSweep.Prepare"/>.</summary>
    /// <param name="plan">The plan, for the funder's index.</param>
    /// <param name="axis">The parameter.</param>
    /// <param name="i">The value's index.</param>
    public void Set(Plan plan, SweepAxis axis, int i) => TrySet(plan, axis, i);

    /// <summary>
    /// Whether the plan compiled, with the values set, is valid — the plan being valid with its own values. Only the
    /// validator's rules on the swept fields can fail: an amount below zero, a cap below its floor, a total cost, a
    /// promised amount or all promised amounts beyond <see cref="Money.MaxValue"/> (<see cref="PlanValidator"/>; a
    /// property checks the two agree on every value). Nothing is allocated.
    /// </summary>
    /// <returns>True when every scenario with these values can be evaluated.</returns>
    public bool IsValid()
    {
        // Compared twelve times over (amount × months against 12 × the bound): exact, and no decimal division.
        decimal max12 = Money.MaxValue.Amount * 12m;
        if (_annualCost.IsNegative || _annualCost.Amount * _period.Months > max12)
        {
            return false;
        }
        decimal promised12 = 0m;
        foreach (var step in _steps)
        {
            if (!step.IsValid(ref promised12, _period.Months))
            {
                return false;
            }
        }
        return promised12 <= max12;
    }

    /// <summary>
    /// An amount a year over the period, rounded: <see cref="FundingPeriod.Prorate"/>, then the plan's policy (zero beyond
    /// the supported amounts, which <see cref="IsValid"/> refuses).
    /// </summary>
    internal Money Prorated(Money annual)
    {
        if (_period.Months % 12 == 0)
        {
            // Whole years: annual × years, exact in cents (|cents| ≤ 10^16, at most 50 years: no overflow), nothing to round.
            long cents = annual.TotalCents * (_period.Months / 12);
            return Math.Abs(cents) > Money.MaxCents ? Money.Zero : Money.FromCents(cents);
        }
        decimal exact = _period.Prorate(annual);
        return exact > Money.MaxValue.Amount || exact < Money.MinValue.Amount ? Money.Zero : _policy.RoundToCents(exact);
    }

    /// <summary>Computes every funder's total with the current values.</summary>
    /// <param name="totals">One total per funder, in the plan's order.</param>
    /// <param name="totalCost">The total cost.</param>
    /// <param name="unfunded">What no funder pays.</param>
    /// <param name="overFunding">What the funders pay beyond the cost.</param>
    public void Compute(Span<Money> totals, out Money totalCost, out Money unfunded, out Money overFunding)
    {
        totalCost = Prorated(_annualCost);
        // What is still to fund, summed over the years that need it (never negative), and what every funder gave.
        var available = totalCost;
        var contributed = Money.Zero;
        for (int f = 0; f < _steps.Length; f++)
        {
            var step = _steps[f];
            if (step.IsLast)
            {
                totals[f] = Money.Zero;
                continue;
            }
            var amount = step.Compute(totalCost, totals, _policy);
            // A promised amount is paid whole, even beyond what is still to fund (that excess is over-funding).
            if (!step.IsPromise && amount > available)
            {
                amount = available;
            }
            totals[f] = amount;
            contributed += amount;
            available = amount <= available ? available - amount : Money.Zero;
        }
        if (_last >= 0)
        {
            var amount = _steps[_last].Cap is { } cap && available > cap ? cap : available;
            totals[_last] = amount;
            contributed += amount;
            available -= amount;
        }
        unfunded = available;
        overFunding = available - (totalCost - contributed);
    }
}
