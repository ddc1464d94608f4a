namespace Funding.Schedules;

/// <summary>One funder's row of the budget-year table: what it pays and what it contributes, year by year.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Amounts">What it pays in each year of <see cref="BudgetYearTable.Years"/> (the payment view).</param>
/// <param name="Total">The row total: the funder's contribution.</param>
/// <param name="Contributions">What it contributes to each year's cost (the contribution view), summing to <paramref name="Total"/> as well.</param>
public sealed record BudgetYearRow(string FunderId, string Name, IReadOnlyList<Money> Amounts, Money Total, IReadOnlyList<Money> Contributions);
