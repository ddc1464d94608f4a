using System.Globalization;
using NodaTime;

namespace Funding.Formatting;

/// <summary>
/// Figures as French council reports write them: <c>11 593,50 €</c>, <c>38,54 %</c>, <c>17 mars 2022</c>.
/// </summary>
/// <remarks>
/// <para>
/// The characters are pinned in code (<see cref="NarrowNoBreakSpace"/>, <see cref="NoBreakSpace"/>, the decimal
/// comma, the month names), so the output does not depend on the machine's culture data. See
/// <see cref="FrenchSpacing"/> for the choice of spaces.
/// </para>
/// <para>
/// Percentages are displayed with at most two decimal places, rounded with <see cref="RoundingPolicy.Default"/>
/// (38,535 % → 38,54 %), and without trailing zeros (50 %, 12,5 %). Amounts always show their two decimal places.
/// Negative numbers start with a hyphen-minus (<c>-1 234,50 €</c>), which spreadsheets read back.
/// </para>
/// </remarks>
public static class FrenchFormat
{
    /// <summary>U+202F NARROW NO-BREAK SPACE, the French thousands separator.</summary>
    public const char NarrowNoBreakSpace = '\u202F';

    /// <summary>U+00A0 NO-BREAK SPACE, put before € and %.</summary>
    public const char NoBreakSpace = '\u00A0';

    /// <summary>The euro sign.</summary>
    public const char EuroSign = '€';

    private static readonly string[] MonthNames =
    [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    /// <summary>Formats an amount with its unit: <c>11 593,50 €</c>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>The formatted amount.</returns>
    public static string Money(Money amount, FrenchSpacing spacing = FrenchSpacing.Typographic)
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        TryFormatMoney(amount, buffer, out int length, spacing);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// The most characters <see cref="TryFormatMoney"/> and <see cref="TryFormatRate(Ratio, Span{char}, out int, FrenchSpacing)"/>
    /// write: a buffer this long always holds their text.
    /// </summary>
    public const int MaxFormattedLength = MaxNumberLength + 2;

    /// <summary>
    /// Writes <see cref="Money(Funding.Money, FrenchSpacing)"/>'s text into <paramref name="destination"/>, for a writer that
    /// copies it on (a JSON answer) and keeps no string.
    /// </summary>
    /// <param name="amount">The amount.</param>
    /// <param name="destination">Where the text goes; at least <see cref="MaxFormattedLength"/> long is always enough.</param>
    /// <param name="charsWritten">The length of the text written.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>False, with nothing written, when <paramref name="destination"/> is too short.</returns>
    public static bool TryFormatMoney(Money amount, Span<char> destination, out int charsWritten, FrenchSpacing spacing = FrenchSpacing.Typographic)
    {
        if (destination.Length < MaxAmountLength + 2)
        {
            charsWritten = 0;
            return false;
        }
        int length = WriteAmount(destination, amount, spacing);
        destination[length++] = UnitSpace(spacing);
        destination[length++] = EuroSign;
        charsWritten = length;
        return true;
    }

    /// <summary>
    /// Formats an amount as deliberations often write round figures: without the cents when there are none
    /// (<c>103 800 €</c>), with them otherwise (<c>11 593,50 €</c>).
    /// </summary>
    /// <param name="amount">The amount.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>The formatted amount.</returns>
    public static string MoneyCompact(Money amount, FrenchSpacing spacing = FrenchSpacing.Typographic)
    {
        string full = Money(amount, spacing);
        return amount.CentsPart == 0 ? full.Remove(full.Length - 5, 3) : full;
    }

    /// <summary>Formats an amount without its unit, for table cells: <c>11 593,50</c>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>The formatted number.</returns>
    public static string Amount(Money amount, FrenchSpacing spacing = FrenchSpacing.Typographic)
    {
        Span<char> buffer = stackalloc char[MaxAmountLength];
        return new string(buffer[..WriteAmount(buffer, amount, spacing)]);
    }

    /// <summary>
    /// Formats an exact intermediate amount, which may have more than two decimals: <c>8 695,125 €</c>. Up to four
    /// decimals are shown exactly; beyond that the value is truncated and followed by an ellipsis (<c>33,3333… €</c>),
    /// so that nothing looks rounded when it is not.
    /// </summary>
    /// <param name="euros">The exact amount in euros.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>The formatted amount with at least two decimals.</returns>
    public static string ExactMoney(decimal euros, FrenchSpacing spacing = FrenchSpacing.Typographic)
    {
        decimal shown = decimal.Round(euros, 4, MidpointRounding.ToZero);
        Span<char> buffer = stackalloc char[MaxNumberLength + 5];
        int length = WriteNumber(buffer, shown, 4, spacing, trimZeros: true);
        int comma = buffer[..length].IndexOf(',');
        if (comma < 0)
        {
            buffer[length++] = ',';
            comma = length - 1;
        }
        while (length < comma + 3)
        {
            buffer[length++] = '0';
        }
        if (shown != euros)
        {
            buffer[length++] = '…';
        }
        buffer[length++] = UnitSpace(spacing);
        buffer[length++] = EuroSign;
        return new string(buffer[..length]);
    }

    /// <summary>Formats an amount for a spreadsheet cell: decimal comma, no grouping, no unit (<c>11593,50</c>).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The formatted number.</returns>
    public static string PlainAmount(Money amount) =>
        amount.Amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Formats a number for a spreadsheet cell: decimal comma, no grouping (<c>38,54</c>), rounded with <see cref="RoundingPolicy.Default"/>.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Decimal places, 0 to 6.</param>
    /// <returns>The formatted number.</returns>
    public static string PlainNumber(decimal value, int decimals)
    {
        Preconditions.CheckArgumentRange(nameof(decimals), decimals, 0, 6);
        return RoundingPolicy.Default.Round(value, decimals)
            .ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .Replace('.', ',');
    }

    /// <summary>
    /// Formats a rate a user gave, as given: <c>50 %</c>, <c>34,68 %</c>, <c>12,345678 %</c> (trailing zeros dropped:
    /// « l'État finance 50 % du poste »).
    /// </summary>
    /// <param name="rate">The rate.</param>
    /// <param name="maxDecimals">Decimal places shown at most (0 to 6); trailing zeros are dropped.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>The formatted percentage.</returns>
    public static string Rate(Rate rate, int maxDecimals = 6, FrenchSpacing spacing = FrenchSpacing.Typographic) =>
        Percent(rate.PercentValue, maxDecimals, spacing, trimZeros: true);

    /// <summary>
    /// Formats a computed ratio — a share of the cost, an effective rate, a share of a key — always with two decimals,
    /// rounded half away from zero: <c>38,54 %</c>, <c>1,80 %</c>, <c>100,00 %</c>. The one rule for computed
    /// percentages, in sentences, reports and the API's formatted figures alike.
    /// </summary>
    /// <param name="ratio">The ratio.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>The formatted percentage.</returns>
    public static string Rate(Ratio ratio, FrenchSpacing spacing = FrenchSpacing.Typographic) =>
        Percent(ratio.PercentValue, 2, spacing, trimZeros: false);

    /// <summary>
    /// Writes <see cref="Rate(Ratio, FrenchSpacing)"/>'s text into <paramref name="destination"/>, for a writer that copies
    /// it on (a JSON answer) and keeps no string.
    /// </summary>
    /// <param name="ratio">The ratio.</param>
    /// <param name="destination">Where the text goes; at least <see cref="MaxFormattedLength"/> long is always enough.</param>
    /// <param name="charsWritten">The length of the text written.</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <returns>False, with nothing written, when <paramref name="destination"/> is too short.</returns>
    public static bool TryFormatRate(Ratio ratio, Span<char> destination, out int charsWritten, FrenchSpacing spacing = FrenchSpacing.Typographic)
    {
        if (destination.Length < MaxFormattedLength)
        {
            charsWritten = 0;
            return false;
        }
        charsWritten = WritePercent(destination, ratio.PercentValue, 2, spacing, trimZeros: false);
        return true;
    }

    /// <summary>A number followed by « % », written once into one string.</summary>
    private static string Percent(decimal percent, int decimals, FrenchSpacing spacing, bool trimZeros)
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        return new string(buffer[..WritePercent(buffer, percent, decimals, spacing, trimZeros)]);
    }

