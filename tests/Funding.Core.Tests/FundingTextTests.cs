namespace Funding.Core.Tests;

public class FundingTextTests
{
    [Theory]
    [InlineData("qbo")]
    [InlineData("brest-metropole")]
    [InlineData("EPCI_29.1")]
    [InlineData("2022")]
    public void Ids_OfTheAlphabet_AreValid(string id) => FundingText.IdProblem(id).ShouldBeNull();

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-a")]
    [InlineData("a b")]
    [InlineData("état")]
    [InlineData(".x")]
    [InlineData("a\tb")]
    public void Ids_OutsideTheAlphabet_AreRefused(string id) => FundingText.IdProblem(id).ShouldNotBeNull();

    [Fact]
    public void AnIdOf101Characters_IsRefused()
    {
        FundingText.IdProblem(new string('a', 100)).ShouldBeNull();
        FundingText.IdProblem(new string('a', 101)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("\u0000", 0)]
    [InlineData("a\tb", 1)]
    [InlineData("ab\r", 2)]
    [InlineData("a\u007F", 1)]
    [InlineData("a\u0085", 1)]
    [InlineData("11 593,50 \u202E€", 10)]
    [InlineData("x\u2066y", 1)]
    [InlineData("x\u061C", 1)]
    [InlineData("x\u200E", 1)]
    [InlineData("Brest\u2028Métropole", 5)]
    [InlineData("a\u2029", 1)]
    [InlineData("\uFFFF", 0)]
    public void ForbiddenCharacters_AreFoundWhereTheyAre(string text, int index)
    {
        FundingText.FirstForbidden(text).ShouldBe(index);
        FundingText.TextProblem(text).ShouldNotBeNull();
    }

    [Fact]
    public void UnpairedSurrogates_AreForbidden_PairedOnesAreText()
    {
        // Built in code: attribute strings cannot carry a lone surrogate.
        FundingText.FirstForbidden(new string([(char)0xD800, 'x'])).ShouldBe(0);
        FundingText.FirstForbidden(new string(['x', (char)0xDC00])).ShouldBe(1);
        FundingText.FirstForbidden(new string(['x', (char)0xD83D])).ShouldBe(1);
        FundingText.FirstForbidden(new string([(char)0xD83D, (char)0xDE00])).ShouldBe(-1);
    }

    [Theory]
    [InlineData("Quimper Bretagne Occidentale")]
    [InlineData("Presqu'île de Crozon-Aulne maritime")]
    [InlineData("11\u202F593,50\u00A0€")]
    [InlineData("emoji \U0001F600 paired surrogates")]
    [InlineData("عربي")]
    public void OrdinaryText_IsAllowed(string text) => FundingText.TextProblem(text).ShouldBeNull();

    [Fact]
    public void ALineFeed_IsAllowedOnlyInMultiLineText()
    {
        FundingText.TextProblem("ligne 1\nligne 2").ShouldNotBeNull();
        FundingText.TextProblem("ligne 1\nligne 2", multiLine: true).ShouldBeNull();
        FundingText.TextProblem("ligne 1\r\nligne 2", multiLine: true).ShouldNotBeNull();
    }
}
