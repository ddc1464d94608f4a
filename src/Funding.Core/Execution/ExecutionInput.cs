using Funding.Plans;

namespace Funding.Execution;

/// <summary>What was actually spent and received on a voted plan.</summary>
/// <param name="ActualExpenses">The actual eligible expenses of each budget year of the plan (years not listed: nothing spent).</param>
/// <param name="Receipts">The payments received, per funder.</param>
public sealed record ExecutionInput(IReadOnlyList<BudgetYearAmount> ActualExpenses, IReadOnlyList<Receipt> Receipts)
{
    /// <summary>
    /// The actual expenses month by month, instead of <see cref="ActualExpenses"/> (then empty): each budget year's
    /// expense is the sum of its months, and the carrier's actual treasury follows the months.
    /// </summary>
    public IReadOnlyList<MonthExpense> MonthlyExpenses { get; init; } = [];
}
