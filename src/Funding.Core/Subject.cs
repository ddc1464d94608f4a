namespace Funding;

/// <summary>
/// What a message is about, named in both languages with its article: « le plafond » / "the cap". Messages are built
/// from a subject so that one rule (an amount must not be negative) has one code and one sentence, whatever it is about.
/// </summary>
/// <param name="French">The French noun phrase, lower case, with its article: « le plafond », « la base éligible ».</param>
/// <param name="English">The English noun phrase, lower case: "the cap".</param>
public readonly record struct Subject(string French, string English)
{
    /// <summary>The French phrase with a capital letter, to start a sentence.</summary>
    public string FrenchCapitalized => char.ToUpperInvariant(French[0]) + French[1..];

    /// <summary>The English phrase with a capital letter, to start a sentence.</summary>
    public string EnglishCapitalized => char.ToUpperInvariant(English[0]) + English[1..];
}
