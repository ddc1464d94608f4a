using Funding.Rules;

namespace Funding.Plans;

/// <summary>
/// A ceiling several funders share: « l'ANCT, la Banque des Territoires et l'État financent ensemble au plus 75 % du coût
/// annuel et 45 000 € par an ».
/// </summary>
/// <remarks>
/// The funders listed are consecutive in the plan's waterfall and each computes its own contribution (a rate or a match).
/// Once the last of them is computed, their sum is compared with the ceiling — the smaller of <see cref="Rate"/> × the
/// cost and <see cref="Amount"/>, per budget year or over the period — and the excess is taken off them as
/// <see cref="Sharing"/> says. What is taken off goes back to what is left to fund, for the funders after them.
/// </remarks>
/// <param name="Id">A unique identifier among the plan's ceilings.</param>
/// <param name="Name">The name explanations use (« plafond commun PVD »).</param>
/// <param name="FunderIds">The funders sharing the ceiling, at least two, consecutive in the plan.</param>
public sealed record SharedCeiling(string Id, string Name, IReadOnlyList<string> FunderIds)
{
    /// <summary>The most the funders together contribute, as a share of the cost (of each budget year, or of the period); null for none.</summary>
    public Rate? Rate { get; init; }

    /// <summary>The most the funders together contribute, in euros (each budget year, or over the period); null for none.</summary>
    public Money? Amount { get; init; }

    /// <summary>Whether the ceiling holds for each budget year or over the whole period.</summary>
    public CapScope Scope { get; init; } = CapScope.Period;

    /// <summary>How the excess is taken off the funders.</summary>
    public CeilingSharing Sharing { get; init; } = CeilingSharing.Waterfall;
}

/// <summary>How a shared ceiling is shared between its funders.</summary>
public enum CeilingSharing
{
    /// <summary>In waterfall order: the first funders keep their amounts, the last ones give up the excess first.</summary>
    Waterfall,

    /// <summary>In proportion to their own amounts: the ceiling is split between them by the largest-remainder method.</summary>
    ProRata,
}

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

/// <summary>One budget year of a shared ceiling.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Ceiling">That year's ceiling, or null for a ceiling over the period.</param>
/// <param name="Before">The funders' sum for the year before the ceiling.</param>
/// <param name="After">After it.</param>
public sealed record SharedCeilingYear(int Year, Money? Ceiling, Money Before, Money After);
