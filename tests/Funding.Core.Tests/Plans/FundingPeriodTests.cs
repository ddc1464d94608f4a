using Funding.Core.Tests.Plans;
using Funding.Plans;
using Funding.Schedules;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

public class FundingPeriodTests
{
    [Theory]
    [InlineData("2022-04-01", 24, "2024-03-31")] // the seed: the day before day 1, 24 months later
    [InlineData("2023-01-31", 1, "2023-02-28")] // no 31 February: the month's last day (it was the 27th)
    [InlineData("2024-02-29", 12, "2025-02-28")] // no 29 February 2025: the 28th (it was the 27th)
    [InlineData("2024-01-30", 1, "2024-02-29")] // leap year: the 29th
    [InlineData("2023-02-28", 12, "2024-02-27")] // day 28 exists in February 2024: the day before
    [InlineData("2025-09-01", 36, "2028-08-31")]
    [InlineData("2023-03-31", 1, "2023-04-30")]
    public void APeriod_EndsByTheCivilCalendarRule(string start, int months, string end)
    {
        var period = new FundingPeriod(LocalDate.FromDateTime(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), months);
        period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(end);
        period.EndExclusive.ShouldBe(period.End.PlusDays(1));
    }

    /// <summary>
    /// A period covers exactly its months: they follow one another from the start, each begins on day d (or its month's
    /// last day), the period ends the day before the month after the last begins — or on that month's last day — and the
    /// days of its budget years add up to the days from start to end.
    /// </summary>
    [Property(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 2000)]
    public bool APeriod_CoversExactlyItsMonths(GeneratedPlan g)
    {
        var period = g.Plan.Cost.Period;
        var calendar = PeriodCalendar.For(period);
        var starts = calendar.MonthStarts;
        bool ordered = starts[0] == period.Start && starts.Zip(starts.Skip(1)).All(p => p.First < p.Second);
        var after = period.Start.PlusMonths(period.Months);
        bool ends = period.End == (after.Day < period.Start.Day ? after : after.PlusDays(-1)) && period.End >= starts[^1];
        int days = Period.DaysBetween(period.Start, period.End) + 1;
        return ordered && ends && calendar.DaysByYear.Sum() == days && calendar.MonthsByYear.Sum() == period.Months;
    }

    [Fact]
    public void APaymentPerBudgetYear_FollowsTheCostsProrata_UnlessItSaysOtherwise()
    {
        // 12 months from 1 July 2025, prorated by days: 2025 holds 184 days of 365, 2026 holds 181. A fixed 1 000 € paid per
        // budget year without a basis of its own follows the cost: 100 000 × 184 / 365 = 50 410,96 cents and
        // 100 000 × 181 / 365 = 49 589,04 cents; the leftover cent goes to the larger remainder (0,96): 504,11 and 495,89 €.
        // By months it would be 6 and 6 months: 500 and 500 €.
        var cost = new AnnualCost(E(36_500m), new FundingPeriod(new LocalDate(2025, 7, 1), 12), ProrataBasis.Days);
        Plan PlanWith(PerBudgetYearPayment payment) => new("Prorata", cost, [FixedTotal("f", 1_000m).WithPayment(payment), Carrier()]);

        var byCost = PlanEvaluator.Evaluate(PlanWith(new PerBudgetYearPayment())).Schedule.Funders.Single(s => s.FunderId == "f").Payments;
        byCost.Select(p => p.Amount).ShouldBe([E(504.11m), E(495.89m)]);

        var byMonths = PlanEvaluator.Evaluate(PlanWith(new PerBudgetYearPayment(ProrataBasis.Months))).Schedule.Funders.Single(s => s.FunderId == "f").Payments;
        byMonths.Select(p => p.Amount).ShouldBe([E(500m), E(500m)]);
    }
}
