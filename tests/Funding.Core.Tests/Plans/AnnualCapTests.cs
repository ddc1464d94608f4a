using Funding.Plans;
using Funding.Schedules;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// A cap per budget year (« au plus 40 000 € par an »). By hand, 60 000 € a year from 1 April 2024 for 24 months:
/// the years cost 45 000 (9 months), 60 000 and 15 000 €; partners funding 75 % capped at 40 000 € a year give
/// 33 750, min(45 000, 40 000) = 40 000 (the cap takes off 5 000) and 11 250 €: 85 000 €, where a period cap of
/// 40 000 € would give 40 000 €; the carrier pays 120 000 − 85 000 = 35 000 €.
/// </summary>
public class AnnualCapTests
{
    private static Funder Partners(CapScope scope) =>
        new("partenaires", "Partenaires", FunderKind.State, new RateRule(Rate.Percent(75)) { Cap = E(40_000m), CapScope = scope })
        {
            Payment = new PerBudgetYearPayment(),
        };

    private static Plan Plan(CapScope scope) => Annual(60_000m, 24, [Partners(scope), Carrier()], new LocalDate(2024, 4, 1));

    [Fact]
    public void EachYearIsCappedOnItsOwn_AndPaidItsOwnAmount()
    {
        var result = PlanEvaluator.Evaluate(Plan(CapScope.BudgetYear));

        result.Funder("partenaires").Total.ShouldBe(E(85_000m));
        result.Funder("partenaires").ByBudgetYear!.Select(y => (y.Year, y.Amount)).ShouldBe([(2024, E(33_750m)), (2025, E(40_000m)), (2026, E(11_250m))]);
        result.Funder("porteur").Total.ShouldBe(E(35_000m));
        result.Schedule.Funders.Single(f => f.FunderId == "partenaires").Payments.Select(p => p.Amount).ShouldBe([E(33_750m), E(40_000m), E(11_250m)]);
        result.Funder("partenaires").Explanation.Sentence.ShouldContain("le plafond annuel retire 5\u202F000,00\u00A0€");
    }

    [Fact]
    public void OverThePeriod_TheSameCapBoundsTheTotal()
    {
        PlanEvaluator.Evaluate(Plan(CapScope.Period)).Funder("partenaires").Total.ShouldBe(E(40_000m));
    }

    [Fact]
    public void NeverMoreThanWhatIsLeftInEachYear()
    {
        // Costs by year 45 000 / 60 000 / 15 000 € (9, 12 and 3 months of 60 000 € a year). A promise of 100 000 € first
        // funds each year in proportion to its cost, 37 500 / 50 000 / 12 500 €, and leaves 7 500 / 10 000 / 2 500 €;
        // the partners' 75 % capped at 40 000 € a year (33 750 / 40 000 / 11 250 €) is limited to that, year by year.
        var plan = Annual(60_000m, 24, [FixedTotal("ville", 100_000m), Partners(CapScope.BudgetYear), Carrier()], new LocalDate(2024, 4, 1));
        var result = PlanEvaluator.Evaluate(plan);

        result.Funder("ville").ContributionByBudgetYear.Select(y => y.Amount).ShouldBe([E(37_500m), E(50_000m), E(12_500m)]);
        result.Funder("partenaires").Total.ShouldBe(E(20_000m));
        result.Funder("partenaires").ByBudgetYear!.Select(y => y.Amount).ShouldBe([E(7_500m), E(10_000m), E(2_500m)]);
        result.Funder("porteur").Total.ShouldBe(E(0m));
        result.Funder("partenaires").Limit.ShouldBe(ContributionLimit.LeftToFund);
    }

    [Fact]
    public void WithAnEligibleBaseAndAFloor_EachYearIsFlooredAndCappedOnItsOwn()
    {
        // Costs by year 45 000 / 60 000 / 15 000 € (3:4:1). An eligible base of 80 000 € is split in that proportion:
        // 30 000 / 40 000 / 10 000 €. 75 % of each: 22 500 / 30 000 / 7 500 €; floor 10 000 € a year raises the last to
        // 10 000 €, cap 25 000 € a year lowers the second to 25 000 €: 22 500 + 25 000 + 10 000 = 57 500 €.
        var partners = new Funder("partenaires", "Les partenaires", FunderKind.State,
            new RateRule(Rate.Percent(75)) { EligibleBase = E(80_000m), Floor = E(10_000m), Cap = E(25_000m), CapScope = CapScope.BudgetYear });
        var result = PlanEvaluator.Evaluate(Annual(60_000m, 24, [partners, Carrier()], new LocalDate(2024, 4, 1)));

        result.Funder("partenaires").ByBudgetYear!.Select(y => y.Amount).ShouldBe([E(22_500m), E(25_000m), E(10_000m)]);
        result.Funder("partenaires").Total.ShouldBe(E(57_500m));
        result.Funder("partenaires").Explanation.Sentence.ShouldContain("porté au plancher annuel de 10\u202F000,00\u00A0€");
        result.Funder("partenaires").Explanation.Sentence.ShouldContain("de la dépense éligible 40\u202F000,00\u00A0€");
    }
}
