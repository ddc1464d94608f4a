using Funding.Formatting;
using NodaTime;

namespace Funding.Core.Tests;

public class FrenchFormatTests
{
    private const string Nnbsp = "\u202F"; // thousands
    private const string Nbsp = "\u00A0"; // before € and %

    [Theory]
    [InlineData("11593.50", "11" + Nnbsp + "593,50" + Nbsp + "€")]
    [InlineData("80000", "80" + Nnbsp + "000,00" + Nbsp + "€")]
    [InlineData("207600", "207" + Nnbsp + "600,00" + Nbsp + "€")]
    [InlineData("104413", "104" + Nnbsp + "413,00" + Nbsp + "€")]
    [InlineData("0", "0,00" + Nbsp + "€")]
    [InlineData("0.01", "0,01" + Nbsp + "€")]
    [InlineData("999.99", "999,99" + Nbsp + "€")]
    [InlineData("1000", "1" + Nnbsp + "000,00" + Nbsp + "€")]
    [InlineData("-1234.5", "-1" + Nnbsp + "234,50" + Nbsp + "€")]
    [InlineData("1000000000000", "1" + Nnbsp + "000" + Nnbsp + "000" + Nnbsp + "000" + Nnbsp + "000,00" + Nbsp + "€")]
    public void Money_UsesNarrowNoBreakSpaceForThousands_AndNoBreakSpaceBeforeTheEuroSign(string euros, string expected)
    {
        FrenchFormat.Money(Money.Euros(D(euros))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("103800", "103" + Nnbsp + "800" + Nbsp + "€")]
    [InlineData("11593.50", "11" + Nnbsp + "593,50" + Nbsp + "€")]
    [InlineData("0.05", "0,05" + Nbsp + "€")]
    [InlineData("-2", "-2" + Nbsp + "€")]
    public void MoneyCompact_DropsTheCentsOfRoundFigures_AsDeliberationsDo(string euros, string expected)
    {
        FrenchFormat.MoneyCompact(Money.Euros(D(euros))).ShouldBe(expected);
    }

    [Fact]
    public void Money_CanUseOnlyNoBreakSpaces_ForOlderTools()
    {
        FrenchFormat.Money(Money.Euros(11_593.50m), FrenchSpacing.NoBreak).ShouldBe("11\u00A0593,50\u00A0€");
    }

    [Fact]
    public void Money_CanUsePlainSpaces_ForCsv()
    {
        FrenchFormat.Money(Money.Euros(11_593.50m), FrenchSpacing.Ascii).ShouldBe("11 593,50 €");
        FrenchFormat.Amount(Money.Euros(11_593.50m), FrenchSpacing.Ascii).ShouldBe("11 593,50");
        FrenchFormat.PlainAmount(Money.Euros(-11_593.50m)).ShouldBe("-11593,50");
    }

    [Fact]
    public void Characters_ArePinned_NotTakenFromTheMachinesCulture()
    {
        FrenchFormat.NarrowNoBreakSpace.ShouldBe('\u202F');
        FrenchFormat.NoBreakSpace.ShouldBe('\u00A0');
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
            FrenchFormat.Money(Money.Euros(1_234.5m)).ShouldBe("1" + Nnbsp + "234,50" + Nbsp + "€");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("50", "50" + Nbsp + "%")]
    [InlineData("38.54", "38,54" + Nbsp + "%")]
    [InlineData("12.5", "12,5" + Nbsp + "%")]
    [InlineData("100", "100" + Nbsp + "%")]
    [InlineData("0", "0" + Nbsp + "%")]
    [InlineData("12.345678", "12,345678" + Nbsp + "%")]
    public void Rate_AUsersRate_IsShownAsGiven_WithoutTrailingZeros(string percent, string expected)
    {
        FrenchFormat.Rate(Rate.Percent(D(percent))).ShouldBe(expected);
    }

    [Theory]
    [InlineData(80_000, 207_600, "38,54")]   // 38,5356… %
    [InlineData(3_740.05, 207_600, "1,80")]  // Pays de Landivisiau in the seed: 1,8015… %, never « 1,8 % » beside « 11,17 % »
    [InlineData(23_187, 207_600, "11,17")]
    [InlineData(207_600, 207_600, "100,00")]
    [InlineData(0, 207_600, "0,00")]
    [InlineData(1, 3, "33,33")]
    public void Rate_OfAComputedRatio_HasAlwaysTwoDecimals_RoundedHalfAwayFromZero(decimal part, decimal whole, string expected)
    {
        FrenchFormat.Rate(Ratio.Of(Money.Euros(part), Money.Euros(whole))).ShouldBe(expected + Nbsp + "%");
        FrenchFormat.Rate(Rate.Percent(50), spacing: FrenchSpacing.Ascii).ShouldBe("50 %");
    }

    [Theory]
    [InlineData(2022, 3, 17, "17 mars 2022")]
    [InlineData(2022, 4, 1, "1er avril 2022")]
    [InlineData(2025, 9, 1, "1er septembre 2025")]
    [InlineData(2024, 2, 29, "29 février 2024")]
    [InlineData(2023, 8, 15, "15 août 2023")]
    [InlineData(2023, 12, 31, "31 décembre 2023")]
    public void Date_IsWrittenAsInADeliberation(int year, int month, int day, string expected)
    {
        FrenchFormat.Date(new LocalDate(year, month, day)).ShouldBe(expected);
    }

    [Fact]
    public void Month_IsTheMonthNameAndYear()
    {
        FrenchFormat.Month(new YearMonth(2022, 4)).ShouldBe("avril 2022");
        FrenchFormat.MonthName(12).ShouldBe("décembre");
        Should.Throw<ArgumentOutOfRangeException>(() => FrenchFormat.MonthName(13));
    }

    [Theory]
    [InlineData("103800", 0, "103" + Nnbsp + "800")]
    [InlineData("572524", 0, "572" + Nnbsp + "524")]
    [InlineData("18.1704", 2, "18,17")]
    [InlineData("-0.5", 0, "-1")]
    public void Number_GroupsThousandsAndRoundsHalfAwayFromZero(string value, int decimals, string expected)
    {
        FrenchFormat.Number(D(value), decimals).ShouldBe(expected);
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
