using Funding.Execution;
using Funding.Plans;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Execution;

/// <summary>
/// The worked case of issue #14, by hand (docs/execution.md): the seed post vacant for 9 of its 24 months. Actual
/// expenses 15 × 8 650 = 129 750,00 € (2022: 9 months, 77 850 €; 2023: 3 months, 25 950 €; 2024: 3 months, 25 950 €).
/// </summary>
public class ExecutionTests
{
    /// <summary>The seed, with QBO's contribution due « au prorata des dépenses réalisées ».</summary>
    private static readonly Plan Seed = SamplePlans.TerritoireIndustrieFinistere.Plan with
    {
        Funders = [.. SamplePlans.TerritoireIndustrieFinistere.Plan.Funders.Select(f => f.Id == "qbo" ? f with { Execution = new(FixedProRata: true, CapAtGrant: false) } : f)],
    };

    private static ExecutionInput Vacant(params Receipt[] receipts) => new(
        [new BudgetYearAmount(2022, E(77_850m)), new BudgetYearAmount(2023, E(25_950m)), new BudgetYearAmount(2024, E(25_950m))],
        receipts);

    [Fact]
    public void TheSeedPostVacantNineMonths_TheStatePaysBack_QboOwesItsProrata_TheCarrierCloses()
    {
        var result = ExecutionEvaluator.Evaluate(Seed, Vacant(
            new Receipt("etat", new LocalDate(2022, 4, 1), E(80_000m), "titre n° 2022-041"),
            new Receipt("qbo", new LocalDate(2022, 4, 1), E(8_695.13m)),
            new Receipt("qbo", new LocalDate(2023, 1, 1), E(11_593.50m))));

        result.ActualExpenses.ShouldBe(E(129_750m));
        // The State: 50 % × 129 750 = 64 875 €, below the 80 000 € granted; it paid 80 000 €: 15 125 € to pay back.
        var state = result.Funders.Single(f => f.FunderId == "etat");
        (state.Due, state.Received, state.Balance).ShouldBe((E(64_875m), E(80_000m), E(-15_125m)));
        state.Sentence.ShouldContain("trop-perçu à reverser : 15\u202F125,00\u00A0€");
        state.Sentence.ShouldContain("décret n° 2018-514");
        // QBO « au prorata » : 23 187 × 129 750 / 207 600 = 14 491,875 → 14 491,88 €; paid 20 288,63 €: 5 796,75 € back.
        var qbo = result.Funders.Single(f => f.FunderId == "qbo");
        (qbo.Due, qbo.Balance).ShouldBe((E(14_491.88m), E(-5_796.75m)));
        // What is left, 129 750 − 64 875 − 14 491,88 = 50 383,12 €: the other EPCIs' half, 25 191,56 €, and the carrier
        // the other half.
        result.Funders.Where(f => Seed.Funders[2].Rule is KeyShareRule k && k.Members.Any(m => m.Id == f.FunderId)).Sum(f => f.Due).ShouldBe(E(25_191.56m));
        result.Funders.Single(f => f.FunderId == "uimm-finistere").Due.ShouldBe(E(25_191.56m));
        result.Funders.Sum(f => f.Due).ShouldBe(E(129_750m));
        result.TotalToPayBack.ShouldBe(E(15_125m + 5_796.75m));
        result.Funders.Single(f => f.FunderId == "uimm-finistere").ToClaim.ShouldBe(Money.Zero);
        result.ExpensesByBudgetYear.Select(y => (y.Year, y.Planned, y.Actual)).ShouldBe(
            [(2022, E(77_850m), E(77_850m)), (2023, E(103_800m), E(25_950m)), (2024, E(25_950m), E(25_950m))]);
        // The State's due funds each actual year in proportion to its cost (77 850 : 25 950 : 25 950 = 3 : 1 : 1):
        // 38 925 / 12 975 / 12 975 €, against 30 000 / 40 000 / 10 000 € planned.
        state.ByBudgetYear.Select(y => (y.Planned, y.Actual)).ShouldBe([(E(30_000m), E(38_925m)), (E(40_000m), E(12_975m)), (E(10_000m), E(12_975m))]);
        // Actual treasury: 8 650 € spent each month of 2022 (April–December), 80 000 + 8 695,13 € received in April 2022.
        var april = result.Treasury.Single(m => m.Month == new YearMonth(2022, 4));
        (april.Spent, april.Received, april.Balance).ShouldBe((E(8_650m), E(88_695.13m), E(80_045.13m)));
        // The State paid once, with no advance and balance: the receipt checks do not apply.
        result.Checks.ShouldAllBe(c => c.Outcome == CheckOutcome.NotApplicable);
        result.Sentence.ShouldContain("Dépenses réalisées : 129\u202F750,00\u00A0€ pour 207\u202F600,00\u00A0€ prévus");
    }

