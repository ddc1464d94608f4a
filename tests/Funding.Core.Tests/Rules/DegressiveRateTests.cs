using Funding.Execution;
using Funding.Plans;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Rules;

/// <summary>
/// The degressive rate, the figures derived by hand (docs/plans.md, « Taux dégressif »): 36 000 € a year from
/// 1 July 2024 for 36 months, a Region at 80, 60 and 40 % of each year of the post, the carrier paying the rest.
/// </summary>
public class DegressiveRateTests
{
    private static Plan Post(DegressiveRateRule rule) => new("Poste", new AnnualCost(E(36_000m), new FundingPeriod(new LocalDate(2024, 7, 1), 36)),
    [
        new Funder("region", "Région", FunderKind.Region, rule),
        new Funder("porteur", "Association", FunderKind.Private, new RemainderRule()),
    ]);

    private static readonly DegressiveRateRule EightySixtyForty = new([Rate.Percent(80), Rate.Percent(60), Rate.Percent(40)]);

    [Fact]
    public void WithoutCap_EachPostYearAtItsRate_FallsIntoTheBudgetYearsItCovers()
    {
        // Post-years 80 % × 36 000 = 28 800, 60 % = 21 600, 40 % = 14 400: 64 800 €. Each covers six months of two budget
        // years: 2024 14 400; 2025 14 400 + 10 800 = 25 200; 2026 10 800 + 7 200 = 18 000; 2027 7 200.
        var region = PlanEvaluator.Evaluate(Post(EightySixtyForty)).Funder("region");

        region.Total.ShouldBe(E(64_800m));
        region.ContributionByBudgetYear.Select(y => (y.Year, y.Amount)).ShouldBe([(2024, E(14_400m)), (2025, E(25_200m)), (2026, E(18_000m)), (2027, E(7_200m))]);
        region.Explanation.Sentence.ShouldContain("année 1 (du 1er juillet 2024 au 30 juin 2025) : 80\u00A0% de 36\u202F000,00\u00A0€ = 28\u202F800,00\u00A0€");
        region.Explanation.Terms.Single(t => t.Name == "year3").Value.ShouldBe(14_400m);
    }

    [Fact]
    public void WithACapPerPostYear_OnlyTheYearsAboveItAreCapped()
    {
        // 28 800 capped at 25 000 (12 500 + 12 500); 21 600 and 14 400 below: 61 000 €; 12 500 / 23 300 / 18 000 / 7 200.
        var result = PlanEvaluator.Evaluate(Post(EightySixtyForty with { CapPerYear = E(25_000m) }));
        var region = result.Funder("region");

        region.Total.ShouldBe(E(61_000m));
        region.ContributionByBudgetYear.Select(y => y.Amount).ShouldBe([E(12_500m), E(23_300m), E(18_000m), E(7_200m)]);
        region.Limit.ShouldBe(ContributionLimit.Cap);
        region.Explanation.Sentence.ShouldContain("plafonné à 25\u202F000,00\u00A0€");
        // The carrier pays the rest of each year: 108 000 − 61 000 = 47 000 €.
        result.Funder("porteur").Total.ShouldBe(E(47_000m));
        result.TotalFunded.ShouldBe(result.TotalCost);
    }

    [Fact]
    public void ARateListShorterThanThePost_ARateAbove100_OrANegativeCap_IsRefusedOnItsField()
    {
        var shortList = Should.Throw<FundingValidationException>(() => PlanEvaluator.Evaluate(Post(new([Rate.Percent(80), Rate.Percent(60)])))).Errors.ShouldHaveSingleItem();
        (shortList.Path, shortList.Code).ShouldBe(("funders[0].rule.ratePercentByYear", ErrorCodes.Missing));
        shortList.Message.ShouldContain("3 années");

        var negative = Should.Throw<FundingValidationException>(() => PlanEvaluator.Evaluate(Post(EightySixtyForty with { CapPerYear = E(-1m) }))).Errors.ShouldHaveSingleItem();
        (negative.Path, negative.Code).ShouldBe(("funders[0].rule.capPerYear", ErrorCodes.AmountNegative));

        // A rate above 100 % is no Rate at all: the contract refuses it on its item (RuleContractTests).
        Should.Throw<ArgumentException>(() => Rate.Percent(120));
    }

    [Fact]
    public void ASweep_VariesOneYearOfThePost()
    {
        // Year 2's rate at 40, 60 and 80 %: 21 600 becomes 14 400, 21 600, 28 800; the total 57 600, 64 800, 72 000.
        var sweep = PlanSweep.Run(Post(EightySixtyForty), [new SweepAxis(SweepParameter.Rate, "region") { Year = 2, Numbers = [40m, 60m, 80m] }]);

        sweep.Scenarios.Select(s => s.Totals[0]).ShouldBe([E(57_600m), E(64_800m), E(72_000m)]);
        sweep.Sweep.PlanScenario.ShouldBe(1);
        sweep.Sweep.Axes[0].Name(Post(EightySixtyForty)).ShouldBe("taux de l'année 2 de la Région");
    }

    [Fact]
    public void OnActualExpenses_EachPostYearsRateAppliesToItsActualCost_WithinTheGrantOfEachBudgetYear()
    {
        // Actual expenses 18 000 (2024), 18 000 (2025: the post half vacant), 36 000 (2026), 18 000 (2027), each budget year's
        // spread over its months of the post: 3 000 € a month in 2024, 1 500 in 2025, 3 000 in 2026 and 2027.
        // Year 1 (Jul 2024–Jun 2025): 18 000 + 9 000 = 27 000 → 80 % = 21 600, split 2:1 → 14 400 (2024) + 7 200 (2025).
        // Year 2 (Jul 2025–Jun 2026): 9 000 + 18 000 = 27 000 → 60 % = 16 200, split 1:2 → 5 400 (2025) + 10 800 (2026).
        // Year 3 (Jul 2026–Jun 2027): 18 000 + 18 000 = 36 000 → 40 % = 14 400 → 7 200 + 7 200.
        // By budget year 14 400 / 12 600 / 18 000 / 7 200 = 52 200 €, each within its planned amount (capped at the grant:
        // 14 400 / 25 200 / 18 000 / 7 200).
        var plan = Post(EightySixtyForty) with
        {
            Funders = [Post(EightySixtyForty).Funders[0] with { Execution = new ExecutionTerms(FixedProRata: false, CapAtGrant: true) }, Post(EightySixtyForty).Funders[1]],
        };
        var result = ExecutionEvaluator.Evaluate(plan, new ExecutionInput(
            [new BudgetYearAmount(2024, E(18_000m)), new BudgetYearAmount(2025, E(18_000m)), new BudgetYearAmount(2026, E(36_000m)), new BudgetYearAmount(2027, E(18_000m))], []));

        var region = result.Funders.Single(f => f.FunderId == "region");
        region.ByBudgetYear.Select(y => y.Actual).ShouldBe([E(14_400m), E(12_600m), E(18_000m), E(7_200m)]);
        region.Due.ShouldBe(E(52_200m));
        region.Sentence.ShouldContain("taux de chaque année du poste");
        result.Actual.Funder("region").Explanation.Sentence.ShouldContain("taux dégressif");
    }
}
