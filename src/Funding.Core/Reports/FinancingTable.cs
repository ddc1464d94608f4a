using Funding.Plans;

namespace Funding.Reports;

/// <summary>The financing table: one row per funder, one column per budget year, and the totals.</summary>
/// <param name="Years">The budget years.</param>
/// <param name="Rows">One row per funder, in plan order.</param>
/// <param name="Total">The total row: what all funders pay.</param>
/// <param name="CostByYear">The plan's cost in each year.</param>
/// <param name="TotalCost">The plan's total cost.</param>
public sealed record FinancingTable(IReadOnlyList<int> Years, IReadOnlyList<FinancingRow> Rows, FinancingRow Total, IReadOnlyList<Money> CostByYear, Money TotalCost)
{
    internal static FinancingTable From(PlanResult result)
    {
        var table = result.Schedule.Table;
        var rows = table.Rows.Select(r =>
        {
            var funder = result.Funder(r.FunderId);
            return new FinancingRow(r.FunderId, r.Name, r.Total, funder.ShareOfCost, r.Amounts);
        }).ToArray();
        var total = new FinancingRow(null, "Total", table.GrandTotal,
            Ratio.Of(table.GrandTotal, result.TotalCost), table.YearTotals);
        return new FinancingTable(table.Years, rows, total, table.CostByYear, result.TotalCost);
    }
}
