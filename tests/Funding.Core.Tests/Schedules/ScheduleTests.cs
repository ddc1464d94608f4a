using Funding.Plans;
using Funding.Schedules;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Schedules;

public class ScheduleTests
{
    private static FunderSchedule ScheduleOf(PlanResult result, string id) => result.Schedule.Funders.Single(f => f.FunderId == id);

    private static IEnumerable<(int, Money)> ByYear(FunderSchedule schedule) => schedule.Payments.Select(p => (p.BudgetYear, p.Amount));

    [Fact]
    public void SeedPlan_QboPaysPerBudgetYear_AndTheStateOnce()
    {
        var result = PlanEvaluator.Evaluate(Seed);

        var qbo = ScheduleOf(result, "qbo");
        ByYear(qbo).ShouldBe([(2022, E(8_695.13m)), (2023, E(11_593.50m)), (2024, E(2_898.37m))]);
        qbo.Payments.Select(p => p.Date).ShouldBe([new LocalDate(2022, 4, 1), new LocalDate(2023, 1, 1), new LocalDate(2024, 1, 1)]);
        qbo.Payments.ShouldAllBe(p => p.Kind == PaymentKind.Annual);
        qbo.Payments[0].Sentence.ShouldBe(
            "Versement du 1er avril 2022 pour l'exercice 2022 : 9 mois sur 12, 11\u202F593,50\u00A0€ × 9/12 = 8\u202F695,125\u00A0€, soit 8\u202F695,13\u00A0€ (plus fort reste).");

        var state = ScheduleOf(result, "etat");
        state.Payments.Single().ShouldBe(new Payment(new LocalDate(2022, 4, 1), 2022, E(80_000m), PaymentKind.OneOff, "Versement unique le 1er avril 2022 : 80\u202F000,00\u00A0€."));
    }

    [Fact]
    public void SeedPlan_BudgetYearTable_ReconcilesInBothDirections()
    {
        var table = PlanEvaluator.Evaluate(Seed).Schedule.Table;

        table.Years.ShouldBe([2022, 2023, 2024]);
        table.CostByYear.ShouldBe([E(77_850m), E(103_800m), E(25_950m)]);
        table.GrandTotal.ShouldBe(E(207_600m));
        table.YearTotals.Sum().ShouldBe(table.GrandTotal);
        table.Rows.ShouldAllBe(r => r.Amounts.Sum() == r.Total);
        for (int i = 0; i < table.Years.Count; i++)
        {
            table.Rows.Sum(r => r.Amounts[i]).ShouldBe(table.YearTotals[i]);
        }
        table.Rows.Single(r => r.FunderId == "etat").Amounts.ShouldBe([E(80_000m), Money.Zero, Money.Zero]);
    }

    [Fact]
    public void PostStartingOnTheFirstOfJanuary_PaysWholeYears()
    {
        var plan = Annual(103_800m, 24, [FixedAnnual("qbo", 11_593.50m).WithPayment(new PerBudgetYearPayment()), Carrier()], new LocalDate(2022, 1, 1));
        var result = PlanEvaluator.Evaluate(plan);

        ByYear(ScheduleOf(result, "qbo")).ShouldBe([(2022, E(11_593.50m)), (2023, E(11_593.50m))]);
        result.CostByBudgetYear.Select(c => c.Amount).ShouldBe([E(103_800m), E(103_800m)]);
    }

    [Fact]
    public void DomainExample_QboFromSeptember2025ByMonths()
    {
        var plan = Annual(103_800m, 24, [FixedAnnual("qbo", 11_593.50m).WithPayment(new PerBudgetYearPayment()), Carrier()], new LocalDate(2025, 9, 1));
        var result = PlanEvaluator.Evaluate(plan);

        ByYear(ScheduleOf(result, "qbo")).ShouldBe([(2025, E(3_864.50m)), (2026, E(11_593.50m)), (2027, E(7_729m))]);
    }

