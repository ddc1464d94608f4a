using Funding.Core.Tests.Plans;
using Funding.Execution;
using Funding.Plans;

namespace Funding.Core.Tests.Execution;

[Properties(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 200)]
public class ExecutionProperties
{
    /// <summary>Actual expenses: each planned year's cost × a percentage from 0 to 130 %, in whole cents.</summary>
    private static ExecutionInput Actuals(PlanResult planned, int seed, bool proRata)
    {
        var random = new Random(seed);
        var years = planned.CostByBudgetYear.Select(c => new BudgetYearAmount(c.Year, Money.FromCents(c.Amount.TotalCents * random.Next(0, 131) / 100))).ToArray();
        var receipts = planned.Funders.Where(_ => random.Next(2) == 0)
            .Select(f => new Receipt(f.Id, planned.Plan.Cost.Period.Start, Money.FromCents(f.Total.TotalCents * random.Next(0, 121) / 100))).ToArray();
        return new ExecutionInput(years, receipts);
    }

    /// <summary>The plan with every funder's terms set: fixed amounts au prorata or not, rates capped at the grant for the State (or all).</summary>
    private static Plan WithTerms(Plan plan, bool proRata) =>
        plan with { Funders = [.. plan.Funders.Select(f => f with { Execution = new ExecutionTerms(proRata, f.Kind == FunderKind.State || proRata) })] };

    [Property]
    public bool DuesSumToTheActualExpenses_OrTheGapSaysWhy_AndBalancesReconcile(GeneratedPlan g, int seed, bool proRata)
    {
        var plan = WithTerms(g.Plan, proRata);
        var planned = PlanEvaluator.Evaluate(plan);
        var input = Actuals(planned, seed, proRata);
        var result = ExecutionEvaluator.Evaluate(plan, input);
        return result.Funders.Sum(f => f.Due) == result.ActualExpenses + result.Actual.OverFunding - result.Actual.Unfunded
            && result.Funders.All(f => f.Balance == f.Due - input.Receipts.Where(r => r.FunderId == f.FunderId).Sum(r => r.Amount))
            && result.Funders.Sum(f => f.Received) == input.Receipts.Sum(r => r.Amount);
    }

    [Property]
    public bool ARateCappedAtTheGrant_NeverOwesMoreThanItsGrant(GeneratedPlan g, int seed)
    {
        var plan = WithTerms(g.Plan, proRata: false);
        var planned = PlanEvaluator.Evaluate(plan);
        var input = Actuals(planned, seed, proRata: false);
        var capped = plan.Funders.Where(f => f.Rule is RateRule && f.Execution!.CapAtGrant).Select(f => f.Id).ToHashSet();
        return ExecutionEvaluator.Evaluate(plan, input).Funders.Where(f => capped.Contains(f.FunderId)).All(f => f.Due <= f.Granted);
    }

    [Property]
    public bool WithActualsEqualToThePlan_EachBalanceIsWhatTheScheduleStillHadToPay(GeneratedPlan g, int cutoffMonth, bool monthly)
    {
        var planned = PlanEvaluator.Evaluate(g.Plan);
        var period = g.Plan.Cost.Period;
        var cutoff = period.Start.PlusMonths(Math.Abs(cutoffMonth % (period.Months + 12)));
        var paid = planned.Schedule.Funders.Where(s => s.FunderId != planned.CarrierId)
            .SelectMany(s => s.Payments.Where(p => p.Date < cutoff).Select(p => new Receipt(s.FunderId, p.Date, p.Amount))).ToArray();
        var input = monthly
            ? new ExecutionInput([], paid) { MonthlyExpenses = planned.CostByBudgetYear.Select(c => new MonthExpense(new NodaTime.YearMonth(c.Year, c.Year == period.Start.Year ? period.Start.Month : 1), c.Amount)).ToArray() }
            : new ExecutionInput(planned.CostByBudgetYear.Select(c => new BudgetYearAmount(c.Year, c.Amount)).ToArray(), paid);
        var result = ExecutionEvaluator.Evaluate(g.Plan, input);
        return result.Funders.All(f => f.Due == f.Granted
            && f.ByBudgetYear.All(y => y.Actual == y.Planned)
            && (f.IsCarrier || f.Balance == planned.Schedule.Funders.Single(s => s.FunderId == f.FunderId).Payments.Where(p => p.Date >= cutoff).Sum(p => p.Amount)));
    }
}
