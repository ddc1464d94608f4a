using System.Diagnostics;
using System.Numerics;
using Funding.Formatting;

namespace Funding;

/// <summary>
/// A ratio the library computes — an effective rate (80 000 € / 207 600 € = 38,54 %), a share of the total cost, a share
/// of a key — as opposed to a <see cref="Rate"/>, which a user gives.
/// </summary>
/// <remarks>
/// A ratio is a quotient with up to 28 significant digits; it may exceed 100 % (an over-funded plan) and is meant to be
/// displayed (<see cref="FrenchFormat.Rate(Ratio, FrenchSpacing)"/>) or compared, never applied to an amount: only a
/// <see cref="Rate"/>, at most six decimals of a percent, multiplies money exactly. Every rate is a ratio (an implicit
/// conversion); a ratio is not a rate.
/// </remarks>
[DebuggerDisplay("{PercentValue} %")]
public readonly struct Ratio :
    IEquatable<Ratio>,
    IComparable<Ratio>,
    IComparisonOperators<Ratio, Ratio, bool>
{
    private readonly decimal _fraction;

    private Ratio(decimal fraction) => _fraction = fraction;

    /// <summary>0 %.</summary>
    public static Ratio Zero => default;

    /// <summary>The ratio as a fraction: 38,54 % → 0,3854….</summary>
    public decimal Fraction => _fraction;

    /// <summary>The ratio as a percentage: 38,54 % → 38,54….</summary>
    public decimal PercentValue => _fraction * 100m;

    /// <summary>The ratio of two amounts, zero when the whole is zero (a share of nothing is nothing).</summary>
    /// <param name="part">The numerator.</param>
    /// <param name="whole">The denominator.</param>
    /// <returns>part / whole, or zero.</returns>
    public static Ratio Of(Money part, Money whole) =>
        whole.IsZero ? Zero : new Ratio((decimal)part.TotalCents / whole.TotalCents);

    /// <summary>The ratio of two quantities (a share of a key: 102 574 / 572 524 inhabitants).</summary>
    /// <param name="part">The numerator.</param>
    /// <param name="whole">The denominator; must be positive.</param>
    /// <returns>part / whole.</returns>
    /// <exception cref="ArgumentException"><paramref name="whole"/> is not positive.</exception>
    public static Ratio Of(decimal part, decimal whole)
    {
        Preconditions.CheckArgument(whole > 0m, nameof(whole), "Cannot compute a ratio to a quantity that is not positive.");
        return new Ratio(part / whole);
    }

    /// <summary>A user's rate, seen as a ratio (to compare it with a computed one).</summary>
    /// <param name="rate">The rate.</param>
    public static implicit operator Ratio(Rate rate) => new(rate.Fraction);

    /// <summary>See <see cref="op_Implicit(Rate)"/>.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>The same value as a ratio.</returns>
    public static Ratio FromRate(Rate rate) => rate;

    /// <inheritdoc />
    public bool Equals(Ratio other) => _fraction == other._fraction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ratio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _fraction.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Ratio other) => _fraction.CompareTo(other._fraction);

    /// <summary>Equality.</summary>
    /// <param name="left">A ratio.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Ratio left, Ratio right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">A ratio.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Ratio left, Ratio right) => !left.Equals(right);

    /// <summary>Less than.</summary>
    /// <param name="left">A ratio.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether left is smaller.</returns>
    public static bool operator <(Ratio left, Ratio right) => left._fraction < right._fraction;

    /// <summary>Greater than.</summary>
    /// <param name="left">A ratio.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether left is larger.</returns>
    public static bool operator >(Ratio left, Ratio right) => left._fraction > right._fraction;

    /// <summary>Less than or equal.</summary>
    /// <param name="left">A ratio.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether left is not larger.</returns>
    public static bool operator <=(Ratio left, Ratio right) => left._fraction <= right._fraction;

    /// <summary>Greater than or equal.</summary>
    /// <param name="left">A ratio.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether left is not smaller.</returns>
    public static bool operator >=(Ratio left, Ratio right) => left._fraction >= right._fraction;

    /// <summary>The ratio in French, two decimals: « 38,54 % ».</summary>
    /// <returns>The formatted ratio.</returns>
    public override string ToString() => FrenchFormat.Rate(this);
}
