namespace Funding.Plans;

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
