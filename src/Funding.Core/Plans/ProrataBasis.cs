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
