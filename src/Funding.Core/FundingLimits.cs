namespace Funding;

/// <summary>
/// The documented limits of the library, checked before computing so that an absurd input gets a clear error instead
/// of a long computation or an overflow deep inside.
/// </summary>
public static class FundingLimits
{
    /// <summary>The largest amount in magnitude: 10¹² € (see <see cref="Money.MaxValue"/>).</summary>
    public static Money MaxAmount => Money.MaxValue;

    /// <summary>The most parties one allocation may have: 10 000 000.</summary>
    public const int MaxParties = 10_000_000;

    /// <summary>The largest weight of a party in a key: 10¹⁵ (a population, a tax potential in euros…).</summary>
    public const decimal MaxWeight = 1_000_000_000_000_000m;

    /// <summary>The most components a mixed key may have.</summary>
    public const int MaxKeyComponents = 10;
}