    /// <summary>Writes a number followed by « % » into the buffer (at least <see cref="MaxFormattedLength"/> long); returns its length.</summary>
    private static int WritePercent(Span<char> destination, decimal percent, int decimals, FrenchSpacing spacing, bool trimZeros)
    {
        Preconditions.CheckArgumentRange(nameof(decimals), decimals, 0, 6);
        int length = WriteNumber(destination, percent, decimals, spacing, trimZeros);
        destination[length++] = UnitSpace(spacing);
        destination[length++] = '%';
        return length;
    }

    /// <summary>Formats a number with French grouping and decimal comma: <c>103 800</c>, <c>18,17</c>.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Decimal places, rounded with <see cref="RoundingPolicy.Default"/> (0 to 6).</param>
    /// <param name="spacing">The space characters to use.</param>
    /// <param name="trimZeros">Whether to drop trailing zeros after the comma (and the comma itself).</param>
    /// <returns>The formatted number.</returns>
    public static string Number(decimal value, int decimals = 0, FrenchSpacing spacing = FrenchSpacing.Typographic, bool trimZeros = false)
    {
        Preconditions.CheckArgumentRange(nameof(decimals), decimals, 0, 6);
        Span<char> buffer = stackalloc char[MaxNumberLength];
        return new string(buffer[..WriteNumber(buffer, value, decimals, spacing, trimZeros)]);
    }

    /// <summary>The longest formatted number: a sign, 29 digits, 9 separators, a comma and 6 decimals.</summary>
    private const int MaxNumberLength = 46;

