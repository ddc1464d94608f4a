using NodaTime;

namespace Funding.Plans;

/// <summary>
/// Explicit amounts per budget year: 2022 → 77 850 €, 2023 → 103 800 €, 2024 → 25 950 €.
/// </summary>
/// <remarks>
/// The years must be consecutive and in ascending order. The period runs from <see cref="Start"/> (by default 1 January
/// of the first year; it must be the first day of a month of the first year) to 31 December of the last year.
/// </remarks>
/// <param name="Years">The amounts, one per consecutive budget year.</param>
/// <param name="Start">The first day of the period, or null for 1 January of the first year.</param>
public sealed record PerBudgetYearCost(IReadOnlyList<BudgetYearAmount> Years, LocalDate? Start = null) : CostBase
{
    /// <inheritdoc />
    public override FundingPeriod Period
    {
        get
        {
            var start = Start ?? new LocalDate(Years[0].Year, 1, 1);
            int months = ((Years[^1].Year - start.Year) * 12) + (12 - start.Month + 1);
            return new FundingPeriod(start, months);
        }
    }
}
