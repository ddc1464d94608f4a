using Funding.Allocation;
using Funding.Plans;
using Funding.Schedules;
using NodaTime;

namespace Funding.Core.Tests.Plans;

/// <summary>A generated valid plan.</summary>
public sealed record GeneratedPlan(Plan Plan)
{
    public override string ToString()
    {
        string cost = Plan.Cost switch
        {
            AnnualCost annual => $"{annual.AnnualAmount.ToInvariantString()}/yr from {annual.Period.Start:yyyy-MM-dd} for {annual.Period.Months} months ({annual.Prorata}, growth {annual.Growth})",
            PerBudgetYearCost perYear => $"per year from {perYear.Period.Start:yyyy-MM-dd}: {string.Join(" / ", perYear.Years.Select(y => $"{y.Year} {y.Amount.ToInvariantString()}"))}",
            _ => "?",
        };
        return $"{cost}; " + string.Join("; ", Plan.Funders.Select(f => $"{f.Id}:{f.Rule} pays {f.Payment}"))
            + string.Concat(Plan.SharedCeilings.Select(c => $"; ceiling {c.Id} [{string.Join(",", c.FunderIds)}] rate {c.Rate} amount {c.Amount} per {c.Scope} {c.Sharing}"));
    }
}

public static class PlanArbitraries
{
    private static Gen<Money> Amount(int maxEuros) => Gen.Choose(0, maxEuros).Select(e => Money.Euros(e))
        .SelectMany(m => Gen.Choose(0, 99).Select(c => m + Money.FromCents(c)));

    private static Gen<Rate> PercentGen => Gen.Frequency(
        (3, Gen.Choose(0, 100).Select(p => Rate.Percent(p))),
        (1, Gen.Choose(0, 10_000).Select(p => Rate.Percent(p / 100m))));

    private static Gen<Money?> Optional(Gen<Money> gen) =>
        Gen.Frequency((2, Gen.Constant<Money?>(null)), (1, gen.Select(m => (Money?)m)));

    public static Gen<FundingPeriod> PeriodGen =>
        from year in Gen.Choose(2000, 2040)
        from dayOfYear in Gen.Choose(1, 365)
        from months in Gen.Frequency((3, Gen.Choose(1, 36)), (1, Gen.Choose(37, 120)))
        select new FundingPeriod(new LocalDate(year, 1, 1).PlusDays(dayOfYear - 1), months);

    public static Gen<PaymentMode> PaymentGen(FundingPeriod period) => Gen.OneOf(
        Gen.Elements<PaymentMode>(new OncePayment(), new MonthlyPayment(), new PerBudgetYearPayment(), new PerBudgetYearPayment(ProrataBasis.Days)),
        Gen.Choose(0, period.Months - 1).Select(m => (PaymentMode)new OncePayment(period.Start.PlusMonths(m))),
        (from month in Gen.Choose(1, 12) from day in Gen.Choose(1, 28) select (PaymentMode)new PerBudgetYearPayment(ProrataBasis.Months, new AnnualDate(month, day))),
        from advance in Gen.Choose(0, 60)
        from installmentCount in Gen.Choose(0, 3)
        from shares in Gen.ArrayOf(Gen.Choose(0, 40 / Math.Max(1, installmentCount)), installmentCount)
        from offsets in Gen.ArrayOf(Gen.Choose(0, period.Months - 1), installmentCount)
        from lateBalance in Gen.Elements(true, false)
        select (PaymentMode)new AdvanceAndBalancePayment(Rate.Percent(advance))
        {
            Installments = offsets.Order().Select((o, i) => new Installment(period.Start.PlusMonths(o), Rate.Percent(shares[i]))).ToArray(),
            BalanceDate = lateBalance ? period.End.PlusMonths(6) : null,
        });

    private static Gen<ContributionRule> RuleGen(int index) => index == 0 ? BaseRuleGen(index) : Gen.Frequency(
        (6, BaseRuleGen(index)),
        // A match of an earlier funder (Build turns a match of a group into a fixed amount: a match follows a computed funder).
        (1, from target in Gen.Choose(0, index - 1)
            from rate in PercentGen
            from cap in Optional(Amount(60_000))
            select (ContributionRule)new MatchRule($"f{target}", rate) { Cap = cap }));