    /// <summary>Writes <see cref="Number"/>'s text into the buffer (at least <see cref="MaxNumberLength"/> long); returns its length.</summary>
    private static int WriteNumber(Span<char> destination, decimal value, int decimals, FrenchSpacing spacing, bool trimZeros)
    {
        decimal rounded = RoundingPolicy.Default.Round(value, decimals);
        int length = 0;
        if (rounded < 0m)
        {
            destination[length++] = '-';
            rounded = -rounded;
        }
        decimal integerPart = decimal.Truncate(rounded);
        length += WriteGrouped(destination[length..], integerPart, GroupSpace(spacing));
        if (decimals > 0)
        {
            // The fraction is already rounded to 'decimals' places: scaling it gives an exact integer.
            long fraction = decimal.ToInt64((rounded - integerPart) * DecimalPowersOfTen[decimals]);
            Span<char> fractionDigits = stackalloc char[decimals];
            for (int i = decimals - 1; i >= 0; i--)
            {
                fractionDigits[i] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }
            int kept = decimals;
            if (trimZeros)
            {
                while (kept > 0 && fractionDigits[kept - 1] == '0')
                {
                    kept--;
                }
            }
            if (kept > 0)
            {
                destination[length++] = ',';
                fractionDigits[..kept].CopyTo(destination[length..]);
                length += kept;
            }
        }
        return length;
    }

    /// <summary>Formats a date as in a deliberation: <c>17 mars 2022</c>, <c>1er avril 2022</c>.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns>The date in words, with "1er" for the first day of a month as French usage requires.</returns>
    public static string Date(LocalDate date)
    {
        Span<char> buffer = stackalloc char[32];
        int length;
        if (date.Day == 1)
        {
            "1er".CopyTo(buffer);
            length = 3;
        }
        else
        {
            date.Day.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture);
        }
        buffer[length++] = ' ';
        return new string(buffer[..(length + WriteMonth(buffer[length..], date.Month, date.Year))]);
    }

    /// <summary>Formats a month: <c>avril 2022</c>.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The month name and year.</returns>
    public static string Month(YearMonth month)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..WriteMonth(buffer, month.Month, month.Year)]);
    }

    /// <summary>Writes « mars 2022 » into the buffer (at least 21 long); returns its length.</summary>
    private static int WriteMonth(Span<char> destination, int month, int year)
    {
        string name = MonthNames[month - 1];
        name.CopyTo(destination);
        destination[name.Length] = ' ';
        year.TryFormat(destination[(name.Length + 1)..], out int written, default, CultureInfo.InvariantCulture);
        return name.Length + 1 + written;
    }

    /// <summary>The French name of a month, from 1 (janvier) to 12 (décembre).</summary>
    /// <param name="month">The month number.</param>
    /// <returns>The lower-case month name.</returns>
    public static string MonthName(int month)
    {
        Preconditions.CheckArgumentRange(nameof(month), month, 1, 12);
        return MonthNames[month - 1];
    }

    private static char GroupSpace(FrenchSpacing spacing) => spacing switch
    {
        FrenchSpacing.Typographic => NarrowNoBreakSpace,
        FrenchSpacing.NoBreak => NoBreakSpace,
        _ => ' ',
    };

    private static char UnitSpace(FrenchSpacing spacing) => spacing == FrenchSpacing.Ascii ? ' ' : NoBreakSpace;

    /// <summary>The longest formatted amount: a sign, 13 digits, 4 separators, a comma and 2 decimals.</summary>
    private const int MaxAmountLength = 24;

    private static readonly decimal[] DecimalPowersOfTen = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m];

    /// <summary>Writes « -11 593,50 » into the buffer, from the integer count of cents; returns the length.</summary>
    private static int WriteAmount(Span<char> destination, Money amount, FrenchSpacing spacing)
    {
        Span<char> buffer = stackalloc char[MaxAmountLength];
        long cents = amount.TotalCents;
        ulong magnitude = (ulong)Math.Abs(cents);
        ulong euros = magnitude / 100;
        int centsPart = (int)(magnitude % 100);
        int position = buffer.Length;
        buffer[--position] = (char)('0' + (centsPart % 10));
        buffer[--position] = (char)('0' + (centsPart / 10));
        buffer[--position] = ',';
        char separator = GroupSpace(spacing);
        int written = 0;
        do
        {
            if (written > 0 && written % 3 == 0)
            {
                buffer[--position] = separator;
            }
            buffer[--position] = (char)('0' + (int)(euros % 10));
            euros /= 10;
            written++;
        }
        while (euros > 0);
        if (cents < 0)
        {
            buffer[--position] = '-';
        }
        buffer[position..].CopyTo(destination);
        return buffer.Length - position;
    }

    /// <summary>Writes a non-negative integer with thousands separators; returns the length.</summary>
    private static int WriteGrouped(Span<char> destination, decimal nonNegativeInteger, char separator)
    {
        Span<char> digits = stackalloc char[29];
        nonNegativeInteger.TryFormat(digits, out int count, "0", CultureInfo.InvariantCulture);
        digits = digits[..count];
        int length = 0;
        int firstGroup = digits.Length % 3;
        if (firstGroup == 0)
        {
            firstGroup = 3;
        }
        for (int i = 0; i < digits.Length; i++)
        {
            if (i >= firstGroup && (i - firstGroup) % 3 == 0)
            {
                destination[length++] = separator;
            }
            destination[length++] = digits[i];
        }
        return length;
    }
}
