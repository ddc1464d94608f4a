namespace Funding.Core.Tests;

public class TextRulesTests
{
    [Theory]
    [InlineData("qbo")]
    [InlineData("brest-metropole")]
    [InlineData("EPCI_29.1")]
    [InlineData("2022")]
    public void Ids_OfTheAlphabet_AreValid(string id) => TextRules.IdProblem(id).ShouldBeNull();

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-a")]
    [InlineData("a b")]
    [InlineData("état")]
    [InlineData(".x")]
    [InlineData("a\tb")]
    public void Ids_OutsideTheAlphabet_AreRefused(string id) => TextRules.IdProblem(id).ShouldNotBeNull();

    [Fact]
    public void AnIdOf101Characters_IsRefused()
    {
        TextRules.IdProblem(new string('a', 100)).ShouldBeNull();
        TextRules.IdProblem(new string('a', 101)).ShouldNotBeNull();
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
        TextRules.FirstForbidden(text).ShouldBe(index);
        TextRules.TextProblem(text).ShouldNotBeNull();
    }

    [Fact]
    public void UnpairedSurrogates_AreForbidden_PairedOnesAreText()
    {
        // Built in code: attribute strings cannot carry a lone surrogate.
        TextRules.FirstForbidden(new string([(char)0xD800, 'x'])).ShouldBe(0);
        TextRules.FirstForbidden(new string(['x', (char)0xDC00])).ShouldBe(1);
        TextRules.FirstForbidden(new string(['x', (char)0xD83D])).ShouldBe(1);
        TextRules.FirstForbidden(new string([(char)0xD83D, (char)0xDE00])).ShouldBe(-1);
    }

    [Theory]
    [InlineData("Quimper Bretagne Occidentale")]
    [InlineData("Presqu'île de Crozon-Aulne maritime")]
    [InlineData("11\u202F593,50\u00A0€")]
    [InlineData("emoji \U0001F600 paired surrogates")]
    [InlineData("عربي")]
    public void OrdinaryText_IsAllowed(string text) => TextRules.TextProblem(text).ShouldBeNull();

    [Fact]
    public void ALineFeed_IsAllowedOnlyInMultiLineText()
    {
        TextRules.TextProblem("ligne 1\nligne 2").ShouldNotBeNull();
        TextRules.TextProblem("ligne 1\nligne 2", multiLine: true).ShouldBeNull();
        TextRules.TextProblem("ligne 1\r\nligne 2", multiLine: true).ShouldNotBeNull();
    }
}

public class FundingTextProperties
{
    private static readonly char[] Alphabet =
    [
        'a', 'Z', ' ', '~', '0', 'é', 'É', 'ß', '€', '\u00A0', '\u202F', '\n', '\t', '\u0000', '\u001F', '\u007F', '\u0085', '\u009F',
        '\u061C', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\u2028', '\u2029', '\uFFFE', '\uFFFF',
        '\uD83D', '\uDE00', '\uD800', '\uDFFF', '\u4E2D',
    ];

    /// <summary>
    /// The vectorized scan finds what a plain scan of every character finds, on texts short and long (the long ones
    /// take the second skip), mostly ASCII with anything else anywhere.
    /// </summary>
    [Property(MaxTest = 2000)]
    public bool FirstForbidden_IsThePlainScansAnswer(PositiveInt seed, bool multiLine)
    {
        var random = new Random(seed.Get);
        int length = random.Next(0, 4) == 0 ? random.Next(60, 300) : random.Next(0, 40);
        var text = new char[length];
        for (int i = 0; i < length; i++)
        {
            text[i] = random.Next(0, 8) == 0 ? Alphabet[random.Next(Alphabet.Length)] : (char)random.Next(' ', '~' + 1);
        }
        return TextRules.FirstForbidden(text, multiLine) == PlainScan(text, multiLine);
    }

    /// <summary>The rule written out, character by character from the start.</summary>
    private static int PlainScan(char[] text, bool multiLine)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool control = c < ' ' ? !(multiLine && c == '\n') : c is >= '\u007F' and <= '\u009F';
            bool mark = c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
            bool separatorOrNonCharacter = c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF';
            if (control || mark || separatorOrNonCharacter)
            {
                return i;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }
}

public class FieldPathTests
{
    [Fact]
    public void APath_IsBuiltFromFieldsAndItems_AndWrittenAsText()
    {
        var path = FieldPath.Of("funders").Item(2).Field("rule").Field("members").Item(0).Field("weights").Field("population");
        path.ToString().ShouldBe("funders[2].rule.members[0].weights.population");
        path.Parent().ToString().ShouldBe("funders[2].rule.members[0].weights");
        path.Rest().ToString().ShouldBe("[2].rule.members[0].weights.population");
        path.StartsWith("funders").ShouldBeTrue();
        path.ShouldBe(FieldPath.Of("funders").Item(2).Field("rule").Append(FieldPath.Of("members").Item(0).Field("weights").Field("population")));
    }

    [Fact]
    public void AnAllocationError_IsReRootedUnderTheGroup_Structurally()
    {
        var rule = FieldPath.Of("funders").Item(2).Field("rule");
        Funding.Rules.KeyShareRule.MemberPath(rule, FieldPath.Of("parties").Item(3).Field("cap")).ToString().ShouldBe("funders[2].rule.members[3].cap");
        Funding.Rules.KeyShareRule.MemberPath(rule, FieldPath.Of("key").Field("components")).ToString().ShouldBe("funders[2].rule.key.components");
        // A field merely starting with the letters "parties" is not the parties list.
        Funding.Rules.KeyShareRule.MemberPath(rule, FieldPath.Of("partiesTotal")).ToString().ShouldBe("funders[2].rule");
    }
}
