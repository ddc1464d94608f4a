namespace Funding.Plans;

/// <summary>How a funder's contribution changed between two plans.</summary>
public enum DeltaStatus
{
    /// <summary>Same contribution in both plans, and the same contribution and payment in every budget year.</summary>
    Unchanged,

    /// <summary>The contribution changed.</summary>
    Changed,

    /// <summary>The funder is only in the variant.</summary>
    Added,

    /// <summary>The funder is only in the baseline.</summary>
    Removed,

    /// <summary>Same total, but moved between budget years: its contribution or its payments of some year changed.</summary>
    Rescheduled,
}
