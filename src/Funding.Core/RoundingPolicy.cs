namespace Funding;

/// <summary>
/// A named way of rounding an exact amount to the cent. Every rounding in Funding goes through one of these, so a
/// figure can always say how it was rounded.
/// </summary>
/// <remarks>
/// <para>
/// The default, <see cref="HalfAwayFromZero"/>, rounds to the nearest cent and sends exact halves away from zero:
/// 0,025 € → 0,03 €, −0,025 € → −0,03 €, 966,125 € → 966,13 €. It is what a spreadsheet's <c>ROUND</c> does and what
/// French public accounting expects ("arrondi au centime le plus proche").
/// </para>
/// <para>
/// .NET's <see cref="Math.Round(decimal)"/> without a mode is banker's rounding (halves to even: 966,125 → 966,12).
/// Funding never calls it; <see cref="HalfToEven"/> exists only so that a user can reproduce a figure produced by
/// software that rounds that way.
/// </para>
/// </remarks>
public sealed class RoundingPolicy
{
    private RoundingPolicy(string name, MidpointRounding mode, string frenchDescription)
    {
        Name = name;
        Mode = mode;
        FrenchDescription = frenchDescription;
    }

    /// <summary>Nearest cent, halves away from zero (the default): 0,025 € → 0,03 €.</summary>
    public static RoundingPolicy HalfAwayFromZero { get; } = new(
        "half-away-from-zero",
        MidpointRounding.AwayFromZero,
        "arrondi au centime le plus proche, le demi-centime étant arrondi au centime supérieur");

    /// <summary>Nearest cent, halves to the even cent (banker's rounding): 0,025 € → 0,02 €, 0,035 € → 0,04 €.</summary>
    public static RoundingPolicy HalfToEven { get; } = new(
        "half-to-even",
        MidpointRounding.ToEven,
        "arrondi au centime le plus proche, le demi-centime étant arrondi au centime pair");

    /// <summary>Truncation towards zero ("troncature"): 0,029 € → 0,02 €, −0,029 € → −0,02 €.</summary>
    public static RoundingPolicy TowardZero { get; } = new(
        "toward-zero",
        MidpointRounding.ToZero,
        "troncature au centime");

    /// <summary>The policy used when none is stated: <see cref="HalfAwayFromZero"/>.</summary>
    public static RoundingPolicy Default => HalfAwayFromZero;

    /// <summary>Every policy, for documentation and for parsing names.</summary>
    public static IReadOnlyList<RoundingPolicy> All { get; } = [HalfAwayFromZero, HalfToEven, TowardZero];

    /// <summary>Stable identifier of the policy (e.g. <c>half-away-from-zero</c>), used in APIs and explanations.</summary>
    public string Name { get; }

    /// <summary>The rule in French, for explanations pasted into reports.</summary>
    public string FrenchDescription { get; }

    /// <summary>
    /// The rounding rule said once for a whole plan (its sentences say « arrondi à » without repeating it): « Règle
    /// d'arrondi du plan (half-away-from-zero) : arrondi au centime le plus proche, le demi-centime étant arrondi au centime supérieur. »
    /// </summary>
    public string Sentence => $"Règle d'arrondi du plan ({Name}) : {FrenchDescription}.";

    /// <summary>The .NET rounding mode that implements this policy.</summary>
    public MidpointRounding Mode { get; }

    /// <summary>Rounds an exact amount in euros to the cent under this policy.</summary>
    /// <param name="exactEuros">The exact amount, possibly with more than two decimal places.</param>
    /// <returns>The rounded amount as <see cref="Money"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rounded amount exceeds <see cref="Money.MaxValue"/> in magnitude.</exception>
    public Money RoundToCents(decimal exactEuros) => Money.FromRoundedEuros(Round(exactEuros, 2), nameof(exactEuros));

    /// <summary>Rounds a number to a number of decimal places under this policy (used for displayed percentages).</summary>
    /// <param name="value">The value to round.</param>
    /// <param name="decimals">Decimal places to keep, from 0 to 28.</param>
    /// <returns>The rounded value.</returns>
    public decimal Round(decimal value, int decimals) => decimal.Round(value, decimals, Mode);

    /// <summary>
    /// Rounds a zero-or-positive exact fraction of cents, <paramref name="numerator"/> / <paramref name="denominator"/>,
    /// to whole cents: the exact path for products too long for a decimal (a salary progression compounded over years).
    /// </summary>
    internal long RoundCents(System.Numerics.BigInteger numerator, System.Numerics.BigInteger denominator)
    {
        var quotient = System.Numerics.BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        bool up = Mode switch
        {
            MidpointRounding.ToZero => false,
            MidpointRounding.ToEven => twice > denominator || (twice == denominator && !quotient.IsEven),
            _ => twice >= denominator,
        };
        return (long)(up ? quotient + 1 : quotient);
    }

    /// <summary>Finds a policy by its <see cref="Name"/>.</summary>
    /// <param name="name">A policy name such as <c>half-away-from-zero</c> (case-insensitive).</param>
    /// <param name="policy">The policy when found.</param>
    /// <returns>Whether a policy has that name.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RoundingPolicy? policy)
    {
        policy = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return policy is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
