namespace Funding.Plans;

/// <summary>
/// The totals of a simple plan, computed without building a plan, a calendar or a result per scenario: the sweep's
/// compiled path. <see cref="TryCompile"/> accepts a plan only when its totals follow from a handful of figures, and
/// every sweep over it then gives the same totals as the engine (a property checks it, scenario by scenario).
/// </summary>
/// <remarks>
/// <para>
/// Accepted: an annual cost without growth; funders whose rule is a rate over the period (with its cap, floor or eligible
/// base), a match, a fixed annual amount, a fixed total, and at most one remainder; no group and no shared ceiling.
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
    private enum StepKind : byte
    {
        Rate,
        Match,
        FixedAnnual,
        FixedTotal,
        Remainder,
    }

    private struct Step
    {
        public StepKind Kind;
        public Rate Rate;
        public Money? Cap;
        public Money? Floor;
        public Money? EligibleBase;
        public Money AnnualAmount;

        /// <summary>A fixed annual amount over the period (prorated and rounded), or a fixed total.</summary>
        public Money Amount;

        /// <summary>The matched funder's index, for a match.</summary>
        public int Matched;
    }

    private readonly Step[] _steps;
    private readonly int _remainder;
    private readonly FundingPeriod _period;
    private readonly RoundingPolicy _policy;
    private Money _annualCost;

    private SweepKernel(Step[] steps, int remainder, Money annualCost, FundingPeriod period, RoundingPolicy policy)
    {
        _steps = steps;
        _remainder = remainder;
        _annualCost = annualCost;
        _period = period;
        _policy = policy;
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
        var steps = new Step[plan.Funders.Count];
        int remainder = -1;
        for (int f = 0; f < steps.Length; f++)
        {
            var rule = plan.Funders[f].Rule;
            steps[f] = new Step { Cap = rule.Cap, Matched = -1 };
            switch (rule)
            {
                case RateRule { CapScope: CapScope.Period } rate:
                    steps[f].Kind = StepKind.Rate;
                    steps[f].Rate = rate.Rate;
                    steps[f].Floor = rate.Floor;
                    steps[f].EligibleBase = rate.EligibleBase;
                    break;
                case MatchRule match:
                    steps[f].Kind = StepKind.Match;
                    steps[f].Rate = match.Rate;
                    // An earlier funder with a total by then (the validator guarantees it; anything else is the engine's).
                    int matched = PlanSweep.IndexOf(plan, match.FunderId);
                    if (matched < 0 || matched >= f || plan.Funders[matched].Rule is RemainderRule)
                    {
                        return null;
                    }
                    steps[f].Matched = matched;
                    break;
                case FixedAnnualRule annual:
                    steps[f].Kind = StepKind.FixedAnnual;
                    steps[f].AnnualAmount = annual.AnnualAmount;
                    break;
                case FixedTotalRule total:
                    steps[f].Kind = StepKind.FixedTotal;
                    steps[f].Amount = total.Amount;
                    break;
                case RemainderRule when remainder < 0:
                    steps[f].Kind = StepKind.Remainder;
                    remainder = f;
                    break;
                default:
                    return null;
            }
        }
        var kernel = new SweepKernel(steps, remainder, cost.AnnualAmount, cost.Period, plan.Options.Rounding);
        kernel.ProrateAnnualAmounts();
        return kernel;
    }

    /// <summary>Sets value <paramref name="i"/> of <paramref name="axis"/> when it is an amount or a rate at all.</summary>
    /// <param name="plan">The plan, for the funder's index.</param>
    /// <param name="axis">The parameter.</param>
    /// <param name="i">The value's index.</param>
    /// <returns>False, and nothing set, for a value that is not an amount (sub-cent, out of range) or a rate (beyond 0–100 %, too precise).</returns>
    public bool TrySet(Plan plan, SweepAxis axis, int i)
    {
        decimal value = axis.Numbers[i];
        if (axis.Parameter == SweepParameter.Rate)
        {
            if (!Rate.TryPercent(value, out var rate, out _))
            {
                return false;
            }
            _steps[PlanSweep.IndexOf(plan, axis.FunderId!)].Rate = rate;
            return true;
        }
        if (!Money.TryEuros(value, out var amount, out _))
        {
            return false;
        }
        if (axis.Parameter == SweepParameter.Cost)
        {
            _annualCost = amount;
            return true;
        }
        ref var step = ref _steps[PlanSweep.IndexOf(plan, axis.FunderId!)];
        if (axis.Parameter == SweepParameter.Cap)
        {
            step.Cap = amount;
        }
        else
        {
            step.AnnualAmount = amount;
            step.Amount = Prorated(amount);
        }
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
        foreach (ref readonly var step in _steps.AsSpan())
        {
            if (step.Cap is { } cap && (cap.IsNegative || (step.Floor is { } floor && cap < floor)))
            {
                return false;
            }
            if (step.Kind == StepKind.FixedAnnual)
            {
                if (step.AnnualAmount.IsNegative)
                {
                    return false;
                }
                // Promised amounts are never negative, so one beyond the bound takes their sum beyond it too.
                promised12 += step.AnnualAmount.Amount * _period.Months;
            }
            else if (step.Kind == StepKind.FixedTotal)
            {
                promised12 += step.Amount.Amount * 12m;
            }
        }
        return promised12 <= max12;
    }

    private void ProrateAnnualAmounts()
    {
        for (int f = 0; f < _steps.Length; f++)
        {
            if (_steps[f].Kind == StepKind.FixedAnnual)
            {
                _steps[f].Amount = Prorated(_steps[f].AnnualAmount);
            }
        }
    }

    /// <summary>
    /// An amount a year over the period, rounded: <see cref="FundingPeriod.Prorate"/>, then the plan's policy (zero beyond
    /// the supported amounts, which <see cref="IsValid"/> refuses).
    /// </summary>
    private Money Prorated(Money annual)
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
            ref readonly var step = ref _steps[f];
            Money amount;
            switch (step.Kind)
            {
                case StepKind.Rate:
                    amount = Bounded(_policy.RoundToCents(step.Rate.ExactOf(step.EligibleBase ?? totalCost)), step, available);
                    break;
                case StepKind.Match:
                    amount = Bounded(_policy.RoundToCents(step.Rate.ExactOf(totals[step.Matched])), step, available);
                    break;
                case StepKind.Remainder:
                    totals[f] = Money.Zero;
                    continue;
                default:
                    // A promised amount is paid whole, even beyond what is still to fund (that excess is over-funding).
                    amount = step.Amount;
                    break;
            }
            totals[f] = amount;
            contributed += amount;
            available = amount <= available ? available - amount : Money.Zero;
        }
        if (_remainder >= 0)
        {
            var amount = _steps[_remainder].Cap is { } cap && available > cap ? cap : available;
            totals[_remainder] = amount;
            contributed += amount;
            available -= amount;
        }
        unfunded = available;
        overFunding = available - (totalCost - contributed);
    }

    /// <summary>A computed amount raised to its floor, lowered to its cap, then to what is still to fund.</summary>
    private static Money Bounded(Money amount, in Step step, Money available)
    {
        if (step.Floor is { } floor && amount < floor)
        {
            amount = floor;
        }
        if (step.Cap is { } cap && amount > cap)
        {
            amount = cap;
        }
        return amount > available ? available : amount;
    }
}
