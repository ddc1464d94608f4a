using Funding.Rules;

namespace Funding.Plans;

/// <summary>What a shared ceiling did.</summary>
/// <param name="Id">The ceiling's id.</param>
/// <param name="Name">The ceiling's name.</param>
/// <param name="FunderIds">The funders sharing it.</param>
/// <param name="Scope">Per budget year or over the period.</param>
/// <param name="Sharing">How the excess was taken off.</param>
/// <param name="Ceiling">The ceiling: over the period, or the sum of the years' ceilings.</param>
/// <param name="Before">The funders' sum before the ceiling.</param>
/// <param name="After">The funders' sum after it.</param>
/// <param name="ByBudgetYear">Per budget year: the ceiling, the sum before and after (for a period ceiling, the years' parts of the sums and no ceiling).</param>
/// <param name="Explanation">How the ceiling was computed and applied, in French.</param>
public sealed record SharedCeilingResult(
    string Id,
    string Name,
    IReadOnlyList<string> FunderIds,
    CapScope Scope,
    CeilingSharing Sharing,
    Money Ceiling,
    Money Before,
    Money After,
    IReadOnlyList<SharedCeilingYear> ByBudgetYear,
    Explanation Explanation)
{
    /// <summary>What the ceiling took off the funders: <see cref="Before"/> − <see cref="After"/>.</summary>
    public Money TookOff => Before - After;
}
