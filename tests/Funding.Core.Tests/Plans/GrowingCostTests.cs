using Funding.Plans;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// A post whose cost grows each year (a salary progression). By hand, 100 000 € a year from 1 April 2024 for 24 months
/// at +2,5 % a year from the second budget year:
/// 2024: 9 months, 100 000 × 9/12 = 75 000,00 €;
/// 2025: 12 months, 100 000 × 1,025 = 102 500,00 €;
/// 2026: 3 months, 100 000 × 1,025² × 3/12 = 105 062,50 × 0,25 = 26 265,625 → 26 265,63 € (half away from zero);
/// total 203 765,63 €.
/// </summary>
public class GrowingCostTests
{
    private static Plan Growing(decimal growthPercent, RoundingPolicy? policy = null) =>
        new("Poste", new AnnualCost(E(100_000m), new FundingPeriod(new LocalDate(2024, 4, 1), 24)) { Growth = Rate.Percent(growthPercent) },
            [State(50, cap: 80_000m), Carrier()])
        {
            Options = new PlanOptions { Rounding = policy ?? RoundingPolicy.Default },
        };

    [Fact]
    public void EachBudgetYear_CostsItsMonthsAtThatYearsRate()
    {
        var result = PlanEvaluator.Evaluate(Growing(2.5m));

        result.CostByBudgetYear.Select(c => (c.Year, c.Amount)).ShouldBe([(2024, E(75_000.00m)), (2025, E(102_500.00m)), (2026, E(26_265.63m))]);
        result.TotalCost.ShouldBe(E(203_765.63m));
        result.CostByBudgetYear[2].Sentence.ShouldContain("× (1 + 2,5\u00A0%)^2 × 3/12");
        result.Funder("etat").Total.ShouldBe(E(80_000.00m));
        result.Funder("porteur").Total.ShouldBe(E(123_765.63m));
    }

    [Fact]
    public void TheYearsRounding_FollowsThePlansPolicy()
    {
        // 26 265,625 € is a tie: half to even gives 26 265,62 €, toward zero too.
        PlanEvaluator.Evaluate(Growing(2.5m, RoundingPolicy.HalfToEven)).CostByBudgetYear[2].Amount.ShouldBe(E(26_265.62m));
        PlanEvaluator.Evaluate(Growing(2.5m, RoundingPolicy.TowardZero)).TotalCost.ShouldBe(E(203_765.62m));
    }

    [Fact]
    public void WithoutGrowth_TheFiguresAreTodays()
    {
        var flat = PlanEvaluator.Evaluate(Growing(0m));
        var plain = PlanEvaluator.Evaluate(Growing(0m) with { Cost = new AnnualCost(E(100_000m), new FundingPeriod(new LocalDate(2024, 4, 1), 24)) });

        flat.TotalCost.ShouldBe(plain.TotalCost);
        flat.CostByBudgetYear.Select(c => c.Amount).ShouldBe(plain.CostByBudgetYear.Select(c => c.Amount));
    }

    [Property(MaxTest = 300)]
    public bool TheYearsSumToTheTotal_AndEachIsWithinACentOfItsExactValue(PositiveInt annualCents, byte growthTenths, byte months)
    {
        int m = 1 + (months % 60);
        decimal growth = (growthTenths % 100) / 10m;
        var plan = new Plan("P", new AnnualCost(Money.FromCents(annualCents.Get), new FundingPeriod(new LocalDate(2023, 7, 1), m)) { Growth = Rate.Percent(growth) }, [Carrier()]);
        var result = PlanEvaluator.Evaluate(plan);
        decimal factor = 1m;
        bool close = true;
        foreach (var year in result.CostByBudgetYear)
        {
            int monthsInYear = Enumerable.Range(0, m).Count(i => new LocalDate(2023, 7, 1).PlusMonths(i).Year == year.Year);
            decimal exact = Money.FromCents(annualCents.Get).Amount * factor * monthsInYear / 12m;
            close &= Math.Abs(year.Amount.Amount - exact) <= 0.005m + 0.0000001m;
            factor *= 1m + growth / 100m;
        }
        return close && result.CostByBudgetYear.Sum(c => c.Amount.Amount) == result.TotalCost.Amount;
    }
}
