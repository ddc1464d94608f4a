namespace Funding.Schedules;

/// <summary>
/// Funders × budget years ("exercices") in two views: what each funder pays in which year, and what it contributes to
/// each year's cost; both reconcile to the cent in both directions, and each year's contributions equal its cost plus its
/// over-funding minus its unfunded part.
/// </summary>
/// <param name="Years">The budget years, consecutive.</param>
/// <param name="Rows">One row per funder, in plan order.</param>
/// <param name="YearTotals">Column totals: what all funders pay in each year.</param>
/// <param name="GrandTotal">The sum of every row (and of every column).</param>
/// <param name="CostByYear">The plan's cost in each year, for comparison.</param>
/// <param name="ContributionTotals">Column totals of the contribution view: what all funders contribute to each year's cost.</param>
/// <param name="OverFundingByYear">By how much each year's contributions exceed its cost.</param>
/// <param name="UnfundedByYear">What no funder contributes to each year's cost.</param>
public sealed record BudgetYearTable(
    IReadOnlyList<int> Years,
    IReadOnlyList<BudgetYearRow> Rows,
    IReadOnlyList<Money> YearTotals,
    Money GrandTotal,
    IReadOnlyList<Money> CostByYear,
    IReadOnlyList<Money> ContributionTotals,
    IReadOnlyList<Money> OverFundingByYear,
    IReadOnlyList<Money> UnfundedByYear);
