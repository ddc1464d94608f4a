namespace Funding.Plans;

/// <summary>
/// The figures of a plan without their explanations (<see cref="PlanEvaluator.Figures"/>): the cost, each funder's total
/// and contribution to each budget year, and the year balances — the same figures as <see cref="PlanResult"/>, for
/// simulations and sweeps that read totals only.
/// </summary>
public sealed class PlanFigures
{
    internal PlanFigures(
        Plan plan,
        Money totalCost,
        IReadOnlyList<BudgetYearCost> costByBudgetYear,
        IReadOnlyList<FunderResult> funders,
        string? carrierId,
        Money unfunded,
        Money overFunding,
        IReadOnlyList<BudgetYearBalance> budgetYears,
        IReadOnlyList<GroupResult> groups,
        IReadOnlyList<SharedCeilingResult> sharedCeilings)
    {
        Plan = plan;
        Groups = groups;
        SharedCeilings = sharedCeilings;
        long funded = 0, publicFunding = 0, carrier = 0;
        foreach (var funder in funders)
        {
            funded += funder.Total.TotalCents;
            publicFunding += funder.Kind.IsPublic() ? funder.Total.TotalCents : 0;
            carrier += funder.Id == carrierId ? funder.Total.TotalCents : 0;
        }
        TotalFunded = Money.FromCents(funded);
        PublicFunding = Money.FromCents(publicFunding);
        CarrierShare = Money.FromCents(carrier);
        TotalCost = totalCost;
        CostByBudgetYear = costByBudgetYear;
        Funders = funders;
        CarrierId = carrierId;
        Unfunded = unfunded;
        OverFunding = overFunding;
        BudgetYears = budgetYears;
    }

    /// <summary>The plan evaluated.</summary>
    public Plan Plan { get; }

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

    /// <summary>The key-share groups and the pools they shared (explanations omitted).</summary>
    public IReadOnlyList<GroupResult> Groups { get; }

    /// <summary>The shared ceilings and what each took off its funders.</summary>
    public IReadOnlyList<SharedCeilingResult> SharedCeilings { get; }

    /// <summary>The sum of every funder's total.</summary>
    public Money TotalFunded { get; }

    /// <summary>The sum of the public funders' totals.</summary>
    public Money PublicFunding { get; }

    /// <summary>The carrier's own share.</summary>
    public Money CarrierShare { get; }

    /// <summary>Each budget year's cost, contributions, over-funding and unfunded part.</summary>
    public IReadOnlyList<BudgetYearBalance> BudgetYears { get; }

    /// <summary>The result of the funder with this id.</summary>
    /// <param name="id">A funder or group-member id.</param>
    /// <returns>Its result.</returns>
    /// <exception cref="KeyNotFoundException">No funder has this id.</exception>
    public FunderResult Funder(string id) =>
        Funders.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException($"No funder has the id '{id}'.");
}
