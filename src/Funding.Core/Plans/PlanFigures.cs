namespace Funding.Plans;

/// <summary>
/// The figures of a plan without their explanations (<see cref="PlanEvaluator.Figures"/>): the cost, each funder's total
/// and contribution to each budget year, and the year balances — the same figures as <see cref="PlanResult"/>, for
/// simulations and sweeps that read totals only.
/// </summary>
public sealed class PlanFigures
{
    internal PlanFigures(
        Money totalCost,
        IReadOnlyList<BudgetYearCost> costByBudgetYear,
        IReadOnlyList<FunderResult> funders,
        string? carrierId,
        Money unfunded,
        Money overFunding,
        IReadOnlyList<BudgetYearBalance> budgetYears)
    {
        TotalCost = totalCost;
        CostByBudgetYear = costByBudgetYear;
        Funders = funders;
        CarrierId = carrierId;
        Unfunded = unfunded;
        OverFunding = overFunding;
        BudgetYears = budgetYears;
    }

    /// <summary>The version of the calculation rules that produced these figures.</summary>
    public string CalculationVersion { get; } = Funding.CalculationVersion.Current;

    /// <summary>The total cost of the period.</summary>
    public Money TotalCost { get; }

    /// <summary>The cost of each budget year (the sentences are empty).</summary>
    public IReadOnlyList<BudgetYearCost> CostByBudgetYear { get; }

    /// <summary>
    /// One result per paying funder, in plan order, group members in their group's place: totals, limits and
    /// contributions by budget year as <see cref="PlanEvaluator.Evaluate(Plan)"/> gives them, each explanation
    /// <see cref="Explanation.Omitted"/>.
    /// </summary>
    public IReadOnlyList<FunderResult> Funders { get; }

    /// <summary>The carrier's id, when the plan has one.</summary>
    public string? CarrierId { get; }

    /// <summary>What no funder pays.</summary>
    public Money Unfunded { get; }

    /// <summary>By how much the funders pay more than the cost.</summary>
    public Money OverFunding { get; }

    /// <summary>Each budget year's cost, contributions, over-funding and unfunded part.</summary>
    public IReadOnlyList<BudgetYearBalance> BudgetYears { get; }
}