    private static Gen<ContributionRule> BaseRuleGen(int index) => Gen.Frequency(
        (3, from rate in PercentGen
            from cap in Optional(Amount(200_000))
            from floor in Optional(Amount(20_000))
            from eligible in Optional(Amount(500_000))
            from yearly in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (ContributionRule)new RateRule(rate)
            {
                Cap = cap is { } c && floor is { } f && c < f ? f : cap,
                Floor = floor,
                EligibleBase = eligible,
                CapScope = yearly ? CapScope.BudgetYear : CapScope.Period,
            }),
        (3, from annual in Amount(30_000) from cap in Optional(Amount(60_000)) select (ContributionRule)new FixedAnnualRule(annual) { Cap = cap }),
        (2, Amount(50_000).Select(a => (ContributionRule)new FixedTotalRule(a))),
        // A rate per year of the post: twelve rates, enough for the longest generated period (a cost per budget year over 11 years).
        (1, from rates in Gen.ArrayOf(PercentGen, 12)
            from cap in Optional(Amount(60_000))
            select (ContributionRule)new DegressiveRateRule(rates) { CapPerYear = cap }),
        // Years as offsets from the period's first budget year: Build puts them in the period.
        (1, from count in Gen.Choose(1, 3)
            from amounts in Gen.ArrayOf(Amount(20_000), count)
            select (ContributionRule)new FixedPerYearRule(amounts.Select((a, k) => new BudgetYearAmount(k, a)).ToArray())),
        (2, from pool in Gen.OneOf(Amount(60_000).Select(a => (KeySharePool)new FixedPool(a)), PercentGen.Select(r => (KeySharePool)new ShareOfRemainingPool(r)))
            from count in Gen.Choose(1, 6)
            from weights in Gen.ArrayOf(Gen.Choose(0, 250_000), count)
            from caps in Gen.ArrayOf(Optional(Amount(20_000)), count)
            from key in Gen.Elements(
                AllocationKey.ByWeight("population"),
                AllocationKey.EqualParts,
                AllocationKey.Mixed(new MixedKeyComponent(Rate.Percent(50), AllocationKey.ByWeight("population")), new MixedKeyComponent(Rate.Percent(50), AllocationKey.EqualParts)))
            select (ContributionRule)new KeyShareRule(
                pool,
                key,
                weights.Select((w, j) => new KeyShareMember($"m{index}-{j}", $"Membre {index}-{j}", FunderKind.Epci)
                {
                    Weight = j == 0 && weights.All(x => x == 0) ? 1 : w,
                    Cap = caps[j],
                }).ToArray())));

    private static Gen<ContributionRule[]> Sequence(IEnumerable<Gen<ContributionRule>> gens) =>
        gens.Aggregate(
            Gen.Constant(Array.Empty<ContributionRule>()),
            (acc, gen) => from list in acc from item in gen select list.Append(item).ToArray());

    private static readonly FunderKind[] Kinds = Enum.GetValues<FunderKind>();

