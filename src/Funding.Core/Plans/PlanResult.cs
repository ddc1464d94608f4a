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

/// <summary>What the waterfall did to a funder's contribution.</summary>
public enum ContributionLimit
{
    /// <summary>Nothing: the rule's amount is paid as computed.</summary>
    None,

    /// <summary>The cap ("plafond") reduced the amount.</summary>
    Cap,

    /// <summary>The floor ("plancher") raised the amount.</summary>
    Floor,

    /// <summary>The amount was reduced to what was left to fund at that point of the waterfall.</summary>
    LeftToFund,

    /// <summary>A promised fixed amount is above the funder's cap: it is kept, and the caps check fails.</summary>
    AboveCap,

    /// <summary>A ceiling the funder shares with others reduced the amount.</summary>
    SharedCeiling,
}

/// <summary>One funder's contribution and its explanation.</summary>
public sealed record FunderResult
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The funder's legal nature.</summary>
    public required FunderKind Kind { get; init; }

    /// <summary>The id of the key-share group the funder belongs to, or null.</summary>
    public string? GroupId { get; init; }

    /// <summary>The rule that computed the contribution (<c>rate</c>, <c>fixedAnnual</c>…; a group member's is <c>keyShare</c>).</summary>
    public required string RuleType { get; init; }

    /// <summary>The contribution for the whole period.</summary>
    public required Money Total { get; init; }

    /// <summary>The contribution as a share of the total cost.</summary>
    public required Ratio ShareOfCost { get; init; }

    /// <summary>
    /// The rate actually applied to the funder's base: total / eligible base for a rate rule (80 000 € of 207 600 € is
    /// 38,54 % where 50 % was asked); the share of the total cost otherwise.
    /// </summary>
    public required Ratio EffectiveRate { get; init; }

    /// <summary>Which limit, if any, changed the computed amount.</summary>
    public ContributionLimit Limit { get; init; }

    /// <summary>The funder's cap, if it has one.</summary>
    public Money? Cap { get; init; }

    /// <summary>How the contribution was obtained.</summary>
    public required Explanation Explanation { get; init; }

    /// <summary>How the funder pays.</summary>
    public required PaymentMode Payment { get; init; }

    /// <summary>Whether this funder is the plan's carrier.</summary>
    public bool IsCarrier { get; init; }

    /// <summary>Whether the funder's cap bounds each budget year rather than the period.</summary>
    public bool CapPerBudgetYear { get; init; }

    /// <summary>
    /// The amount the rule gives each budget year, when it works year by year (amounts fixed per year, a cap per
    /// budget year); null otherwise. Paid per budget year, each year's payment is that year's amount.
    /// </summary>
    public IReadOnlyList<BudgetYearAmount>? ByBudgetYear { get; init; }

    /// <summary>
    /// What the funder contributes to each budget year's cost, one entry per budget year of the plan, summing exactly to
    /// <see cref="Total"/>: the contribution view, whatever the payments. A State paying once still funds every year of
    /// the post. Amounts given per year are taken as given; an amount for the whole period funds each year in proportion
    /// to what that year still needed when the funder's rule applied.
    /// </summary>
    public IReadOnlyList<BudgetYearAmount> ContributionByBudgetYear { get; init; } = [];
}

/// <summary>One budget year's balance: cost, contributions, and what is over-funded or unfunded in it.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Cost">The year's cost.</param>
/// <param name="Contributions">What all funders contribute to the year (their <see cref="FunderResult.ContributionByBudgetYear"/>).</param>
/// <param name="OverFunding">By how much the contributions exceed the year's cost.</param>
/// <param name="Unfunded">What no funder contributes to the year's cost.</param>
public sealed record BudgetYearBalance(int Year, Money Cost, Money Contributions, Money OverFunding, Money Unfunded);

/// <summary>A key-share group: the pool its members shared.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Pool">The pool to share between the members, as its rule gives it (a fixed amount, or a percentage of what is left).</param>
/// <param name="Allocated">What the members were actually given: <paramref name="Pool"/> − <paramref name="Unallocated"/>.</param>
/// <param name="Unallocated">The part of the pool the members' caps could not absorb (left to the next rules).</param>
/// <param name="MemberIds">The members' ids, in order.</param>
/// <param name="Explanation">How the pool was obtained and split.</param>
/// <param name="Limit">Whether the group's cap reduced a computed pool, or a promised pool is above it.</param>
public sealed record GroupResult(string Id, string Name, Money Pool, Money Allocated, Money Unallocated, IReadOnlyList<string> MemberIds, Explanation Explanation, ContributionLimit Limit);

/// <summary>The outcome of a check.</summary>
public enum CheckOutcome
{
    /// <summary>The plan respects the rule.</summary>
    Passed,

    /// <summary>The plan breaks the rule.</summary>
    Failed,

    /// <summary>The plan respects the rule but something needs attention (a written agreement to sign…).</summary>
    Warning,

    /// <summary>The rule does not apply to this plan.</summary>
    NotApplicable,
}

/// <summary>A rule the plan must respect, with its outcome, a message and its legal source.</summary>
/// <param name="Id">A stable identifier (<c>no-over-funding</c>).</param>
/// <param name="Outcome">Passed, failed, warning, or not applicable.</param>
/// <param name="Message">What was checked and found, in French, with the figures.</param>
/// <param name="Source">The legal text or rule it comes from.</param>
public sealed record CheckResult(string Id, CheckOutcome Outcome, string Message, string Source)
{
    /// <summary>Whether the check did not fail (passed, warning or not applicable).</summary>
    public bool Passed => Outcome != CheckOutcome.Failed;
}
