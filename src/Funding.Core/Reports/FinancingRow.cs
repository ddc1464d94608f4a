namespace Funding.Reports;

/// <summary>A row of the financing table.</summary>
/// <param name="FunderId">The funder's id; null for the total row.</param>
/// <param name="Name">The funder's name, or « Total ».</param>
/// <param name="Amount">The amount for the whole period.</param>
/// <param name="ShareOfCost">The amount as a share of the total cost.</param>
/// <param name="ByYear">The amount paid in each budget year of the table.</param>
public sealed record FinancingRow(string? FunderId, string Name, Money Amount, Ratio ShareOfCost, IReadOnlyList<Money> ByYear);
