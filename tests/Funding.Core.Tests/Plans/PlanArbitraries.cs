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
        var cost = (AnnualCost)Plan.Cost;
        return $"{cost.AnnualAmount.ToInvariantString()}/yr from {cost.Period.Start:yyyy-MM-dd} for {cost.Period.Months} months ({cost.Prorata}); " +
            string.Join("; ", Plan.Funders.Select(f => $"{f.Id}:{f.Rule} pays {f.Payment}"));
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
            select (ContributionRule)(yearly
                // A cap per budget year applies to each year's cost: no eligible base, no floor.
                ? new RateRule(rate) { Cap = cap, CapScope = CapScope.BudgetYear }
                : new RateRule(rate)
                {
                    Cap = cap is { } c && floor is { } f && c < f ? f : cap,
                    Floor = floor,
                    EligibleBase = eligible,
                })),
        (3, from annual in Amount(30_000) from cap in Optional(Amount(60_000)) select (ContributionRule)new FixedAnnualRule(annual) { Cap = cap }),
        (2, Amount(50_000).Select(a => (ContributionRule)new FixedTotalRule(a))),
        // Years as offsets from the period's first budget year: Build puts them in the period.
        (1, from count in Gen.Choose(1, 3)
            from amounts in Gen.ArrayOf(Amount(20_000), count)
            select (ContributionRule)new FixedPerYearRule(amounts.Select((a, k) => new BudgetYearAmount(k, a)).ToArray())),
        (2, from pool in Gen.OneOf(Amount(60_000).Select(a => (KeySharePool)new FixedPool(a)), PercentGen.Select(r => (KeySharePool)new ShareOfRemainingPool(r)))
            from count in Gen.Choose(1, 6)
            from weights in Gen.ArrayOf(Gen.Choose(0, 250_000), count)
            from caps in Gen.ArrayOf(Optional(Amount(20_000)), count)
            select (ContributionRule)new KeyShareRule(
                pool,
                AllocationKey.ByWeight("population"),
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
            select Build(period, annual, prorata, rules, kinds, payments, withRemainder, remainderPosition, carrierKind, growth);
        return gen.ToArbitrary();
    }

    private static GeneratedPlan Build(FundingPeriod period, Money annual, ProrataBasis prorata, ContributionRule[] rules, FunderKind[] kinds,
        PaymentMode[] payments, bool withRemainder, int remainderPosition, FunderKind carrierKind, Rate? growth = null)
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
            funders.Insert(remainderPosition, new Funder("porteur", "Porteur", carrierKind, new RemainderRule()) { Payment = payments[^1] });
        }
        return new GeneratedPlan(new Plan("Plan généré", new AnnualCost(annual, period, prorata) { Growth = growth }, funders));
    }
}
