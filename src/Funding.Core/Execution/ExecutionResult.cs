using Funding.Plans;

namespace Funding.Execution;

/// <summary>The execution of a plan: actual expenses, what each funder owes and its balance.</summary>
/// <param name="Planned">The voted plan, evaluated.</param>
/// <param name="PlannedCost">The voted plan's total cost.</param>
/// <param name="ActualExpenses">The actual expenses, summed.</param>
/// <param name="Actual">The plan re-evaluated on the actual expenses, under each funder's terms: every due with its explanation.</param>
/// <param name="Funders">Each paying funder's execution, in plan order.</param>
/// <param name="ExpensesByBudgetYear">Planned cost and actual expenses of each budget year.</param>
/// <param name="Treasury">The carrier's actual treasury month by month, beside the forecast.</param>
/// <param name="Checks">The checks of what was received: advances and installments against the dated ceilings.</param>
/// <param name="Sentence">The finding in French: actual against planned, what is still to claim, what must be paid back.</param>
public sealed record ExecutionResult(
    PlanResult Planned,
    Money PlannedCost,
    Money ActualExpenses,
    PlanResult Actual,
    IReadOnlyList<FunderExecution> Funders,
    IReadOnlyList<PlannedAndActual> ExpensesByBudgetYear,
    IReadOnlyList<ActualTreasuryMonth> Treasury,
    IReadOnlyList<CheckResult> Checks,
    string Sentence)
{
    /// <summary>What is still to claim from all funders.</summary>
    public Money TotalToClaim => Funders.Sum(f => f.ToClaim);

    /// <summary>What must be paid back to all funders.</summary>
    public Money TotalToPayBack => Funders.Sum(f => f.ToPayBack);
}
