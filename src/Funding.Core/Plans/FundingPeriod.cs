using NodaTime;

namespace Funding.Plans;

/// <summary>How a yearly amount is shared between the budget years a period covers ("prorata temporis").</summary>
public enum ProrataBasis
{
    /// <summary>
    /// By months (the default): each month of the period counts for the budget year in which it begins. A post from
    /// 1 April 2022 for 24 months covers 9 months of 2022, 12 of 2023 and 3 of 2024.
    /// </summary>
    Months,

    /// <summary>
    /// By days, actual/actual by budget year: each budget year weighs (days of the period in that year) / (days in that
    /// year, 365 or 366). From 1 September 2025, 2025 weighs 122/365.
    /// </summary>
    Days,
}

/// <summary>A period of whole months from a start date ("durée en mois"): 24 months from 1 April 2022.</summary>
/// <remarks>
/// The period runs from <see cref="Start"/> included to <see cref="EndExclusive"/> excluded, i.e. its last day is
/// <see cref="End"/>. A start on the 31st follows NodaTime's month arithmetic (31 January + 1 month = 28 or 29 February).
/// Budget years ("exercices") are calendar years, as in French local government.
/// </remarks>
/// <param name="Start">The first day.</param>
/// <param name="Months">The duration in months, at least 1.</param>
public sealed record FundingPeriod(LocalDate Start, int Months)
{
    /// <summary>The first day after the period.</summary>
    public LocalDate EndExclusive => Start.PlusMonths(Months);

    /// <summary>The last day of the period.</summary>
    public LocalDate End => EndExclusive.PlusDays(-1);

    /// <summary>
    /// The exact amount of an annual amount over the period, <c>annual × months / 12</c>, not rounded: the one place
    /// this is computed (the cost, a fixed annual contribution, the validator's magnitude check and the schedules all
    /// call it). Rounding is the caller's, by the plan's policy.
    /// </summary>
    /// <param name="annualAmount">The amount for twelve months.</param>
    /// <returns>The exact amount over <see cref="Months"/> months.</returns>
    public decimal Prorate(Money annualAmount) => annualAmount.Amount * Months / 12m;
}
