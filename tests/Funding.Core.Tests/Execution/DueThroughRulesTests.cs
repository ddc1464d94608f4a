using Funding.Execution;
using Funding.Plans;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Execution;

/// <summary>
/// Each rule's own due on actual expenses (issue #25): the three cases an independent check of the execution follow-up
/// found, each derived by hand (docs/execution.md, « Le dû de chaque règle »).
/// </summary>
public class DueThroughRulesTests
{
    /// <summary>
    /// 12 000 € a year from 1 January 2024 for 24 months; a department promises 20 000 € for the period; the State pays
    /// 50 %, capped per budget year, up to its grant; the carrier pays the rest.
    /// Planned: the department funds 10 000 + 10 000 (in proportion to the years' cost), the State 50 % × 12 000 = 6 000
    /// a year, limited to the 2 000 € each year still needs: 2 000 + 2 000.
    /// </summary>
    private static readonly Plan YearlyCapped = new("Poste", new AnnualCost(E(12_000m), new FundingPeriod(new LocalDate(2024, 1, 1), 24)),
    [
        new Funder("departement", "Département", FunderKind.Department, new FixedTotalRule(E(20_000m))),
        new Funder("etat", "État", FunderKind.State, new RateRule(Rate.Percent(50)) { Cap = E(6_000m), CapScope = CapScope.BudgetYear }),
        new Funder("porteur", "Commune", FunderKind.Municipality, new RemainderRule()),
    ]);

    [Fact]
    public void ARateCappedPerBudgetYear_IsDueWithinWhatEachYearStillNeeds_AndIsExplainedAsARate()
    {
        // Actual 12 000 + 10 500 = 22 500 €. The department's 20 000 € (due as promised) funds the years in proportion to
        // what each still needs: 20 000 × 12 000 / 22 500 = 10 666,666… → 10 666,67 and 9 333,33 (largest remainder).
        // Left: 12 000 − 10 666,67 = 1 333,33 and 10 500 − 9 333,33 = 1 166,67. The State's 50 % of each year's actual
        // expense within the planned one (6 000 and 5 250), within its year's grant (2 000), within what the year still
        // needs: 1 333,33 + 1 166,67 = 2 500,00 €.
        var result = ExecutionEvaluator.Evaluate(YearlyCapped, new ExecutionInput(
            [new BudgetYearAmount(2024, E(12_000m)), new BudgetYearAmount(2025, E(10_500m))], []));

        var state = result.Funders.Single(f => f.FunderId == "etat");
        state.Due.ShouldBe(E(2_500m));
        state.ByBudgetYear.Select(y => y.Actual).ShouldBe([E(1_333.33m), E(1_166.67m)]);
        var explained = result.Actual.Funder("etat").Explanation.Sentence;
        explained.ShouldStartWith("L'État finance 50\u00A0% de la dépense réalisée de chaque exercice");
        explained.ShouldContain("limité au reste à financer de l'exercice, 1\u202F333,33\u00A0€");
        explained.ShouldNotContain("montants fixés");
        result.Funders.Single(f => f.FunderId == "porteur").Due.ShouldBe(E(0m));
    }

    [Fact]
    public void ARateNotCappedAtTheGrant_AppliesToTheActualBase_AnEligibleBaseKeepingItsShareOfTheCost()
    {
        // The seed with the State at 50 % of an eligible base of 150 000 € (planned: 75 000 €), not capped at the grant.
        // Actual 129 750 € of 207 600 € planned: the eligible base keeps its share, 150 000 × 129 750 / 207 600 = 93 750 €;
        // the State owes 50 % of it, 46 875,00 €.
        var seed = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var plan = seed with
        {
            Funders = [.. seed.Funders.Select(f => f.Id == "etat"
                ? f with { Rule = new RateRule(Rate.Percent(50)) { EligibleBase = E(150_000m) }, Execution = new ExecutionTerms(FixedProRata: false, CapAtGrant: false) }
                : f)],
        };
        PlanEvaluator.Evaluate(plan).Funder("etat").Total.ShouldBe(E(75_000m));

        var result = ExecutionEvaluator.Evaluate(plan, new ExecutionInput(
            [new BudgetYearAmount(2022, E(77_850m)), new BudgetYearAmount(2023, E(25_950m)), new BudgetYearAmount(2024, E(25_950m))], []));

        result.Funders.Single(f => f.FunderId == "etat").Due.ShouldBe(E(46_875m));
        result.Actual.Funder("etat").Explanation.Sentence.ShouldContain("de la dépense éligible de 93\u202F750,00\u00A0€");
    }

    [Fact]
    public void ExpensesOutsideThePeriod_AreRefusedTheSameWayWhateverTheirForm()
    {
        // The seed runs from April 2022: March 2022 is outside, by month as 2021 is by year.
        var seed = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var byMonth = Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(seed,
            new ExecutionInput([], []) { MonthlyExpenses = [new MonthExpense(new YearMonth(2022, 3), E(8_650m))] })).Errors.ShouldHaveSingleItem();
        (byMonth.Path, byMonth.Code).ShouldBe(("monthlyExpenses[0].month", ErrorCodes.PeriodOutOfRange));
        var byYear = Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(seed,
            new ExecutionInput([new BudgetYearAmount(2021, E(8_650m))], []))).Errors.ShouldHaveSingleItem();
        (byYear.Path, byYear.Code).ShouldBe(("actualExpenses[0].year", ErrorCodes.PeriodOutOfRange));
        // April 2022 and March 2024 are the first and last months: both accepted.
        ExecutionEvaluator.Evaluate(seed, new ExecutionInput([], [])
        {
            MonthlyExpenses = [new MonthExpense(new YearMonth(2022, 4), E(8_650m)), new MonthExpense(new YearMonth(2024, 3), E(8_650m))],
        }).ActualExpenses.ShouldBe(E(17_300m));
    }

    [Fact]
    public void AnExecutionWithoutExpenses_IsRefused()
    {
        var error = Should.Throw<FundingValidationException>(() => ExecutionEvaluator.Evaluate(SamplePlans.TerritoireIndustrieFinistere.Plan,
            new ExecutionInput([], [new Receipt("etat", new LocalDate(2022, 4, 1), E(80_000m))]))).Errors.ShouldHaveSingleItem();
        (error.Path, error.Code).ShouldBe(("actualExpenses", ErrorCodes.Missing));
        error.Message.ShouldContain("dépenses réalisées");
    }
}
