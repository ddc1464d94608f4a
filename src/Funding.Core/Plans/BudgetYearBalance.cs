namespace Funding.Plans;

/// <summary>One budget year's balance: cost, contributions, and what is over-funded or unfunded in it.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Cost">The year's cost.</param>
/// <param name="Contributions">What all funders contribute to the year (their <see cref="FunderResult.ContributionByBudgetYear"/>).</param>
/// <param name="OverFunding">By how much the contributions exceed the year's cost.</param>
/// <param name="Unfunded">What no funder contributes to the year's cost.</param>
public sealed record BudgetYearBalance(int Year, Money Cost, Money Contributions, Money OverFunding, Money Unfunded);