    public static Arbitrary<GeneratedPlan> PlanArb()
    {
        var gen =
            from period in PeriodGen
            from annual in Amount(250_000)
            from prorata in Gen.Elements(ProrataBasis.Months, ProrataBasis.Days)
            from count in Gen.Choose(1, 7)
            from rules in Sequence(Enumerable.Range(0, count).Select(RuleGen))
            from kinds in Gen.ArrayOf(Gen.Elements(Kinds), count + 1)
            from payments in Gen.ArrayOf(PaymentGen(period), count + 1)
            from withRemainder in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            from remainderPosition in Gen.Choose(0, count)
            from carrierKind in Gen.Elements(FunderKind.Private, FunderKind.Epci, FunderKind.Municipality)
            from growth in Gen.Frequency((3, Gen.Constant<Rate?>(null)), (1, Gen.Choose(1, 60).Select(t => (Rate?)Rate.Percent(t / 10m))))
            from perYearCost in Gen.Frequency((3, Gen.Constant<Money[]?>(null)), (1, Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(Money.Zero)), (3, Amount(150_000))), period.End.Year - period.Start.Year + 1).Select(a => (Money[]?)a)))
            from remainderCap in Optional(Amount(150_000))
            from ceiling in CeilingGen
            select Build(period, annual, prorata, rules, kinds, payments, withRemainder, remainderPosition, carrierKind, growth, perYearCost, remainderCap, ceiling);
        return gen.ToArbitrary();
    }

    /// <summary>A shared ceiling to put on a run of consecutive rate or match funders, when the plan has one.</summary>
    private static Gen<SharedCeiling?> CeilingGen => Gen.Frequency(
        (1, Gen.Constant<SharedCeiling?>(null)),
        (2, from rate in Gen.Frequency((1, Gen.Constant<Rate?>(null)), (2, PercentGen.Select(r => (Rate?)r)))
            from amount in rate is null ? Amount(150_000).Select(a => (Money?)a) : Optional(Amount(150_000))
            from scope in Gen.Elements(CapScope.Period, CapScope.BudgetYear)
            from sharing in Gen.Elements(CeilingSharing.Waterfall, CeilingSharing.ProRata)
            select (SharedCeiling?)new SharedCeiling("plafond-commun", "Plafond commun", []) { Rate = rate, Amount = amount, Scope = scope, Sharing = sharing }));

    private static GeneratedPlan Build(FundingPeriod period, Money annual, ProrataBasis prorata, ContributionRule[] rules, FunderKind[] kinds,
        PaymentMode[] payments, bool withRemainder, int remainderPosition, FunderKind carrierKind, Rate? growth = null,
        Money[]? perYearCost = null, Money? remainderCap = null, SharedCeiling? ceiling = null)
    {
        rules = rules.Select(r => r is MatchRule m && rules[int.Parse(m.FunderId[1..], System.Globalization.CultureInfo.InvariantCulture)] is KeyShareRule
            ? new FixedTotalRule(Money.Euros(1_000m))
            : r).ToArray();
        rules = rules.Select(r => r is FixedPerYearRule perYear
            ? perYear with { Years = perYear.Years.Select(y => y with { Year = period.Start.Year + y.Year }).Where(y => y.Year <= period.End.Year).ToArray() }
            : r).ToArray();
        var funders = rules.Select((r, i) => new Funder($"f{i}", $"Financeur {i}", kinds[i], r) { Payment = payments[i] }).ToList();
        if (withRemainder)
        {
            funders.Insert(remainderPosition, new Funder("porteur", "Porteur", carrierKind, new RemainderRule() { Cap = remainderCap }) { Payment = payments[^1] });
        }
        // A cost per budget year covers the generated period's years, from the first of its first month: every generated
        // payment date stays in it.
        CostBase cost = perYearCost is { } years
            ? new PerBudgetYearCost(years.Select((a, k) => new BudgetYearAmount(period.Start.Year + k, a)).ToArray(), new LocalDate(period.Start.Year, period.Start.Month, 1))
            : new AnnualCost(annual, period, prorata) { Growth = growth };
        if (perYearCost is not null)
        {
            // Fixed amounts per year stay in the cost's years.
            funders = funders.Select(f => f.Rule is FixedPerYearRule r
                ? f with { Rule = r with { Years = r.Years.Where(y => y.Year < period.Start.Year + perYearCost.Length).ToArray() } }
                : f).Select(f => f.Rule is FixedPerYearRule { Years.Count: 0 } ? f with { Rule = new FixedTotalRule(Money.Euros(500m)) } : f).ToList();
        }
        var plan = new Plan("Plan généré", cost, funders);
        return new GeneratedPlan(ceiling is null ? plan : plan with { SharedCeilings = CeilingOnARun(funders, ceiling) });
    }

    /// <summary>The ceiling on the first run of at least two consecutive rate or match funders (no match of a funder of the run).</summary>
    private static SharedCeiling[] CeilingOnARun(List<Funder> funders, SharedCeiling ceiling)
    {
        for (int start = 0; start < funders.Count; start++)
        {
            var run = new List<string>();
            for (int i = start; i < funders.Count && funders[i].Rule is RateRule or MatchRule or DegressiveRateRule; i++)
            {
                if (funders[i].Rule is MatchRule m && run.Contains(m.FunderId))
                {
                    break;
                }
                run.Add(funders[i].Id);
            }
            if (run.Count >= 2)
            {
                return [ceiling with { FunderIds = run }];
            }
        }
        return [];
    }
}
