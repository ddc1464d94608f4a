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

    /// <summary>The first day of month <paramref name="index"/> of the period (0 is the start).</summary>
    /// <param name="index">From 0 to <see cref="Months"/> − 1.</param>
    /// <returns>The date the month begins.</returns>
    public LocalDate MonthStart(int index) => Start.PlusMonths(index);

    /// <summary>The budget years the period covers, in order.</summary>
    public IReadOnlyList<int> BudgetYears => Enumerable.Range(Start.Year, End.Year - Start.Year + 1).ToArray();

    /// <summary>How many months of the period begin in each budget year (the months prorata).</summary>
    /// <returns>One count per budget year of <see cref="BudgetYears"/>, summing to <see cref="Months"/>.</returns>
    public IReadOnlyList<(int Year, int Months)> MonthsByBudgetYear()
    {
        var calendar = Schedules.PeriodCalendar.For(this);
        return calendar.Years.Select((year, i) => (year, calendar.MonthsByYear[i])).ToArray();
    }

    /// <summary>How many days of the period fall in each budget year, and how many days that year has.</summary>
    /// <returns>One entry per budget year of <see cref="BudgetYears"/>.</returns>
    public IReadOnlyList<(int Year, int Days, int DaysInYear)> DaysByBudgetYear()
    {
        var calendar = Schedules.PeriodCalendar.For(this);
        return calendar.Years.Select((year, i) => (year, calendar.DaysByYear[i], calendar.DaysInYear[i])).ToArray();
    }

    /// <summary>
    /// The integer weights of each budget year under a prorata basis: months, or days scaled to a common denominator
    /// (days × 366 in a 365-day year, days × 365 in a leap year, so that each weight is proportional to days / days in year).
    /// </summary>
    /// <param name="basis">The prorata basis.</param>
    /// <returns>One weight per budget year of <see cref="BudgetYears"/>.</returns>
    public IReadOnlyList<(int Year, long Weight)> BudgetYearWeights(ProrataBasis basis)
    {
        var calendar = Schedules.PeriodCalendar.For(this);
        return calendar.Years.Zip(calendar.Weights(basis)).ToArray();
    }
}
