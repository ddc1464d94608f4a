using System.Globalization;
using Funding.Allocation;
using Funding.Formatting;
using Funding.Schedules;

namespace Funding.Plans;

/// <summary>
/// Evaluates a co-financing plan: the cost, each funder's contribution in waterfall order, the totals, the payment
/// schedules and the checks — every figure with its explanation.
/// </summary>
/// <remarks>
/// <para>
/// <b>The waterfall.</b> Rules apply in the order of the funders. "Left to fund" starts at the total cost and decreases
/// by each contribution. A computed contribution (a rate, a share of what is left, the remainder) is never more than
/// what is left to fund; when that limit bites, the funder's result says so. A promised amount (fixed per year, fixed
/// total, fixed pool) is never reduced: if promises exceed the cost, the plan reports the over-funding.
/// </para>
/// <para>
/// <b>The remainder</b> ("reste à charge") is computed after every other rule, wherever its funder stands in the list.
/// </para>
/// <para>
/// <b>Rounding</b> happens in named places only, with the plan's <see cref="PlanOptions.Rounding"/>: the total cost when
/// the months are not whole years, a rate applied to a base, a fixed annual amount over a partial year, a percentage
/// pool. Every split (key shares, budget years, months) goes through the exact allocation engine.
/// </para>
/// </remarks>
public static class PlanEvaluator
{
    /// <summary>Evaluates a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The result, with explanations, schedules and checks.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanResult Evaluate(Plan plan) => Evaluate(plan, explain: true);

    /// <summary>Evaluates a plan, with or without the explanations.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="explain">
    /// False for the figures alone: every figure, schedule and check is the same, but the contributions' explanations are
    /// left empty (<see cref="Explanation.Omitted"/>) and the payments carry no sentence.
    /// </param>
    /// <returns>The result, with schedules and checks.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanResult Evaluate(Plan plan, bool explain)
    {
        PlanValidator.ThrowIfInvalid(plan);
        var run = Run(plan, explain);
        return new PlanResult(plan, run.TotalCost, run.CostExplanation, run.CostByYear, run.Funders, run.Groups, run.Ceilings, run.CarrierId,
            run.Unfunded, run.OverFunding, run.BudgetYears, run.Calendar, explain);
    }

    /// <summary>
    /// The lean evaluation path: the cost, each funder's total and contribution to each budget year, and the year
    /// balances — the same figures as <see cref="Evaluate(Plan)"/>, without explanations, payment schedules or checks.
    /// For simulations and sweeps that only read totals.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanFigures Figures(Plan plan)
    {
        PlanValidator.ThrowIfInvalid(plan);
        return FiguresOfValid(plan);
    }

    /// <summary>The figures of a plan already validated (a sweep validates its base plan and each varied value once).</summary>
    internal static PlanFigures FiguresOfValid(Plan plan)
    {
        var run = Run(plan, explain: false);
        return new PlanFigures(run.TotalCost, run.CostByYear, run.Funders, run.CarrierId, run.Unfunded, run.OverFunding, run.BudgetYears, run.Groups, run.Ceilings);
    }

    private sealed record Evaluation(
        Money TotalCost, Explanation CostExplanation, IReadOnlyList<BudgetYearCost> CostByYear, FunderResult[] Funders,
        List<GroupResult> Groups, List<SharedCeilingResult> Ceilings, string? CarrierId, Money Unfunded, Money OverFunding,
        BudgetYearBalance[] BudgetYears, PeriodCalendar Calendar);

    private static Evaluation Run(Plan plan, bool explain)
    {
        var policy = plan.Options.Rounding;
        var period = plan.Cost.Period;
        var calendar = PeriodCalendar.For(period);
        var (totalCost, costExplanation, costByYear) = EvaluateCost(plan.Cost, calendar, policy, explain);

        var waterfall = new Waterfall(plan, totalCost, costByYear, calendar, policy, explain);
        for (int i = 0; i < plan.Funders.Count; i++)
        {
            waterfall.Apply(i);
        }
        waterfall.ApplyRemainder();
        int remainderIndex = waterfall.RemainderIndex;
        var ledger = waterfall.Ledger;

        string? carrierId = plan.Options.CarrierId ?? (remainderIndex >= 0 ? plan.Funders[remainderIndex].Id : null);
        int count = 0;
        foreach (var results in waterfall.PerFunder)
        {
            count += results?.Count ?? 0;
        }
        var funders = new FunderResult[count];
        int n = 0;
        foreach (var results in waterfall.PerFunder)
        {
            foreach (var f in results ?? [])
            {
                if (f.Id == carrierId)
                {
                    f.Complete(isCarrier: true);
                }
                funders[n++] = f;
            }
        }
        var unfundedByYear = ledger.Unfunded;
        var overFundingByYear = ledger.OverFunding;
        var balances = new BudgetYearBalance[ledger.Years.Length];
        for (int k = 0; k < balances.Length; k++)
        {
            var contributions = Money.Zero;
            foreach (var f in funders)
            {
                contributions += f.ContributionByBudgetYear[k].Amount;
            }
            balances[k] = new BudgetYearBalance(ledger.Years[k], costByYear[k].Amount, contributions, overFundingByYear[k], unfundedByYear[k]);
        }
        return new Evaluation(totalCost, costExplanation, costByYear, funders, waterfall.Groups, waterfall.Ceilings, carrierId,
            unfundedByYear.Sum(), overFundingByYear.Sum(), balances, calendar);
    }

