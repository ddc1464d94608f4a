using System.Globalization;
using Funding.Formatting;
using NodaTime;

namespace Funding.Core.Tests;

/// <summary>
/// FrenchFormat's figures against an independent formatting: .NET's own "N" format with French separators, after
/// rounding half away from zero (numbers) or toward zero (exact amounts). Every value, every number of decimals.
/// </summary>
public class FrenchFormatProperties
{
    private static readonly NumberFormatInfo French = new()
    {
        NumberGroupSeparator = "\u202F",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
        NumberGroupSizes = [3],
    };

    /// <summary>A decimal with up to 8 decimal places and up to 18 digits.</summary>
    private static decimal Value(long digits, byte scale) => (decimal)(digits % 1_000_000_000_000_000_000L) / Powers[scale % 9];

    private static readonly decimal[] Powers = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m];

    private static string Independent(decimal value, int decimals, bool trimZeros)
    {
        decimal rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        string text = (rounded == 0m ? 0m : rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), French);
        return trimZeros && text.Contains(',', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd(',') : text;
    }

    [Property(MaxTest = 2000)]
    public bool Number_IsTheNFormat_WithFrenchSeparators(long digits, byte scale, byte decimals, bool trimZeros)
    {
        decimal value = Value(digits, scale);
        int places = decimals % 7;
        return FrenchFormat.Number(value, places, FrenchSpacing.Typographic, trimZeros) == Independent(value, places, trimZeros);
    }

    [Property(MaxTest = 2000)]
    public bool RateOfARatio_IsItsPercentWithTwoDecimals(long part, long whole)
    {
        var ratio = Ratio.Of(part % 1_000_000_000_000L, 1 + Math.Abs(whole % 1_000_000_000_000L));
        return FrenchFormat.Rate(ratio) == Independent(ratio.PercentValue, 2, trimZeros: false) + "\u00A0%";
    }

    [Property(MaxTest = 2000)]
    public bool ExactMoney_ShowsFourDecimalsAtMost_TruncatedWithAnEllipsis_AndTwoAtLeast(long digits, byte scale)
    {
        decimal euros = Value(digits, scale);
        decimal shown = Math.Round(euros, 4, MidpointRounding.ToZero);
        string text = (shown == 0m ? 0m : shown).ToString("N4", French).TrimEnd('0');
        text = text.EndsWith(',') ? text + "00" : text.Length - text.IndexOf(',', StringComparison.Ordinal) == 2 ? text + "0" : text;
        return FrenchFormat.ExactMoney(euros) == text + (shown == euros ? "" : "…") + "\u00A0€";
    }

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    [Property(MaxTest = 2000)]
    public bool Date_IsDayMonthYear_WithTheFirstAs1er(ushort days)
    {
        var date = new LocalDate(1990, 1, 1).PlusDays(days % 40_000);
        string day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return FrenchFormat.Date(date) == $"{day} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}"
            && FrenchFormat.Month(new YearMonth(date.Year, date.Month)) == $"{Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }
}
