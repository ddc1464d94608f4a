using Funding.Plans;
using NodaTime;

namespace Funding.Schedules;

/// <summary>
/// The calendar facts of a period, computed once per evaluation: the first day of each month, and the months and days
/// each budget year holds.
/// </summary>
internal sealed class PeriodCalendar
{
    private PeriodCalendar(FundingPeriod period)
    {
        Period = period;
        var end = period.End;
        FirstYear = period.Start.Year;
        Years = new int[end.Year - FirstYear + 1];
        MonthsByYear = new int[Years.Length];
        DaysByYear = new int[Years.Length];
        DaysInYear = new int[Years.Length];
        for (int y = 0; y < Years.Length; y++)
        {
            int year = FirstYear + y;
            Years[y] = year;
            var from = year == period.Start.Year ? period.Start : new LocalDate(year, 1, 1);
            var to = year == end.Year ? end : new LocalDate(year, 12, 31);
            DaysByYear[y] = NodaTime.Period.DaysBetween(from, to) + 1;
            DaysInYear[y] = CalendarSystem.Iso.GetDaysInYear(year);
        }
        // Month i of the period falls in the year of (start month − 1 + i) / 12 after the first: counted without dates.
        for (int i = 0, first = period.Start.Month - 1; i < period.Months; i++)
        {
            MonthsByYear[(first + i) / 12]++;
        }
    }

    private LocalDate[]? _monthStarts;

    internal FundingPeriod Period { get; }

    internal int FirstYear { get; }

    internal int[] Years { get; }

    /// <summary>The start of each month of the period (computed when first asked: the schedules need it, the figures do not).</summary>
    internal LocalDate[] MonthStarts => _monthStarts ??= ComputeMonthStarts(Period);

    private static LocalDate[] ComputeMonthStarts(FundingPeriod period)
    {
        var starts = new LocalDate[period.Months];
        for (int i = 0; i < starts.Length; i++)
        {
            starts[i] = period.Start.PlusMonths(i);
        }
        return starts;
    }

    internal int[] MonthsByYear { get; }

    internal int[] DaysByYear { get; }

    internal int[] DaysInYear { get; }

    internal static PeriodCalendar For(FundingPeriod period) => new(period);

    /// <summary>Each budget year's weight: its months, or its days over the days in that year (as integers: days × 366 or × 365).</summary>
    internal long[] Weights(ProrataBasis basis)
    {
        var weights = new long[Years.Length];
        for (int y = 0; y < weights.Length; y++)
        {
            weights[y] = basis == ProrataBasis.Months
                ? MonthsByYear[y]
                : (long)DaysByYear[y] * (DaysInYear[y] == 365 ? 366 : 365);
        }
        return weights;
    }
}