    private static (Money Total, Explanation Explanation, IReadOnlyList<BudgetYearCost> ByYear) EvaluateCost(CostBase cost, PeriodCalendar calendar, RoundingPolicy policy, bool explain)
    {
        var period = cost.Period;
        switch (cost)
        {
            case AnnualCost { Growth: { } growth } annual when growth != Rate.Zero:
                return GrowingCost(annual, growth, calendar, policy);
            case AnnualCost annual:
            {
                decimal exact = period.Prorate(annual.AnnualAmount);
                var total = policy.RoundToCents(exact);
                var shares = BudgetYears.Split(total, calendar, annual.Prorata);
                var byYear = new BudgetYearCost[shares.Length];
                for (int k = 0; k < byYear.Length; k++)
                {
                    byYear[k] = new BudgetYearCost(shares[k].Year, shares[k].Amount, explain ? "Coût " + shares[k].Sentence(total) : "");
                }
                if (!explain)
                {
                    return (total, Explanation.Omitted("cost"), byYear);
                }
                string sentence = period.Months % 12 == 0
                    ? $"Coût total : {FrenchFormat.Money(annual.AnnualAmount)} par an × {FrenchText.Duration(period.Months)} = {FrenchFormat.Money(total)}."
                    : $"Coût total : {FrenchFormat.Money(annual.AnnualAmount)} par an × {period.Months} mois / 12 = {Rounded(exact, total, policy)}.";
                var explanation = new Explanation("cost", sentence,
                [
                    ExplanationTerm.Euros("annualAmount", annual.AnnualAmount),
                    new ExplanationTerm("months", period.Months, TermUnit.Months),
                    ExplanationTerm.ExactEuros("exact", exact),
                    ExplanationTerm.Euros("total", total),
                ]);
                return (total, explanation, byYear);
            }
            case PerBudgetYearCost perYear:
            {
                var total = perYear.Years.Sum(y => y.Amount);
                var byYear = perYear.Years
                    .Select(y => new BudgetYearCost(y.Year, y.Amount, explain ? $"Coût {y.Year} : {FrenchFormat.Money(y.Amount)}, montant donné pour l'exercice." : ""))
                    .ToArray();
                if (!explain)
                {
                    return (total, Explanation.Omitted("cost"), byYear);
                }
                string detail = string.Join(" + ", perYear.Years.Select(y => FrenchFormat.Money(y.Amount)));
                var explanation = new Explanation("cost",
                    $"Coût total : somme des coûts des exercices {perYear.Years[0].Year} à {perYear.Years[^1].Year}, {detail} = {FrenchFormat.Money(total)}.",
                    [.. perYear.Years.Select(y => ExplanationTerm.Euros(y.Year.ToString(CultureInfo.InvariantCulture), y.Amount)), ExplanationTerm.Euros("total", total)]);
                return (total, explanation, byYear);
            }
            default:
                throw new ArgumentException($"Unknown cost type {cost.GetType().Name}.", nameof(cost));
        }
    }

    /// <summary>
    /// The waterfall, funder by funder in plan order: each rule is a method of this visitor, and what is left to fund in
    /// each budget year (the <see cref="YearLedger"/>) is its state. The remainder waits for every other rule; a shared
    /// ceiling applies once its last member is computed.
    /// </summary>
    private sealed class Waterfall : IRuleVisitor<List<FunderResult>?>
    {
        private readonly Plan _plan;
        private readonly Money _totalCost;
        private readonly RoundingPolicy _policy;
        private readonly IReadOnlyList<BudgetYearCost> _costByYear;
        private Money _left;
        private int _index;

        private readonly bool _explain;

        public Waterfall(Plan plan, Money totalCost, IReadOnlyList<BudgetYearCost> costByYear, PeriodCalendar calendar, RoundingPolicy policy, bool explain)
        {
            _explain = explain;
            _plan = plan;
            _costByYear = costByYear;
            _totalCost = totalCost;
            _policy = policy;
            Ledger = new YearLedger(costByYear, calendar.MonthsByYear.Select(m => (long)m).ToArray());
            PerFunder = new List<FunderResult>?[plan.Funders.Count];
            _ceilingsClosingAt = plan.SharedCeilings.Count == 0 ? null : CeilingsClosingAt(plan);
        }

        private readonly ILookup<int, SharedCeiling>? _ceilingsClosingAt;

        /// <summary>What is left to fund in each budget year.</summary>
        public YearLedger Ledger { get; }

        public List<FunderResult>?[] PerFunder { get; }

        public List<GroupResult> Groups { get; } = [];

        public List<SharedCeilingResult> Ceilings { get; } = [];

        public int RemainderIndex { get; private set; } = -1;

        private Funder Funder => _plan.Funders[_index];

        private PaymentMode Payment => Funder.Payment ?? PaymentMode.DefaultFor(Funder.Rule);

