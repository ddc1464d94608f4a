using System.Globalization;
using System.Text;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using NodaTime;
using NodaTime.Text;

namespace Funding.Api.Tests;

/// <summary>Every date NodaTime holds (years −9998 to 9999), one time in two within the years plans use.</summary>
public static class IsoDateArbitraries
{
    private static readonly LocalDate First = LocalDate.MinIsoValue;
    private static readonly int Days = Period.Between(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, PeriodUnits.Days).Days;

    public static Arbitrary<LocalDate> Date() =>
        Gen.Frequency(
                (1, Gen.Choose(0, Days).Select(d => First.PlusDays(d))),
                (1, Gen.Choose(0, 200 * 366).Select(d => new LocalDate(1900, 1, 1).PlusDays(d))))
            .ToArbitrary();
}

/// <summary>
/// The dates and months the answers write as bytes (<see cref="IsoLocalDateConverter.Utf8"/>,
/// <see cref="PlanResultMapping.MonthUtf8"/>) are NodaTime's own ISO text, for every date it holds.
/// </summary>
[Properties(Arbitrary = [typeof(IsoDateArbitraries)], MaxTest = 5_000)]
public class IsoTextProperties
{
    [Property]
    public void ADate_IsWrittenAsNodaTimesIsoPattern(LocalDate date)
    {
        Span<byte> text = stackalloc byte[IsoLocalDateConverter.MaxUtf8Length];
        Encoding.ASCII.GetString(text[..IsoLocalDateConverter.Utf8(date, text)]).ShouldBe(LocalDatePattern.Iso.Format(date));
    }

    [Property]
    public void AMonth_IsWrittenAsNodaTimesYearMonthText(LocalDate date)
    {
        var month = date.ToYearMonth();
        Span<byte> text = stackalloc byte[IsoLocalDateConverter.MaxUtf8Length];
        Encoding.ASCII.GetString(text[..PlanResultMapping.MonthUtf8(month, text)]).ShouldBe(month.ToString("uuuu'-'MM", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2022, 4, 1, "2022-04-01")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    [InlineData(0, 6, 15, "0000-06-15")]
    [InlineData(-44, 3, 15, "-0044-03-15")]
    public void TheEdgesOfTheShortPath_AndBeyond(int year, int month, int day, string expected)
    {
        Span<byte> text = stackalloc byte[IsoLocalDateConverter.MaxUtf8Length];
        Encoding.ASCII.GetString(text[..IsoLocalDateConverter.Utf8(new LocalDate(year, month, day), text)]).ShouldBe(expected);
    }
}
