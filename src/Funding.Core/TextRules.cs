using System.Globalization;
using System.Text;

namespace Funding;

/// <summary>
/// The character rules for the text of a plan or an allocation: ids follow a small alphabet; names, labels and
/// descriptions are any Unicode text except characters that can disguise what a report shows.
/// </summary>
/// <remarks>
/// <para>
/// Refused everywhere: control characters (U+0000–U+001F, U+007F–U+009F) except the line feed of a multi-line
/// description; the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which can make a
/// figure read backwards; the line and paragraph separators U+2028 and U+2029; unpaired surrogates; and the
/// non-characters U+FFFE and U+FFFF.
/// </para>
/// <para>
/// An id is 1 to 100 characters among ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter
/// or a digit (<c>qbo</c>, <c>brest-metropole</c>, <c>EPCI_29.1</c>): it can go into a file name, a URL, a
/// spreadsheet cell or a formula-free CSV field as it is.
/// </para>
/// </remarks>
public static class TextRules
{
    /// <summary>The longest id, in characters.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Why <paramref name="id"/> is not a valid id, or null when it is.</summary>
    /// <param name="id">The id.</param>
    /// <returns>A message naming the first offending character, or null.</returns>
    public static FundingMessage? IdProblem(string id)
    {
        Preconditions.CheckNotNull(id);
        if (id.Length == 0)
        {
            return new(ErrorCodes.TextEmpty, "L'identifiant ne doit pas être vide.", "The id must not be empty.");
        }
        if (id.Length > MaxIdLength)
        {
            return new(ErrorCodes.TextTooLong,
                $"L'identifiant compte {Count(id.Length)} caractères, au-delà de la limite de {Count(MaxIdLength)}.",
                $"The id is {Count(id.Length)} characters long, beyond the limit of {Count(MaxIdLength)}.");
        }
        if (!char.IsAsciiLetterOrDigit(id[0]))
        {
            return new(ErrorCodes.IdInvalid,
                $"Un identifiant commence par une lettre ou un chiffre, pas par {Describe(id, 0)}.",
                $"An id must start with a letter or a digit, not {Describe(id, 0)}.");
        }
        for (int i = 1; i < id.Length; i++)
        {
            char c = id[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return new(ErrorCodes.IdInvalid,
                    $"Un identifiant ne contient que les lettres A–Z et a–z, des chiffres, « - », « _ » et « . » : {Describe(id, i)} en position {Count(i + 1)} n'est pas admis.",
                    $"An id may hold only the letters A–Z and a–z, digits, '-', '_' and '.': {Describe(id, i)} at position {Count(i + 1)} is not allowed.");
            }
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="text"/> is not a valid name or label — one line of at most
    /// <see cref="FundingLimits.MaxTextLength"/> characters without forbidden characters — or null when it is. The one
    /// rule for names, key labels and weight names, in plans and allocations alike.
    /// </summary>
    /// <param name="text">The name or label.</param>
    /// <param name="what">What the text is: « le nom », « le libellé ».</param>
    /// <returns>A message, or null.</returns>
    public static FundingMessage? NameProblem(string text, Subject what)
    {
        Preconditions.CheckNotNull(text);
        return text.Length > FundingLimits.MaxTextLength
            ? TooLong(what, text.Length, FundingLimits.MaxTextLength)
            : TextProblem(text);
    }

    /// <summary>The message for a text longer than its limit.</summary>
    /// <param name="what">What the text is.</param>
    /// <param name="length">Its length, in characters.</param>
    /// <param name="limit">The limit, in characters.</param>
    /// <returns>The message.</returns>
    public static FundingMessage TooLong(Subject what, int length, int limit) => new(ErrorCodes.TextTooLong,
        $"{what.FrenchCapitalized} compte {Count(length)} caractères, au-delà de la limite de {Count(limit)}.",
        $"{what.EnglishCapitalized} is {Count(length)} characters long, beyond the limit of {Count(limit)}.");

    /// <summary>The message for a required text that is empty or blank.</summary>
    /// <param name="what">What the text is.</param>
    /// <returns>The message.</returns>
    public static FundingMessage Empty(Subject what) => new(ErrorCodes.TextEmpty,
        $"{what.FrenchCapitalized} ne doit pas être vide.",
        $"{what.EnglishCapitalized} must not be empty.");

    /// <summary>Why <paramref name="text"/> holds a forbidden character, or null when it holds none.</summary>
    /// <param name="text">A name, label or description.</param>
    /// <param name="multiLine">Whether line feeds are allowed (a description); names and labels are one line.</param>
    /// <returns>A message naming the first offending character and its position, or null.</returns>
    public static FundingMessage? TextProblem(string text, bool multiLine = false)
    {
        Preconditions.CheckNotNull(text);
        int index = FirstForbidden(text, multiLine);
        return index < 0
            ? null
            : new(ErrorCodes.TextForbiddenCharacter,
                $"Le texte contient {Describe(text, index)} en position {Count(index + 1)} : les caractères de contrôle, les contrôles de direction, les séparateurs de ligne et les demi-caractères isolés ne sont pas admis{(multiLine ? "" : " (un nom ou un libellé tient sur une ligne)")}.",
                $"The text holds {Describe(text, index)} at position {Count(index + 1)}: control characters, bidirectional controls, line separators and unpaired surrogates are not allowed{(multiLine ? "" : " (a name or a label is a single line)")}.");
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The index of the first forbidden character, or −1.</summary>
    /// <param name="text">The text.</param>
    /// <param name="multiLine">Whether line feeds are allowed.</param>
    /// <returns>The index, or −1 when every character is allowed.</returns>
    public static int FirstForbidden(ReadOnlySpan<char> text, bool multiLine = false)
    {
        // Vectorized: the first character that may be forbidden (a control, a direction mark, a separator, a surrogate).
        // Most texts have none and stop here; from the first candidate on, each character is examined.
        int start = text.IndexOfAny(Candidates);
        if (start < 0)
        {
            return -1;
        }
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x20 ? !(multiLine && c == '\n') : IsForbiddenAbove0x20(c))
            {
                return i;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Every character <see cref="FirstForbidden"/> may refuse: controls (the line feed included), marks, separators, surrogates.</summary>
    private static readonly System.Buffers.SearchValues<char> Candidates = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c < 0x20 || IsForbiddenAbove0x20(c) || char.IsSurrogate(c))]);

    private static bool IsForbiddenAbove0x20(char c) =>
        c is (>= '\u007F' and <= '\u009F') or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E')
            or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF';

    private static string Describe(string text, int index)
    {
        char c = text[index];
        var name = new StringBuilder("U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return c is >= ' ' and < '\u007F' ? $"'{c}'" : name.ToString();
    }
}