        public void Apply(int index)
        {
            _index = index;
            // A rule computed for the whole period is limited to what is still to fund in the years that need it.
            _left = Ledger.Available;
            var results = _plan.Funders[index].Rule.Accept(this);
            if (results is not null && _plan.Funders[index].Rule is not KeyShareRule)
            {
                foreach (var result in results)
                {
                    result.Complete(Ledger.Take(result.ByBudgetYear is { } given ? Ledger.OnYears(given) : Ledger.Attribute(result.Total)));
                }
            }
            PerFunder[index] = results;
            if (_ceilingsClosingAt is null)
            {
                return;
            }
            foreach (var ceiling in _ceilingsClosingAt[index])
            {
                Ceilings.Add(SharedCeilings.Apply(ceiling, _plan, PerFunder, Ledger, _totalCost, _policy));
            }
        }

        /// <summary>Each shared ceiling by the index of its last funder in the plan: it applies once that funder is computed.</summary>
        private static ILookup<int, SharedCeiling> CeilingsClosingAt(Plan plan)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < plan.Funders.Count; i++)
            {
                index[plan.Funders[i].Id] = i;
            }
            return plan.SharedCeilings.ToLookup(c => c.FunderIds.Max(id => index[id]));
        }

        public void ApplyRemainder()
        {
            if (RemainderIndex >= 0)
            {
                _index = RemainderIndex;
                PerFunder[RemainderIndex] = [EvaluateRemainder(Funder, Payment, _totalCost, Ledger, _explain)];
            }
        }

        public List<FunderResult>? Rate(RateRule rule) => rule.CapScope == CapScope.BudgetYear
            ? [EvaluateRatePerYear(Funder, rule, Payment, _totalCost, _costByYear, Ledger, _policy, _explain)]
            : [EvaluateRate(Funder, rule, Payment, _totalCost, ref _left, _policy, _explain)];

        public List<FunderResult>? FixedAnnual(FixedAnnualRule rule) => [EvaluateFixedAnnual(Funder, rule, Payment, _plan.Cost.Period, _totalCost, ref _left, _policy, _explain)];

        public List<FunderResult>? FixedPerYear(FixedPerYearRule rule) => [EvaluateFixedPerYear(Funder, rule, Payment, _totalCost, ref _left, _explain)];

        public List<FunderResult>? FixedTotal(FixedTotalRule rule) => [EvaluateFixedTotal(Funder, rule, Payment, _totalCost, ref _left, _explain)];

        public List<FunderResult>? Match(MatchRule rule)
        {
            // The validator guarantees the matched funder is earlier in the list, computed, and not a group.
            var matched = PerFunder.Take(_index).Where(f => f is not null).SelectMany(f => f!).Single(f => f.Id == rule.FunderId);
            return [EvaluateMatch(Funder, rule, matched, Payment, _totalCost, ref _left, _policy, _explain)];
        }

        public List<FunderResult>? KeyShare(KeyShareRule rule)
        {
            var (members, group) = EvaluateKeyShare(Funder, rule, Payment, _index, _totalCost, ref _left, _policy, _explain);
            Groups.Add(group);
            // The group funds each year in proportion to what it still needs; each year's part is then split between the
            // members so that both each member's years and each year's members add up.
            var groupByYear = Ledger.Attribute(group.Allocated);
            var totals = new Money[members.Count];
            for (int j = 0; j < totals.Length; j++)
            {
                totals[j] = members[j].Total;
            }
            var byMember = YearLedger.SplitBetweenMembers(totals, groupByYear);
            for (int j = 0; j < members.Count; j++)
            {
                members[j].Complete(Ledger.Take(byMember[j]));
            }
            return members;
        }

        public List<FunderResult>? Remainder(RemainderRule rule)
        {
            RemainderIndex = _index;
            return null;
        }
    }

    /// <summary>
    /// A cost growing each budget year: year k (from 0) costs annual × (1 + growth)^k × its months / 12, computed exactly
    /// (big integers: the compounded factor outgrows a decimal) and rounded to the cent by the plan's policy; the total is
    /// the sum of the years.
    /// </summary>
    internal static (Money Total, Explanation Explanation, IReadOnlyList<BudgetYearCost> ByYear) GrowingCost(AnnualCost annual, Rate growth, PeriodCalendar calendar, RoundingPolicy policy)
    {
        // growth = g / 10^8 exactly (a rate has at most 6 decimals of a percent).
        var scale = System.Numerics.BigInteger.Pow(10, 8);
        var g = new System.Numerics.BigInteger(decimal.Round(growth.Fraction * 100_000_000m, 0));
        var byYear = new List<BudgetYearCost>();
        var total = Money.Zero;
        for (int k = 0; k < calendar.Years.Length; k++)
        {
            int months = calendar.MonthsByYear[k];
            var numerator = annual.AnnualAmount.TotalCents * System.Numerics.BigInteger.Pow(scale + g, k) * months;
            var denominator = System.Numerics.BigInteger.Pow(scale, k) * 12;
            var amount = Money.FromCents(policy.RoundCents(numerator, denominator));
            total += amount;
            string factor = k == 0 ? "" : k == 1 ? $" × (1 + {FrenchFormat.Rate(growth, 6)})" : $" × (1 + {FrenchFormat.Rate(growth, 6)})^{k}";
            bool exactCents = numerator % denominator == 0;
            byYear.Add(new BudgetYearCost(calendar.Years[k], amount,
                $"Coût {calendar.Years[k]} : {FrenchFormat.Money(annual.AnnualAmount)}{factor} × {months}/12 = {(exactCents ? FrenchFormat.Money(amount) : $"{FrenchFormat.Money(amount)} après arrondi ({policy.FrenchDescription})")}."));
        }
        string years = string.Join(" + ", byYear.Select(y => FrenchFormat.Money(y.Amount)));
        var explanation = new Explanation("cost",
            $"Coût total : {FrenchFormat.Money(annual.AnnualAmount)} par an, en progression de {FrenchFormat.Rate(growth, 6)} par an à partir du deuxième exercice, soit {years} = {FrenchFormat.Money(total)}.",
            [
                ExplanationTerm.Euros("annualAmount", annual.AnnualAmount),
                ExplanationTerm.Percent("growth", growth),
                new ExplanationTerm("months", calendar.Period.Months, TermUnit.Months),
                .. byYear.Select(y => ExplanationTerm.Euros(y.Year.ToString(CultureInfo.InvariantCulture), y.Amount)),
                ExplanationTerm.Euros("total", total),
            ]);
        return (total, explanation, byYear);
    }

    /// <summary>
    /// A rate with a cap per budget year: each year gives rate × that year's cost, rounded by the plan's policy, capped,
    /// then never more than what is still to fund that year; the total is the sum of the years.
    /// </summary>
    private static FunderResult EvaluateRatePerYear(Funder funder, RateRule rule, PaymentMode payment, Money totalCost,
        IReadOnlyList<BudgetYearCost> costByYear, YearLedger ledger, RoundingPolicy policy, bool explain)
    {
        var years = new List<BudgetYearAmount>();
        var parts = new List<string>();
        var terms = new List<ExplanationTerm> { ExplanationTerm.Percent("rate", rule.Rate) };
        var limit = ContributionLimit.None;
        // An eligible base for the period is split between the years in proportion to their cost (largest remainder).
        var bases = rule.EligibleBase is { } eligible
            ? (costByYear.Any(c => !c.Amount.IsZero)
                ? LargestRemainder.Split(eligible, costByYear.Select(c => c.Amount.TotalCents).ToArray())
                : LargestRemainder.Split(eligible, costByYear.Select((_, k) => k == 0 ? 1L : 0L).ToArray()))
            : costByYear.Select(c => c.Amount).ToArray();
        string baseWord = rule.EligibleBase is null ? "" : "la dépense éligible ";
        for (int k = 0; k < costByYear.Count; k++)
        {
            var year = costByYear[k];
            decimal exact = rule.Rate.ExactOf(bases[k]);
            var computed = policy.RoundToCents(exact);
            var amount = computed;
            string part = explain ? $"{year.Year} : {FrenchFormat.Rate(rule.Rate, 6)} de {baseWord}{FrenchFormat.Money(bases[k])} = {Rounded(exact, computed, policy)}" : "";
            if (rule.Floor is { } floor && amount < floor)
            {
                amount = floor;
                computed = floor;
                limit = ContributionLimit.Floor;
                part += explain ? $", porté au plancher annuel de {FrenchFormat.Money(floor)}" : "";
            }
            if (rule.Cap is { } cap && computed > cap)
            {
                amount = cap;
                limit = ContributionLimit.Cap;
                part += explain ? $", plafonné à {FrenchFormat.Money(cap)} (le plafond annuel retire {FrenchFormat.Money(computed - cap)})" : "";
            }
            var available = Money.Max(ledger.Left(k), Money.Zero);
            if (amount > available)
            {
                amount = available;
                limit = ContributionLimit.LeftToFund;
                part += explain ? $", limité au reste à financer de l'exercice, {FrenchFormat.Money(available)}" : "";
            }
            years.Add(new BudgetYearAmount(year.Year, amount));
            if (explain)
            {
                parts.Add(part);
                terms.Add(ExplanationTerm.Euros(year.Year.ToString(CultureInfo.InvariantCulture), amount));
            }
        }
        var total = years.Aggregate(Money.Zero, (sum, y) => sum + y.Amount);
        var effectiveRate = Ratio.Of(total, rule.EligibleBase ?? totalCost);
        if (!explain)
        {
            return Result(funder, rule.Type, total, totalCost, payment, Explanation.Omitted(rule.Type), limit, effectiveRate, rule.Cap) with { ByBudgetYear = years };
        }
        string what = rule.EligibleBase is { } e
            ? $"de la dépense éligible de {FrenchFormat.Money(e)}, répartie entre les exercices au prorata de leur coût"
            : "du coût de chaque exercice";
        string bounds = (rule.Floor is { } f ? $", au moins {FrenchFormat.Money(f)}" : "") + (rule.Cap is { } c ? $", au plus {FrenchFormat.Money(c)}" : "");
        string sentence = $"{FrenchText.Subject(funder.Name)} finance {FrenchFormat.Rate(rule.Rate, 6)} {what}{(bounds.Length > 0 ? bounds + " par exercice" : "")} : {string.Join(" ; ", parts)} ; soit {FrenchFormat.Money(total)}";
        sentence += ShareOfCostText(total, totalCost);
        terms.Add(ExplanationTerm.Euros("amount", total));
        return Result(funder, rule.Type, total, totalCost, payment, new Explanation(rule.Type, sentence + ".", terms), limit, effectiveRate, rule.Cap)
            with { ByBudgetYear = years };
    }

    private static FunderResult EvaluateRate(Funder funder, RateRule rule, PaymentMode payment, Money totalCost, ref Money left, RoundingPolicy policy, bool explain)
    {
        var baseAmount = rule.EligibleBase ?? totalCost;
        var available = Money.Max(left, Money.Zero);
        CappedRate? computed = null;
        Money amount;
        ContributionLimit limit;
        if (explain)
        {
            computed = CappedRate.Compute(rule.Rate, baseAmount, rule.Cap, rule.Floor, policy);
            (amount, limit) = (computed.Amount, computed.Limit);
        }
        else
        {
            // The lean path bounds the rounded amount without building the computation's record (its inputs are validated).
            amount = CappedRate.Bound(policy.RoundToCents(rule.Rate.ExactOf(baseAmount)), rule.Cap, rule.Floor, out limit);
        }
        if (amount > available)
        {
            (amount, limit) = (available, ContributionLimit.LeftToFund);
        }
        left -= amount;

        if (computed is null)
        {
            // On the total cost, the effective rate is the share of the cost: Result divides once.
            Ratio? effectiveRate = rule.EligibleBase is null ? null : Ratio.Of(amount, baseAmount);
            return Result(funder, rule.Type, amount, totalCost, payment, Explanation.Omitted(rule.Type), limit, effectiveRate, rule.Cap);
        }
        var effective = Ratio.Of(amount, baseAmount);
        string baseText = rule.EligibleBase is null ? "du coût total" : "de la dépense éligible";
        string sentence = $"{FrenchText.Subject(funder.Name)} finance {computed.Clause($"{baseText} de {FrenchFormat.Money(baseAmount)}")}";
        if (limit == ContributionLimit.LeftToFund)
        {
            sentence += $", limité au reste à financer de {FrenchFormat.Money(amount)}";
        }
        if (effective != rule.Rate)
        {
            sentence += $" (taux effectif {FrenchFormat.Rate(effective)})";
        }
        var terms = computed.Terms().ToList();
        terms.Add(ExplanationTerm.Euros("leftToFund", available));
        terms.Add(ExplanationTerm.Euros("amount", amount));
        terms.Add(ExplanationTerm.Percent("effectiveRate", effective));
        return Result(funder, rule.Type, amount, totalCost, payment, new Explanation(rule.Type, sentence + ".", terms), limit, effective, rule.Cap);
    }

    private static FunderResult EvaluateFixedAnnual(Funder funder, FixedAnnualRule rule, PaymentMode payment, FundingPeriod period, Money totalCost, ref Money left, RoundingPolicy policy, bool explain)
    {
        decimal exact = period.Prorate(rule.AnnualAmount);
        var amount = policy.RoundToCents(exact);
        left -= amount;
        var limit = rule.Cap is { } cap && amount > cap ? ContributionLimit.AboveCap : ContributionLimit.None;
        if (!explain)
        {
            return Result(funder, rule.Type, amount, totalCost, payment, Explanation.Omitted(rule.Type), limit, null, rule.Cap);
        }
        string sentence = period.Months % 12 == 0
            ? $"{FrenchText.Subject(funder.Name)} verse {FrenchFormat.Money(rule.AnnualAmount)} par an pendant {FrenchText.Duration(period.Months)}, soit {FrenchFormat.Money(amount)}"
            : $"{FrenchText.Subject(funder.Name)} verse {FrenchFormat.Money(rule.AnnualAmount)} par an pendant {period.Months} mois, soit {FrenchFormat.Money(rule.AnnualAmount)} × {period.Months} / 12 = {Rounded(exact, amount, policy)}";
        sentence += ShareOfCostText(amount, totalCost);
        if (limit == ContributionLimit.AboveCap)
        {
            sentence += $" ; ce montant promis dépasse son plafond de {FrenchFormat.Money(rule.Cap!.Value)}";
        }
        var explanation = new Explanation(rule.Type, sentence + ".",
        [
            ExplanationTerm.Euros("annualAmount", rule.AnnualAmount),
            new ExplanationTerm("months", period.Months, TermUnit.Months),
            ExplanationTerm.ExactEuros("exact", exact),
            ExplanationTerm.Euros("amount", amount),
        ]);
        return Result(funder, rule.Type, amount, totalCost, payment, explanation, limit, null, rule.Cap);
    }

    private static FunderResult EvaluateMatch(Funder funder, MatchRule rule, FunderResult matched, PaymentMode payment, Money totalCost, ref Money left, RoundingPolicy policy, bool explain)
    {
        decimal exact = rule.Rate.ExactOf(matched.Total);
        var computed = policy.RoundToCents(exact);
        var amount = computed;
        var limit = ContributionLimit.None;
        if (rule.Cap is { } cap && amount > cap)
        {
            (amount, limit) = (cap, ContributionLimit.Cap);
        }
        var available = Money.Max(left, Money.Zero);
        if (amount > available)
        {
            (amount, limit) = (available, ContributionLimit.LeftToFund);
        }
        left -= amount;
        if (!explain)
        {
            return Result(funder, rule.Type, amount, totalCost, payment, Explanation.Omitted(rule.Type), limit, null, rule.Cap);
        }

        string what = rule.Rate == Rate.Percent(100)
            ? $"abonde euro pour euro la participation {FrenchText.Of(matched.Name)}, {FrenchFormat.Money(matched.Total)}"
            : $"abonde à {FrenchFormat.Rate(rule.Rate, 6)} la participation {FrenchText.Of(matched.Name)}, {FrenchFormat.Money(matched.Total)}, soit {Rounded(exact, computed, policy)}";
        string sentence = $"{FrenchText.Subject(funder.Name)} {what}";
        sentence += limit switch
        {
            ContributionLimit.Cap => $", plafonné à {FrenchFormat.Money(amount)}",
            ContributionLimit.LeftToFund => $", limité au reste à financer de {FrenchFormat.Money(amount)}",
            _ => "",
        };
        sentence += ShareOfCostText(amount, totalCost);
        var terms = new List<ExplanationTerm>
        {
            ExplanationTerm.Euros("matched", matched.Total),
            ExplanationTerm.Percent("rate", rule.Rate),
            ExplanationTerm.ExactEuros("exact", exact),
            ExplanationTerm.Euros("computed", computed),
        };
        if (rule.Cap is { } c2)
        {
            terms.Add(ExplanationTerm.Euros("cap", c2));
        }
        terms.Add(ExplanationTerm.Euros("leftToFund", available));
        terms.Add(ExplanationTerm.Euros("amount", amount));
        return Result(funder, rule.Type, amount, totalCost, payment, new Explanation(rule.Type, sentence + ".", terms), limit, null, rule.Cap);
    }

    private static FunderResult EvaluateFixedPerYear(Funder funder, FixedPerYearRule rule, PaymentMode payment, Money totalCost, ref Money left, bool explain)
    {
        var amount = rule.Total;
        left -= amount;
        var limit = rule.Cap is { } cap && amount > cap ? ContributionLimit.AboveCap : ContributionLimit.None;
        var years = rule.Years.OrderBy(y => y.Year).ToArray();
        if (!explain)
        {
            return Result(funder, rule.Type, amount, totalCost, payment, Explanation.Omitted(rule.Type), limit, null, rule.Cap) with { ByBudgetYear = years };
        }
        string detail = string.Join(", ", years.Select(y => $"{y.Year} : {FrenchFormat.Money(y.Amount)}"));
        string sentence = $"{FrenchText.Subject(funder.Name)} verse des montants fixés par exercice ({detail}), soit {FrenchFormat.Money(amount)}{ShareOfCostText(amount, totalCost)}";
        if (limit == ContributionLimit.AboveCap)
        {
            sentence += $" ; ce montant promis dépasse son plafond de {FrenchFormat.Money(rule.Cap!.Value)}";
        }
        var explanation = new Explanation(rule.Type, sentence + ".",
            [.. years.Select(y => ExplanationTerm.Euros(y.Year.ToString(CultureInfo.InvariantCulture), y.Amount)), ExplanationTerm.Euros("amount", amount)]);
        return Result(funder, rule.Type, amount, totalCost, payment, explanation, limit, null, rule.Cap) with { ByBudgetYear = years };
    }

    private static FunderResult EvaluateFixedTotal(Funder funder, FixedTotalRule rule, PaymentMode payment, Money totalCost, ref Money left, bool explain)
    {
        var amount = rule.Amount;
        left -= amount;
        var limit = rule.Cap is { } cap && amount > cap ? ContributionLimit.AboveCap : ContributionLimit.None;
        if (!explain)
        {
            return Result(funder, rule.Type, amount, totalCost, payment, Explanation.Omitted(rule.Type), limit, null, rule.Cap);
        }
        string sentence = $"{FrenchText.Subject(funder.Name)} verse {FrenchFormat.Money(amount)} pour l'ensemble de la période{ShareOfCostText(amount, totalCost)}";
        if (limit == ContributionLimit.AboveCap)
        {
            sentence += $" ; ce montant promis dépasse son plafond de {FrenchFormat.Money(rule.Cap!.Value)}";
        }
        var explanation = new Explanation(rule.Type, sentence + ".", [ExplanationTerm.Euros("amount", amount)]);
        return Result(funder, rule.Type, amount, totalCost, payment, explanation, limit, null, rule.Cap);
    }

    private static (List<FunderResult> Members, GroupResult Group) EvaluateKeyShare(
        Funder funder, KeyShareRule rule, PaymentMode payment, int index, Money totalCost, ref Money left, RoundingPolicy policy, bool explain)
    {
        var available = Money.Max(left, Money.Zero);
        Money pool;
        string poolText = "";
        var terms = new List<ExplanationTerm>();
        switch (rule.Pool)
        {
            case FixedPool fixedPool:
                pool = fixedPool.Amount;
                if (explain)
                {
                    poolText = FrenchFormat.Money(pool);
                    terms.Add(ExplanationTerm.Euros("pool", pool));
                }
                break;
            case ShareOfRemainingPool share:
                decimal exact = share.Rate.ExactOf(available);
                pool = policy.RoundToCents(exact);
                if (explain)
                {
                    poolText = $"{FrenchFormat.Rate(share.Rate, 6)} du reste à financer de {FrenchFormat.Money(available)}, soit {Rounded(exact, pool, policy)}";
                    terms.Add(ExplanationTerm.Percent("rate", share.Rate));
                    terms.Add(ExplanationTerm.Euros("leftToFund", available));
                    terms.Add(ExplanationTerm.ExactEuros("exact", exact));
                }
                break;
            default:
                throw new ArgumentException("Unknown pool.", nameof(rule));
        }
        var groupLimit = ContributionLimit.None;
        if (rule.Cap is { } cap && pool > cap)
        {
            if (rule.Pool is FixedPool)
            {
                groupLimit = ContributionLimit.AboveCap;
            }
            else
            {
                pool = cap;
                groupLimit = ContributionLimit.Cap;
                poolText += explain ? $", plafonné à {FrenchFormat.Money(cap)}" : "";
            }
        }

        global::Funding.Allocation.Allocation allocation;
        try
        {
            allocation = Allocator.SplitValidated(pool, PlanValidator.MemberParties(rule), rule.Key);
        }
        catch (FundingValidationException ex)
        {
            var path = FieldPath.Of("funders").Item(index).Field("rule");
            throw new FundingValidationException(ex.Errors.Select(e => e with { Field = PlanValidator.MemberPath(path, e.Field) }).ToArray());
        }
        left -= allocation.Allocated;
        if (!explain)
        {
            return LeanKeyShare(funder, rule, payment, totalCost, pool, allocation, groupLimit);
        }

        string groupSentence = $"Les membres du groupe « {funder.Name} » se partagent {poolText}, selon la clé {rule.Key.Label}";
        if (!allocation.Unallocated.IsZero)
        {
            groupSentence += $" ; {FrenchFormat.Money(allocation.Unallocated)} n'ont pu être répartis, chaque membre ayant atteint son plafond, et restent à financer";
        }
        if (groupLimit == ContributionLimit.AboveCap)
        {
            groupSentence += $" ; ce montant promis dépasse le plafond du groupe, {FrenchFormat.Money(rule.Cap!.Value)}";
        }
        if (allocation.LeftoverCents > 0)
        {
            groupSentence += $" ; {FrenchText.Count(allocation.LeftoverCents, "centime attribué au plus fort reste", "centimes attribués aux plus forts restes")}";
        }
        terms.Add(ExplanationTerm.Euros("pool", pool));
        terms.Add(ExplanationTerm.Euros("allocated", allocation.Allocated));
        terms.Add(ExplanationTerm.Euros("unallocated", allocation.Unallocated));
        var group = new GroupResult(funder.Id, funder.Name, pool, allocation.Allocated, allocation.Unallocated,
            rule.Members.Select(m => m.Id).ToArray(), new Explanation(rule.Type, groupSentence + ".", terms), groupLimit);

        var members = new List<FunderResult>(rule.Members.Count);
        for (int j = 0; j < rule.Members.Count; j++)
        {
            var member = rule.Members[j];
            var share = allocation.Shares[j];
            var limit = MemberLimit(share.Bound, groupLimit);
            string sentence = $"{share.Sentence.TrimEnd('.')} ; part des {FrenchFormat.Money(allocation.Allocated)} partagés par le groupe « {funder.Name} »{ShareOfCostText(share.Amount, totalCost)}.";
            var explanation = new Explanation(rule.Type, sentence,
            [
                ExplanationTerm.Euros("pool", pool),
                new ExplanationTerm("weight", share.Weight, TermUnit.Weight),
                ExplanationTerm.Percent("shareOfKey", share.ShareOfKey),
                ExplanationTerm.ExactEuros("exact", share.ExactAmount),
                new ExplanationTerm("remainderCents", share.RemainderCents, TermUnit.Count),
                ExplanationTerm.Euros("amount", share.Amount),
            ]);
            members.Add(MemberResult(funder, rule, member, share.Amount, totalCost, limit, explanation, payment));
        }
        return (members, group);
    }

    /// <summary>A key-share group's figures without explanations: the group and each member's share.</summary>
    private static (List<FunderResult> Members, GroupResult Group) LeanKeyShare(
        Funder funder, KeyShareRule rule, PaymentMode payment, Money totalCost, Money pool, global::Funding.Allocation.Allocation allocation, ContributionLimit groupLimit)
    {
        var memberIds = new string[rule.Members.Count];
        var members = new List<FunderResult>(rule.Members.Count);
        for (int j = 0; j < rule.Members.Count; j++)
        {
            var member = rule.Members[j];
            memberIds[j] = member.Id;
            members.Add(MemberResult(funder, rule, member, allocation.Shares[j].Amount, totalCost,
                MemberLimit(allocation.Shares[j].Bound, groupLimit), Explanation.Omitted(rule.Type), payment));
        }
        var group = new GroupResult(funder.Id, funder.Name, pool, allocation.Allocated, allocation.Unallocated, memberIds, Explanation.Omitted(rule.Type), groupLimit);
        return (members, group);
    }

    /// <summary>A group member's result: its share of the pool, as a share of the total cost.</summary>
    private static FunderResult MemberResult(Funder group, KeyShareRule rule, KeyShareMember member, Money amount, Money totalCost,
        ContributionLimit limit, Explanation explanation, PaymentMode payment)
    {
        var share = ShareOf(amount, totalCost);
        return new FunderResult
        {
            Id = member.Id,
            Name = member.Name,
            Kind = member.Kind,
            GroupId = group.Id,
            RuleType = rule.Type,
            Total = amount,
            ShareOfCost = share,
            EffectiveRate = share,
            Limit = limit,
            Cap = member.Cap,
            Explanation = explanation,
            Payment = payment,
        };
    }

    private static ContributionLimit MemberLimit(ShareBound bound, ContributionLimit groupLimit) => bound switch
    {
        ShareBound.Cap => ContributionLimit.Cap,
        ShareBound.Floor => ContributionLimit.Floor,
        _ => groupLimit == ContributionLimit.Cap ? ContributionLimit.Cap : ContributionLimit.None,
    };

    /// <summary>
    /// The remainder, year by year: each budget year, what that year's cost still needs after every other contribution
    /// to it — so a year that costs nothing asks nothing of the carrier. A cap bounds the total, taken in proportion to
    /// what each year still needs.
    /// </summary>
    private static FunderResult EvaluateRemainder(Funder funder, PaymentMode payment, Money totalCost, YearLedger ledger, bool explain)
    {
        var available = ledger.Available;
        var amount = available;
        var limit = ContributionLimit.None;
        if (funder.Rule.Cap is { } cap && amount > cap)
        {
            (amount, limit) = (cap, ContributionLimit.Cap);
        }
        if (!explain)
        {
            var taken = ledger.Take(ledger.Attribute(amount));
            return Result(funder, funder.Rule.Type, amount, totalCost, payment, Explanation.Omitted(funder.Rule.Type), limit, null, funder.Rule.Cap)
                with { ByBudgetYear = taken, ContributionByBudgetYear = taken };
        }
        var others = totalCost - available;
        var needs = Enumerable.Range(0, ledger.Years.Length).Select(k => Money.Max(ledger.Left(k), Money.Zero)).ToArray();
        var perYear = ledger.Attribute(amount);
        string sentence = available.IsZero
            ? $"{FrenchText.Subject(funder.Name)}, porteur du projet, n'a rien à financer : les autres financeurs couvrent le coût de chaque exercice"
            : $"{FrenchText.Subject(funder.Name)}, porteur du projet, prend en charge le reste à financer de chaque exercice";
        if (!available.IsZero && ledger.Years.Length > 1)
        {
            sentence += " (" + string.Join(" ; ", Enumerable.Range(0, ledger.Years.Length).Select(k =>
                $"{ledger.Years[k]} : {FrenchFormat.Money(ledger.Cost[k])} − {FrenchFormat.Money(ledger.Cost[k] - ledger.Left(k))} = {(needs[k] == ledger.Left(k) ? FrenchFormat.Money(needs[k]) : $"{FrenchFormat.Money(ledger.Left(k))}, soit {FrenchFormat.Money(Money.Zero)}")}")) + ")";
        }
        if (!available.IsZero)
        {
            sentence += $", soit {FrenchFormat.Money(available)}";
        }
        if (limit == ContributionLimit.Cap)
        {
            sentence += $", plafonné à {FrenchFormat.Money(amount)} ; {FrenchFormat.Money(available - amount)} restent non financés";
        }
        sentence += ShareOfCostText(amount, totalCost);
        var explanation = new Explanation(funder.Rule.Type, sentence + ".",
        [
            ExplanationTerm.Euros("totalCost", totalCost),
            ExplanationTerm.Euros("otherFunders", others),
            ExplanationTerm.Euros("leftToFund", available),
            .. ledger.Years.Select((y, k) => ExplanationTerm.Euros(y.ToString(CultureInfo.InvariantCulture), perYear[k])),
            ExplanationTerm.Euros("amount", amount),
        ]);
        var contributions = ledger.Take(perYear);
        return Result(funder, funder.Rule.Type, amount, totalCost, payment, explanation, limit, null, funder.Rule.Cap)
            with { ByBudgetYear = contributions, ContributionByBudgetYear = contributions };
    }

    private static FunderResult Result(
        Funder funder, string ruleType, Money amount, Money totalCost, PaymentMode payment, Explanation explanation,
        ContributionLimit limit, Ratio? effective, Money? cap)
    {
        // One division (a decimal division is the dearest step of a lean evaluation): the effective rate, when the rule has
        // none of its own, is the share of the cost.
        var share = ShareOf(amount, totalCost);
        return new()
        {
            Id = funder.Id,
            Name = funder.Name,
            Kind = funder.Kind,
            RuleType = ruleType,
            Total = amount,
            ShareOfCost = share,
            EffectiveRate = effective ?? share,
            Limit = limit,
            Cap = cap,
            Explanation = explanation,
            Payment = payment,
        };
    }

    private static Ratio ShareOf(Money amount, Money totalCost) => Ratio.Of(amount, totalCost);

    private static string ShareOfCostText(Money amount, Money totalCost) =>
        totalCost.IsZero ? "" : $" ({FrenchFormat.Rate(ShareOf(amount, totalCost))} du coût total)";

    /// <summary>« 103 800,00 € » when exact, « 8 695,125 €, arrondi à 8 695,13 € » otherwise.</summary>
    internal static string Rounded(decimal exact, Money rounded, RoundingPolicy policy) =>
        exact == rounded.Amount
            ? FrenchFormat.Money(rounded)
            : $"{FrenchFormat.ExactMoney(exact)}, arrondi à {FrenchFormat.Money(rounded)} ({policy.FrenchDescription})";
}
