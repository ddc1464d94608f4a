using System.Globalization;
using Humanizer;

namespace Funding.Formatting;

/// <summary>
/// Amounts in words as deliberations write them: « onze mille cinq cent quatre-vingt-treize euros et cinquante
/// centimes ».
/// </summary>
/// <remarks>
/// <para>
/// The numbers themselves come from Humanizer's French resources, whose output is checked by tests on the traps of
/// French numerals: « quatre-vingts » but « quatre-vingt mille » and « quatre-vingt-un »; « deux cents » but
/// « deux cent un » and « deux cent mille »; « mille » invariable; « vingt et un », « soixante et onze »;
/// « un million », « deux millions ».
/// </para>
/// <para>
/// Funding adds the currency: « un euro », « deux euros », « un centime »; « d'euros » after million, milliard and
/// billion (« un million d'euros », « deux milliards d'euros »); « zéro euro » for nothing; « moins » before a negative
/// amount.
/// </para>
/// </remarks>
public static class FrenchWords
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private static readonly HashSet<string> Nouns = new(StringComparer.Ordinal)
    {
        "million", "millions", "milliard", "milliards", "billion", "billions",
    };

    /// <summary>A whole number in words: 80 000 → « quatre-vingt mille ».</summary>
    /// <param name="value">The number, between −10¹⁵ and 10¹⁵.</param>
    /// <param name="spelling">The spelling convention.</param>
    /// <returns>The number in French words.</returns>
    public static string Number(long value, FrenchSpelling spelling = FrenchSpelling.Traditional)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, -1_000_000_000_000_000L, 1_000_000_000_000_000L);
        if (value < 0)
        {
            return "moins " + Number(-value, spelling);
        }
        string words = value.ToWords(French);
        return spelling == FrenchSpelling.Rectified1990 ? Hyphenate(words) : words;
    }

    /// <summary>An amount in words: 11 593,50 € → « onze mille cinq cent quatre-vingt-treize euros et cinquante centimes ».</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="spelling">The spelling convention.</param>
    /// <returns>The amount in French words, with « euro(s) » and « centime(s) ».</returns>
    public static string Amount(Money amount, FrenchSpelling spelling = FrenchSpelling.Traditional)
    {
        if (amount.IsNegative)
        {
            return "moins " + Amount(-amount, spelling);
        }
        long euros = amount.EurosPart;
        int cents = amount.CentsPart;
        if (euros == 0 && cents == 0)
        {
            return "zéro euro";
        }

        string? euroWords = null;
        if (euros > 0)
        {
            string number = Number(euros, spelling);
            string unit = euros == 1 ? "euro" : "euros";
            euroWords = EndsWithNoun(number) ? $"{number} d'{unit}" : $"{number} {unit}";
        }
        string? centWords = cents > 0 ? $"{Number(cents, spelling)} {(cents == 1 ? "centime" : "centimes")}" : null;

        return (euroWords, centWords) switch
        {
            (not null, not null) => $"{euroWords} et {centWords}",
            (not null, null) => euroWords,
            _ => centWords!,
        };
    }

    private static bool EndsWithNoun(string words)
    {
        int lastSpace = words.LastIndexOf(' ');
        return Nouns.Contains(lastSpace < 0 ? words : words[(lastSpace + 1)..]);
    }

    private static string Hyphenate(string words)
    {
        string[] tokens = words.Split(' ');
        var builder = new System.Text.StringBuilder(words.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i > 0)
            {
                bool nounBoundary = Nouns.Contains(tokens[i - 1]) || Nouns.Contains(tokens[i]);
                builder.Append(nounBoundary ? ' ' : '-');
            }
            builder.Append(tokens[i]);
        }
        return builder.ToString();
    }
}
