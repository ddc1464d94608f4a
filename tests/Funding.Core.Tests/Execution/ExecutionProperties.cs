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
        return new ExecutionInput(years, receipts)
        {
            Terms = planned.Plan.Funders.ToDictionary(f => f.Id, f => new ExecutionTerms(proRata, f.Kind == FunderKind.State || proRata)),
        };
    }

    [Property]
    public bool DuesSumToTheActualExpenses_OrTheGapSaysWhy_AndBalancesReconcile(GeneratedPlan g, int seed, bool proRata)
    {
        var planned = PlanEvaluator.Evaluate(g.Plan);
        var input = Actuals(planned, seed, proRata);
        var result = ExecutionEvaluator.Evaluate(g.Plan, input);
        return result.Funders.Sum(f => f.Due) == result.ActualExpenses + result.Actual.OverFunding - result.Actual.Unfunded
            && result.Funders.All(f => f.Balance == f.Due - input.Receipts.Where(r => r.FunderId == f.FunderId).Sum(r => r.Amount))
            && result.Funders.Sum(f => f.Received) == input.Receipts.Sum(r => r.Amount);
    }

    [Property]
    public bool ARateCappedAtTheGrant_NeverOwesMoreThanItsGrant(GeneratedPlan g, int seed)
    {
        var planned = PlanEvaluator.Evaluate(g.Plan);
        var input = Actuals(planned, seed, proRata: false);
        var capped = g.Plan.Funders.Where(f => f.Rule is RateRule && input.Terms[f.Id].CapAtGrant).Select(f => f.Id).ToHashSet();
        return ExecutionEvaluator.Evaluate(g.Plan, input).Funders.Where(f => capped.Contains(f.FunderId)).All(f => f.Due <= f.Granted);
    }
}
