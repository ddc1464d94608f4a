namespace Funding.Rules;

/// <summary>What a cap bounds: the whole period, or each budget year.</summary>
public enum CapScope
{
    /// <summary>The cap bounds the total over the period.</summary>
    Period,

    /// <summary>The cap bounds each budget year's amount.</summary>
    BudgetYear,
}
