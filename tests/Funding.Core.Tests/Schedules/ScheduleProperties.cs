using Funding.Core.Tests.Plans;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Core.Tests.Schedules;

[Properties(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 1000)]
public class ScheduleProperties
{
    [Property]
    public bool PaymentsOfAFunder_SumExactlyToItsTotal(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        return result.Schedule.Funders.All(s => s.Payments.Sum(p => p.Amount) == s.Total)
            && result.Schedule.Funders.Select(s => s.Total).SequenceEqual(result.Funders.Select(f => f.Total));
    }

    [Property]
    public bool BudgetYearTable_ReconcilesInBothDirections(GeneratedPlan g)
    {
        var table = PlanEvaluator.Evaluate(g.Plan).Schedule.Table;
        bool rows = table.Rows.All(r => r.Amounts.Sum() == r.Total);
        bool columns = Enumerable.Range(0, table.Years.Count).All(i => table.Rows.Sum(r => r.Amounts[i]) == table.YearTotals[i]);
        bool grand = table.YearTotals.Sum() == table.GrandTotal && table.Rows.Sum(r => r.Total) == table.GrandTotal;
        bool consecutive = table.Years.Zip(table.Years.Skip(1)).All(p => p.Second == p.First + 1);
        return rows && columns && grand && consecutive;
    }

    [Property]
    public bool CostByBudgetYear_SumsToTheTotalCost(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        return result.CostByBudgetYear.Sum(c => c.Amount) == result.TotalCost && result.Schedule.Table.CostByYear.Sum() == result.TotalCost;
    }

    [Property]
    public bool NoPaymentFallsOutsideTheDatesItsModeAllows(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        var period = g.Plan.Cost.Period;
        return result.Schedule.Funders.All(s => s.Payments.All(p => p.BudgetYear == p.Date.Year && s.Mode switch
        {
            OncePayment once => p.Date == (once.Date ?? period.Start) && p.Kind == PaymentKind.OneOff,
            PerBudgetYearPayment => p.Date >= period.Start && p.Date.Year <= period.End.Year && p.Kind == PaymentKind.Annual,
            MonthlyPayment => p.Date >= period.Start && p.Date <= period.End && p.Date.Day == period.Start.PlusMonths((p.Date.Year - period.Start.Year) * 12 + p.Date.Month - period.Start.Month).Day,
            AdvanceAndBalancePayment mode => p.Kind switch
            {
                PaymentKind.Advance => p.Date == period.Start,
                PaymentKind.Installment => mode.Installments.Any(i => i.Date == p.Date),
                PaymentKind.Balance => p.Date == (mode.BalanceDate ?? period.End),
                _ => false,
            },
            _ => false,
        }));
    }

    [Property]
    public bool TreasuryEndBalance_IsReceiptsMinusCosts(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        var treasury = result.Schedule.Treasury;
        var receipts = result.Schedule.Funders.Where(s => s.FunderId != result.CarrierId).Sum(s => s.Total);
        Money running = Money.Zero;
        bool cumulative = treasury.Months.All(m => (running = running + m.Receipts - m.Cost) == m.Balance);
        bool deficit = treasury.LargestDeficit == Money.Max(Money.Zero, -treasury.Months.Min(m => m.Balance));
        bool consecutive = treasury.Months.Zip(treasury.Months.Skip(1)).All(p => p.Second.Month == p.First.Month.PlusMonths(1));
        var own = result.Schedule.Funders.Where(s => s.FunderId == result.CarrierId).Sum(s => s.Total);
        bool withOwn = treasury.Months[^1].BalanceWithOwnContributions == treasury.EndBalance + own
            && treasury.LargestDeficitWithOwnContributions == Money.Max(Money.Zero, -treasury.Months.Min(m => m.BalanceWithOwnContributions));
        return treasury.EndBalance == treasury.TotalReceipts - treasury.TotalCost
            && treasury.TotalCost == result.TotalCost
            && treasury.TotalReceipts == receipts
            && cumulative && deficit && consecutive && withOwn;
    }

    /// <summary>
    /// Every payment is explained and none is zero. It failed about once in 63 000 plans (a 2-cent share paid monthly over
    /// 13 months listed eleven 0,00 € payments): a random failure, fixed in the schedule rather than in the test, and kept
    /// as a fixed example in ScheduleTests.
    /// </summary>
    [Property]
    public bool EveryPaymentHasItsExplanation(GeneratedPlan g) =>
        PlanEvaluator.Evaluate(g.Plan).Schedule.Funders.All(s => s.Payments.All(p => p.Sentence.Length > 20 && !p.Amount.IsZero));
}
