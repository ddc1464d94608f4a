namespace Funding.Plans;

/// <summary>Rounding policy and parameters of the legal checks of a plan.</summary>
public sealed record PlanOptions
{
    /// <summary>The options used when none are stated.</summary>
    public static PlanOptions Default { get; } = new();

    /// <summary>How exact amounts are rounded to the cent (default: half away from zero).</summary>
    public RoundingPolicy Rounding { get; init; } = RoundingPolicy.Default;

    /// <summary>The id of the funder that carries the project ("porteur"); null for the funder with the remainder rule.</summary>
    public string? CarrierId { get; init; }

    /// <summary>
    /// The ceiling of cumulative public aid (public funders other than the carrier) as a share of the total cost; null
    /// for the default: 80 % when the carrier is a local authority, 100 % otherwise.
    /// </summary>
    public Rate? PublicAidCeiling { get; init; }

    /// <summary>
    /// Whether to check the minimum own share of a local-authority carrier (CGCT art. L1111-10 III); null to check it
    /// exactly when the carrier is a local authority.
    /// </summary>
    public bool? CheckLocalAuthorityOwnShare { get; init; }

    /// <summary>The minimum own share of a local-authority carrier, as a share of all public funding (default 20 %).</summary>
    public Rate LocalAuthorityMinimumShare { get; init; } = Rate.Percent(20);

    /// <summary>
    /// The yearly amount above which a grant to a private body needs a written agreement; null (the default) for the
    /// value in force on the plan's start (<see cref="LegalParameters.WrittenAgreementThreshold"/>: 23 000 €).
    /// </summary>
    public Money? WrittenAgreementThreshold { get; init; }

    /// <summary>
    /// The de minimis aid the carrier already received over the reference period (the two previous fiscal years and
    /// this one before 2024, the three years before the plan's start since), when it is an undertaking; null when not
    /// stated. With it, the <c>de-minimis</c> check adds this plan's public aid and compares with the ceiling in force.
    /// </summary>
    public Money? DeMinimisAlreadyReceived { get; init; }
}
