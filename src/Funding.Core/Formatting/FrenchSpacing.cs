namespace Funding.Formatting;

/// <summary>Which space characters French figures use (thousands separator, and before € and %).</summary>
/// <remarks>
/// French typography puts a narrow no-break space (U+202F, "espace fine insécable") between groups of thousands and
/// a no-break space (U+00A0, "espace insécable") before the unit. That is <see cref="Typographic"/>, the default: it is
/// what .NET's fr-FR culture emits today and what a word processor keeps on one line. Funding writes these characters
/// itself rather than relying on the machine's culture data, which has changed between versions (older data used
/// U+00A0 for thousands).
/// </remarks>
public enum FrenchSpacing
{
    /// <summary>U+202F between thousands, U+00A0 before € and % (the default, for reports).</summary>
    Typographic,

    /// <summary>U+00A0 everywhere, as older data and some tools expect.</summary>
    NoBreak,

    /// <summary>Plain ASCII spaces (U+0020) everywhere, for CSV files and spreadsheets.</summary>
    Ascii,
}
