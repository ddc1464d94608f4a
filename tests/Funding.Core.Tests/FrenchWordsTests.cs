using Funding.Formatting;

namespace Funding.Core.Tests;

public class FrenchWordsTests
{
    [Theory]
    [InlineData("11593.50", "onze mille cinq cent quatre-vingt-treize euros et cinquante centimes")]
    [InlineData("80000", "quatre-vingt mille euros")]
    [InlineData("1", "un euro")]
    [InlineData("200", "deux cents euros")]
    [InlineData("1000000", "un million d'euros")]
    [InlineData("0.01", "un centime")]
    [InlineData("0.50", "cinquante centimes")]
    [InlineData("0", "zéro euro")]
    [InlineData("2", "deux euros")]
    [InlineData("1.01", "un euro et un centime")]
    [InlineData("280", "deux cent quatre-vingts euros")]
    [InlineData("200000", "deux cent mille euros")]
    [InlineData("103800", "cent trois mille huit cents euros")]
    [InlineData("207600", "deux cent sept mille six cents euros")]
    [InlineData("23187", "vingt-trois mille cent quatre-vingt-sept euros")]
    [InlineData("21", "vingt et un euros")]
    [InlineData("71", "soixante et onze euros")]
    [InlineData("81", "quatre-vingt-un euros")]
    [InlineData("91", "quatre-vingt-onze euros")]
    [InlineData("2000000", "deux millions d'euros")]
    [InlineData("3000000000", "trois milliards d'euros")]
    [InlineData("2000001", "deux millions un euros")]
    [InlineData("1000000.50", "un million d'euros et cinquante centimes")]
    [InlineData("3200000", "trois millions deux cent mille euros")]
    [InlineData("-12", "moins douze euros")]
    public void Amount_FollowsTraditionalSpelling(string euros, string expected)
    {
        FrenchWords.Amount(Money.Euros(D(euros))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("21", "vingt-et-un euros")]
    [InlineData("71", "soixante-et-onze euros")]
    [InlineData("80000", "quatre-vingt-mille euros")]
    [InlineData("11593.50", "onze-mille-cinq-cent-quatre-vingt-treize euros et cinquante centimes")]
    [InlineData("3200000", "trois millions deux-cent-mille euros")]
    [InlineData("1000000", "un million d'euros")]
    [InlineData("200", "deux-cents euros")]
    public void Amount_CanFollowThe1990Spelling(string euros, string expected)
    {
        FrenchWords.Amount(Money.Euros(D(euros)), FrenchSpelling.Rectified1990).ShouldBe(expected);
    }

    [Theory]
    [InlineData(80, "quatre-vingts")]
    [InlineData(80_080, "quatre-vingt mille quatre-vingts")]
    [InlineData(1_080, "mille quatre-vingts")]
    [InlineData(2_000, "deux mille")]
    [InlineData(21_000, "vingt et un mille")]
    [InlineData(100, "cent")]
    [InlineData(101, "cent un")]
    [InlineData(1_000_000_000_000, "un billion")]
    public void Number_HandlesTheTrapsOfFrenchNumerals(long value, string expected)
    {
        FrenchWords.Number(value).ShouldBe(expected);
    }

    [Fact]
    public void Number_RejectsValuesBeyondItsRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FrenchWords.Number(long.MaxValue));
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