    [Fact]
    public void MonthlyExpenses_GiveTheYears_AndTheTreasuryFollowsThem()
    {
        // 8 650 € in each of April–December 2022 (9 months = 77 850 €) and nothing after: only 2022 is spent.
        var months = Enumerable.Range(4, 9).Select(m => new MonthExpense(new YearMonth(2022, m), E(8_650m))).ToArray();
        var result = ExecutionEvaluator.Evaluate(Seed, new ExecutionInput([], []) { MonthlyExpenses = months });
        result.ActualExpenses.ShouldBe(E(77_850m));
        result.ExpensesByBudgetYear.Select(y => y.Actual).ShouldBe([E(77_850m), Money.Zero, Money.Zero]);
        // The State: 50 % × 77 850 = 38 925 €.
        result.Funders.Single(f => f.FunderId == "etat").Due.ShouldBe(E(38_925m));
        result.Treasury.Single(m => m.Month == new YearMonth(2023, 1)).Spent.ShouldBe(Money.Zero);
    }

    [Fact]
    public void AnAdvanceAboveTheCeiling_IsReported()
    {
        // The State paying a 30 % advance then the balance sends 48 000 € at once: 60 % of its 80 000 €, before the balance.
        var plan = Seed with
        {
            Funders = [Seed.Funders[0] with { Payment = new Funding.Schedules.AdvanceAndBalancePayment(Rate.Percent(30)) }, .. Seed.Funders.Skip(1)],
        };
        var result = ExecutionEvaluator.Evaluate(plan, Vacant(new Receipt("etat", new LocalDate(2022, 4, 1), E(48_000m))));
        var advance = result.Checks.Single(c => c.Id == ExecutionChecks.AdvanceReceived);
        advance.Outcome.ShouldBe(CheckOutcome.Failed);
        advance.Message.ShouldContain("60,00\u00A0% des 80\u202F000,00\u00A0€ attribués, pour un maximum de 30\u00A0%");
        result.Checks.Single(c => c.Id == ExecutionChecks.InstallmentsReceived).Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Fact]
    public void WithActualsEqualToThePlan_EveryDueIsTheGrant()
    {
        var planned = PlanEvaluator.Evaluate(Seed);
        var result = ExecutionEvaluator.Evaluate(Seed, new ExecutionInput(planned.CostByBudgetYear.Select(c => new BudgetYearAmount(c.Year, c.Amount)).ToArray(), []));
        result.Funders.ShouldAllBe(f => f.Due == f.Granted);
    }

    [Fact]
    public void AReceiptFromNobody_IsRefusedOnItsField()
    {
        var error = Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(Seed, Vacant(new Receipt("region", new LocalDate(2022, 5, 1), E(1m))))).Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("receipts[0].funderId");
    }

    [Fact]
    public void FiguresBeyondTheSupportedMagnitude_AreRefusedOnTheirField_BeforeAnythingIsComputed()
    {
        var huge = new ExecutionInput([new BudgetYearAmount(2022, Money.MaxValue), new BudgetYearAmount(2023, E(1m))], []);
        Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(Seed, huge)).Errors.ShouldHaveSingleItem().Path.ShouldBe("actualExpenses");
        var receipts = new ExecutionInput([new BudgetYearAmount(2022, E(1m))], [new Receipt("etat", new LocalDate(2022, 4, 1), Money.MaxValue), new Receipt("etat", new LocalDate(2022, 4, 2), E(-1m))]);
        Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(Seed, receipts)).Errors.ShouldHaveSingleItem().Path.ShouldBe("receipts");
        // A promise au prorata of actual expenses a billion times the plan's: beyond the magnitude, refused with its reason.
        var tiny = Seed with { Cost = new AnnualCost(E(1m), new FundingPeriod(new LocalDate(2022, 4, 1), 24)) };
        var error = Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(tiny,
            new ExecutionInput([new BudgetYearAmount(2022, E(999_999_999_999m))], []))).Errors.ShouldHaveSingleItem();
        (error.Path, error.Code).ShouldBe(("actualExpenses", ErrorCodes.AmountOutOfRange));
    }
}
