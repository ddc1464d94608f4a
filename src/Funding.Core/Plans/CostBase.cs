using NodaTime;

namespace Funding.Plans;

/// <summary>
/// What the project costs ("coût total", "assiette"): an annual cost over a period, or explicit amounts per budget year.
/// </summary>
public abstract record CostBase
{
    private protected CostBase()
    {
    }

    /// <summary>The period the cost covers.</summary>
    public abstract FundingPeriod Period { get; }

    /// <summary>How the cost's partial budget years are weighted; payments per budget year follow it unless they say otherwise.</summary>
    public virtual ProrataBasis ProrataBasis => ProrataBasis.Months;
}

/// <summary>
/// An annual cost over a period of months: 103 800 € a year from 1 April 2022 for 24 months.
/// </summary>
/// <remarks>
/// The total cost is <c>annual cost × months / 12</c>, rounded to the cent with the plan's rounding policy when it is
/// not a whole number of cents (it is whenever the months are a multiple of 12). The cost of each budget year is that
/// total split exactly between the budget years by the <see cref="Prorata"/> weights — never rounded year by year.
/// </remarks>
/// <param name="AnnualAmount">The cost for a full year ("coût total estimé annuel"), zero or positive.</param>
/// <param name="Period">The period covered.</param>
/// <param name="Prorata">How a partial budget year is weighted (months by default, or days).</param>
public sealed record AnnualCost(Money AnnualAmount, FundingPeriod Period, ProrataBasis Prorata = ProrataBasis.Months) : CostBase
{
    /// <summary>
    /// A yearly progression of the cost from the second budget year (a salary progression: +2,5 % a year), or null. Each
    /// budget year then costs annual amount × (1 + growth)^(its rank from 0) × its months / 12, rounded to the cent by the
    /// plan's policy; the total is the sum of the years.
    /// </summary>
    public Rate? Growth { get; init; }

    /// <inheritdoc />
    public override ProrataBasis ProrataBasis => Prorata;

    /// <inheritdoc />
    public override FundingPeriod Period { get; } = Period;
}

/// <summary>The cost of one budget year ("exercice").</summary>
/// <param name="Year">The budget year (calendar year).</param>
/// <param name="Amount">The cost for that year, zero or positive.</param>
public sealed record BudgetYearAmount(int Year, Money Amount);

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