    [Theory]
    [InlineData(ProrataBasis.Months, "34600.00")]
    [InlineData(ProrataBasis.Days, "34694.79")]
    public void DomainExample_FirstBudgetYearOfAPostFromSeptember2025(ProrataBasis basis, string expected)
    {
        var plan = new Plan("Poste", new AnnualCost(E(103_800m), new FundingPeriod(new LocalDate(2025, 9, 1), 12), basis), [Carrier()]);
        var result = PlanEvaluator.Evaluate(plan);

        result.CostByBudgetYear[0].Amount.ShouldBe(E(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        result.CostByBudgetYear.Sum(c => c.Amount).ShouldBe(E(103_800m));
        if (basis == ProrataBasis.Days)
        {
            result.CostByBudgetYear[0].Sentence.ShouldBe(
                "Coût 2025 : 122 jours sur 365, soit 33,42\u00A0% de la période, 103\u202F800,00\u00A0€ × 33,42\u00A0% = 34\u202F694,7945…\u00A0€, soit 34\u202F694,79\u00A0€.");
        }
    }

    [Fact]
    public void DayBasedProrata_AcrossALeapYear_WeighsEachDayByItsOwnYear()
    {
        // From 1 September 2023 for 12 months: 122 days of 2023's 365, then 244 days of 2024's 366.
        var plan = new Plan("Poste", new AnnualCost(E(103_800m), new FundingPeriod(new LocalDate(2023, 9, 1), 12), ProrataBasis.Days), [Carrier()]);
        var result = PlanEvaluator.Evaluate(plan);

        decimal w2023 = 122m / 365m, w2024 = 244m / 366m;
        decimal exact2023 = 103_800m * w2023 / (w2023 + w2024);
        result.CostByBudgetYear[0].Amount.Amount.ShouldBe(Math.Round(exact2023, 2, MidpointRounding.AwayFromZero));
        result.CostByBudgetYear.Sum(c => c.Amount).ShouldBe(E(103_800m));
        result.CostByBudgetYear[1].Sentence.ShouldStartWith("Coût 2024 : 244 jours sur 366");
    }

    [Fact]
    public void AdvanceOfThirtyPercent_ThenTheBalanceAtTheEnd()
    {
        var plan = Annual(103_800m, 24, [State(50, cap: 80_000m).WithPayment(new AdvanceAndBalancePayment(Rate.Percent(30))), Carrier()]);
        var state = ScheduleOf(PlanEvaluator.Evaluate(plan), "etat");

        state.Payments.Select(p => (p.Date, p.Amount, p.Kind)).ShouldBe(
        [
            (new LocalDate(2022, 4, 1), E(24_000m), PaymentKind.Advance),
            (new LocalDate(2024, 3, 31), E(56_000m), PaymentKind.Balance),
        ]);
        state.Payments[0].Sentence.ShouldBe("Avance de 30\u00A0% le 1er avril 2022 : 30\u00A0% × 80\u202F000,00\u00A0€ = 24\u202F000,00\u00A0€.");
        state.Payments[1].Sentence.ShouldBe("Solde le 31 mars 2024 : 80\u202F000,00\u00A0€ − 24\u202F000,00\u00A0€ déjà versés = 56\u202F000,00\u00A0€.");
    }

    [Fact]
    public void AdvanceInstallmentsAndBalance_SumExactly_AndTheLegalCeilingsAreChecked()
    {
        var mode = new AdvanceAndBalancePayment(Rate.Percent(40))
        {
            Installments = [new Installment(new LocalDate(2023, 4, 1), Rate.Percent(45))],
            BalanceDate = new LocalDate(2024, 9, 30),
        };
        var result = PlanEvaluator.Evaluate(Annual(1_000.01m, 24, [FixedTotal("region", 333.33m, FunderKind.Region).WithPayment(mode), Carrier()]));
        var region = ScheduleOf(result, "region");

        region.Payments.Sum(p => p.Amount).ShouldBe(E(333.33m));
        region.Payments.Select(p => p.Kind).ShouldBe([PaymentKind.Advance, PaymentKind.Installment, PaymentKind.Balance]);
        region.Payments[^1].Date.ShouldBe(new LocalDate(2024, 9, 30));
        result.Checks.Single(c => c.Id == PlanChecks.Ids.AdvanceCeiling).Outcome.ShouldBe(CheckOutcome.Failed);
        result.Checks.Single(c => c.Id == PlanChecks.Ids.InstallmentsCeiling).Outcome.ShouldBe(CheckOutcome.Failed);
        var guaranteed = PlanEvaluator.Evaluate(Annual(1_000m, 24, [FixedTotal("region", 300m, FunderKind.Region).WithPayment(new AdvanceAndBalancePayment(Rate.Percent(40)) { AdvanceGuaranteed = true }), Carrier()]));
        guaranteed.Checks.Single(c => c.Id == PlanChecks.Ids.AdvanceCeiling).Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Fact]
    public void Monthly_SplitsEquallyWithTheExtraCentsFirst()
    {
        var plan = Annual(103_800m, 12, [FixedAnnual("qbo", 11_593.50m).WithPayment(new MonthlyPayment()), Carrier()], new LocalDate(2025, 1, 1));
        var qbo = ScheduleOf(PlanEvaluator.Evaluate(plan), "qbo");

        // 11 593,50 € / 12 = 966,125 €: six months at 966,13 €, six at 966,12 €.
        qbo.Payments.Select(p => p.Amount).ShouldBe([.. Enumerable.Repeat(E(966.13m), 6), .. Enumerable.Repeat(E(966.12m), 6)]);
        qbo.Payments[0].Sentence.ShouldBe("Mensualité 1/12 du 1er janvier 2025 : 11\u202F593,50\u00A0€ / 12 = 966,125\u00A0€, soit 966,13\u00A0€.");
        qbo.Payments.Select(p => p.Date.Month).ShouldBe(Enumerable.Range(1, 12));
    }

    [Fact]
    public void Monthly_ATotalOfAFewCents_HasNoZeroPayments()
    {
        // 0,02 € over 13 months: 2 cents / 13 = 0,0015… € a month; the two cents go to the first two months, as the
        // largest-remainder rule gives extra cents to the earliest of equal shares, and the other eleven months pay nothing.
        var plan = Annual(1_200m, 13, [FixedTotal("f", 0.02m).WithPayment(new MonthlyPayment()), Carrier()], new LocalDate(2021, 10, 11));
        var payments = ScheduleOf(PlanEvaluator.Evaluate(plan), "f").Payments;

        payments.Select(p => (p.Date, p.Amount)).ShouldBe([(new LocalDate(2021, 10, 11), E(0.01m)), (new LocalDate(2021, 11, 11), E(0.01m))]);
        payments[1].Sentence.ShouldBe("Mensualité 2/13 du 11 novembre 2021 : 0,02\u00A0€ / 13 = 0,0015…\u00A0€, soit 0,01\u00A0€.");
    }

    [Fact]
    public void PerBudgetYear_OnAStatedDay_NeverBeforeTheStart()
    {
        var plan = Annual(103_800m, 24, [FixedAnnual("qbo", 11_593.50m).WithPayment(new PerBudgetYearPayment(ProrataBasis.Months, new AnnualDate(3, 1))), Carrier()]);
        var qbo = ScheduleOf(PlanEvaluator.Evaluate(plan), "qbo");

        qbo.Payments.Select(p => p.Date).ShouldBe([new LocalDate(2022, 4, 1), new LocalDate(2023, 3, 1), new LocalDate(2024, 3, 1)]);
    }

    [Fact]
    public void Treasury_ShowsTheCarriersLargestDeficit()
    {
        var treasury = PlanEvaluator.Evaluate(Seed).Schedule.Treasury;

        treasury.CarrierId.ShouldBe("uimm-finistere");
        treasury.Months.Count.ShouldBe(24);
        treasury.Months[0].Month.ShouldBe(new YearMonth(2022, 4));
        treasury.Months.ShouldAllBe(m => m.Cost == E(8_650m)); // 103 800 € / 12
        treasury.TotalCost.ShouldBe(E(207_600m));
        treasury.TotalReceipts.ShouldBe(E(155_393.50m));
        treasury.EndBalance.ShouldBe(E(-52_206.50m));
        treasury.LargestDeficit.ShouldBe(E(52_206.50m));
        treasury.LargestDeficitMonth.ShouldBe(new YearMonth(2024, 3));
        treasury.DeficitMonths.ShouldBe(treasury.Months.Where(m => m.Balance.IsNegative).Select(m => m.Month));
        treasury.Sentence.ShouldContain("le besoin de trésorerie maximal est de 52\u202F206,50\u00A0€ fin mars 2024");
        // UIMM's own share, paid per budget year at the start of each year, always arrives before it is needed.
        treasury.Months.Sum(m => m.OwnContribution).ShouldBe(E(52_206.50m));
        treasury.LargestDeficitWithOwnContributions.ShouldBe(Money.Zero);
        treasury.Months[^1].BalanceWithOwnContributions.ShouldBe(Money.Zero);
        treasury.Sentence.ShouldEndWith("le porteur n'a rien à préfinancer.");
    }

    [Fact]
    public void Treasury_WithTheStatePaidAtTheEnd_HasALargerDeficitEarlier()
    {
        var late = Seed with { Funders = [Seed.Funders[0].WithPayment(new OncePayment(new LocalDate(2024, 3, 31))), .. Seed.Funders.Skip(1)] };
        var treasury = PlanEvaluator.Evaluate(late).Schedule.Treasury;

        treasury.LargestDeficit.ShouldBeGreaterThan(E(52_206.50m));
        treasury.LargestDeficitMonth.ShouldBe(new YearMonth(2024, 2));
        treasury.EndBalance.ShouldBe(E(-52_206.50m));
        treasury.LargestDeficitWithOwnContributions.ShouldBeGreaterThan(Money.Zero);
        treasury.Sentence.ShouldContain("le porteur doit encore préfinancer jusqu'à");
    }
}
