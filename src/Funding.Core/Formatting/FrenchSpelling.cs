namespace Funding.Formatting;

/// <summary>Spelling convention for numbers in words.</summary>
public enum FrenchSpelling
{
    /// <summary>
    /// Traditional spelling (the default, used by most deliberations): hyphens only between tens and units below
    /// one hundred, "et" without hyphens: « vingt et un », « deux cent quatre-vingt-trois mille ».
    /// </summary>
    Traditional,

    /// <summary>
    /// The 1990 rectified spelling: hyphens between every numeral word, « vingt-et-un »,
    /// « deux-cent-quatre-vingt-trois-mille ». « million », « milliard » and « billion » are nouns, not numerals, and
    /// keep their spaces: « trois millions deux-cent-mille ».
    /// </summary>
    Rectified1990,
}
