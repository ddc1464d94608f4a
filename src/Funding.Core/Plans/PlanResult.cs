using Funding.Schedules;

namespace Funding.Plans;

/// <summary>The evaluated plan: what each funder pays, when, the totals, and the checks.</summary>
public sealed class PlanResult
{
    private readonly PlanFigures _figures;

    internal PlanResult(PlanFigures figures, Explanation costExplanation, ScheduleResult schedule, IReadOnlyList<CheckResult> checks)
    {
        _figures = figures;
        CostExplanation = costExplanation;
        Schedule = schedule;
        Checks = checks;
    }

    /// <summary>The version of the calculation rules that produced this result.</summary>
    public string CalculationVersion => _figures.CalculationVersion;

    /// <summary>The plan evaluated.</summary>
    public Plan Plan => _figures.Plan;

    /// <summary>The total cost of the period.</summary>
    public Money TotalCost => _figures.TotalCost;

    /// <summary>How the total cost was obtained.</summary>
    public Explanation CostExplanation { get; }

    /// <summary>The cost of each budget year, summing exactly to <see cref="TotalCost"/>.</summary>
    public IReadOnlyList<BudgetYearCost> CostByBudgetYear => _figures.CostByBudgetYear;

    /// <summary>One result per paying funder, in plan order; the members of a key-share group appear in its place.</summary>
    public IReadOnlyList<FunderResult> Funders => _figures.Funders;

    /// <summary>The key-share groups and the pools they shared.</summary>
    public IReadOnlyList<GroupResult> Groups => _figures.Groups;

    /// <summary>The shared ceilings of the plan and what each took off its funders.</summary>
    public IReadOnlyList<SharedCeilingResult> SharedCeilings => _figures.SharedCeilings;

    /// <summary>
    /// Each budget year's balance: its cost, what the funders contribute to it, and its over-funding or unfunded part —
    /// contributions = cost + over-funding − unfunded, year by year; the period's totals are their sums.
    /// </summary>
    public IReadOnlyList<BudgetYearBalance> BudgetYears => _figures.BudgetYears;

    /// <summary>The carrier's id, when the plan has one (the remainder funder by default).</summary>
    public string? CarrierId => _figures.CarrierId;

    /// <summary>The sum of every funder's total.</summary>
    public Money TotalFunded => _figures.TotalFunded;

    /// <summary>The sum of the public funders' totals (the carrier's included when it is public).</summary>
    public Money PublicFunding => _figures.PublicFunding;

    /// <summary>The carrier's own share ("autofinancement", "reste à charge").</summary>
    public Money CarrierShare => _figures.CarrierShare;

    /// <summary>What no funder pays (no remainder funder, or a capped one): <c>TotalCost − TotalFunded</c> when positive.</summary>
    public Money Unfunded => _figures.Unfunded;

    /// <summary>By how much the funders pay more than the cost (promised fixed amounts beyond it), zero otherwise.</summary>
    public Money OverFunding => _figures.OverFunding;

    /// <summary>The checks of the plan, passed or failed, each with its legal source.</summary>
    public IReadOnlyList<CheckResult> Checks { get; }

    /// <summary>The payment schedules, budget-year table and the carrier's treasury.</summary>
    public ScheduleResult Schedule { get; }

    /// <summary>The figures alone, as the lean path gives them.</summary>
    public PlanFigures Figures => _figures;

    /// <summary>The result of the funder with this id.</summary>
    /// <param name="id">A funder or group-member id.</param>
    /// <returns>Its result.</returns>
    /// <exception cref="KeyNotFoundException">No funder has this id.</exception>
    public FunderResult Funder(string id) => _figures.Funder(id);
}
