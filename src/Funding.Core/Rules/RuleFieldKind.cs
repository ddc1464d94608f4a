namespace Funding.Rules;

/// <summary>What a rule's field holds, which decides how it is read, written, described and edited.</summary>
public enum RuleFieldKind
{
    /// <summary>An amount in euros, a JSON number with at most two decimals.</summary>
    Money,

    /// <summary>A percentage, a JSON number from 0 to 100 with at most six decimals (50 means 50 %).</summary>
    Percent,

    /// <summary>A list of percentages, one per year of the post.</summary>
    PercentList,

    /// <summary>The id of another funder of the plan.</summary>
    FunderId,

    /// <summary>One of a fixed set of values (<see cref="RuleField.Choices"/>), a JSON string.</summary>
    Choice,

    /// <summary>Amounts by budget year: a list of <c>{"year", "amount"}</c>.</summary>
    YearAmounts,

    /// <summary>A key-share group's pool: <c>{"type": "fixed", "amount"}</c> or <c>{"type": "percentOfRemaining", "percent"}</c>.</summary>
    Pool,

    /// <summary>An allocation key (population, equal parts, named weights, a mix).</summary>
    Key,

    /// <summary>A key-share group's members, each with its id, name, kind, weight(s), cap and floor.</summary>
    Members,
}
