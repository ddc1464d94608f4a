using Funding.Plans;

namespace Funding.Execution;

/// <summary>How a funder's due is computed on the actual expenses.</summary>
/// <param name="FixedProRata">
/// For a fixed contribution: true when it is due « au prorata des dépenses réalisées » (grant × actual / planned
/// expenses), false when it is due as promised.
/// </param>
/// <param name="CapAtGrant">
/// For a rate: true when the rate applies to the actual expense capped at the planned expense, and the due is never
/// more than the amount granted (décret n° 2018-514, art. 11, for State subsidies; most financing agreements).
/// </param>
public sealed record ExecutionTerms(bool FixedProRata, bool CapAtGrant)
{
    /// <summary>The clause cited when the due is capped at the grant.</summary>
    public const string GrantClause = "décret n° 2018-514 du 25 juin 2018, art. 11 : la subvention est calculée sur la dépense réelle, dans la limite de la dépense subventionnable prévue et du montant attribué";

    /// <summary>The default: capped at the grant for the State and its agencies, fixed amounts due as promised.</summary>
    /// <param name="kind">The funder's kind.</param>
    /// <returns>The default terms.</returns>
    public static ExecutionTerms DefaultFor(FunderKind kind) => new(FixedProRata: false, CapAtGrant: kind == FunderKind.State);
}
