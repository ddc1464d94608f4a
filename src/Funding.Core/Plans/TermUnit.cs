namespace Funding.Plans;

/// <summary>The unit of an <see cref="ExplanationTerm"/>.</summary>
public enum TermUnit
{
    /// <summary>Euros.</summary>
    Euros,

    /// <summary>A percentage (50 means 50 %).</summary>
    Percent,

    /// <summary>A number of months.</summary>
    Months,

    /// <summary>A number of days.</summary>
    Days,

    /// <summary>A weight in an allocation key (a population…).</summary>
    Weight,

    /// <summary>A plain count.</summary>
    Count,
}
