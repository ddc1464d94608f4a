namespace Funding;

/// <summary>The languages Funding speaks to people: French, the default, and English for foreign callers.</summary>
public enum MessageLanguage
{
    /// <summary>French, the language of the plans, the reports and the default of every message.</summary>
    French,

    /// <summary>English, for callers that ask for it (<c>Accept-Language: en</c>).</summary>
    English,
}
