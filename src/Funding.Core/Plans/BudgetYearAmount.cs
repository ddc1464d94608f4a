namespace Funding.Plans;

/// <summary>The cost of one budget year ("exercice").</summary>
/// <param name="Year">The budget year (calendar year).</param>
/// <param name="Amount">The cost for that year, zero or positive.</param>
public sealed record BudgetYearAmount(int Year, Money Amount);
