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
