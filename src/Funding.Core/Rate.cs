using System.Diagnostics;
using System.Numerics;
using Funding.Formatting;

namespace Funding;

/// <summary>
/// A percentage ("taux"), such as the State's 50 % or QBO's 11,17 % of the total cost.
/// </summary>
/// <remarks>
/// <para>
/// A rate given by a user (<see cref="Percent"/>, <see cref="FromFraction"/>) is between 0 % and 100 % and has at
/// most <see cref="MaxPercentDecimals"/> decimal places as a percentage (12,345678 %). That keeps
/// <see cref="ExactOf"/> exact: the product of a rate and an amount then always fits in <see cref="decimal"/>
/// without any hidden rounding.
/// </para>
/// <para>
/// What the library computes (an effective rate, a share of the total cost) is a <see cref="Ratio"/>, a different type:
/// it may exceed 100 % and have 28 digits, and can be compared with a rate but never applied to money.
/// </para>
/// </remarks>
[DebuggerDisplay("{PercentValue} %")]
public readonly struct Rate :
    IEquatable<Rate>,
    IComparable<Rate>,
    IComparable,
    IComparisonOperators<Rate, Rate, bool>
{
    /// <summary>Decimal places allowed in a percentage given by a user.</summary>
    public const int MaxPercentDecimals = 6;

    private readonly decimal _fraction;

    private Rate(decimal fraction) => _fraction = fraction;

    /// <summary>0 %.</summary>
    public static Rate Zero => default;

    /// <summary>100 %.</summary>
    public static Rate Full => new(1m);

    /// <summary>The rate as a fraction: 50 % → 0,5.</summary>
    public decimal Fraction => _fraction;

    /// <summary>The rate as a percentage: 50 % → 50.</summary>
    public decimal PercentValue => _fraction * 100m;

    /// <summary>Creates a rate from a percentage between 0 and 100.</summary>
    /// <param name="percent">The percentage: <c>50</c> for 50 %.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is below 0 or above 100.</exception>
    /// <exception cref="ArgumentException"><paramref name="percent"/> has more than six decimal places.</exception>
    public static Rate Percent(decimal percent)
    {
        if (!TryPercent(percent, out var rate, out var error))
        {
            throw error == RateError.OutOfRange
                ? new ArgumentOutOfRangeException(nameof(percent), percent, OutOfRangeMessage(percent).French)
                : new ArgumentException(TooPreciseMessage(percent).French, nameof(percent));
        }
        return rate;
    }

    /// <summary>Creates a rate from a fraction between 0 and 1.</summary>
    /// <param name="fraction">The fraction: <c>0.5</c> for 50 %.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is below 0 or above 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="fraction"/> has more than eight decimal places.</exception>
    public static Rate FromFraction(decimal fraction)
    {
        if (fraction is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, OutOfRangeMessage(fraction * 100m).French);
        }
        return Percent(fraction * 100m);
    }

    /// <summary>Tries to create a rate from a percentage, reporting why it cannot instead of throwing.</summary>
    /// <param name="percent">The percentage.</param>
    /// <param name="rate">The rate when valid.</param>
    /// <param name="error">Why the value is not a rate; <see cref="RateError.None"/> when it is.</param>
    /// <returns>Whether the percentage is a valid rate.</returns>
    public static bool TryPercent(decimal percent, out Rate rate, out RateError error)
    {
        rate = default;
        if (percent is < 0m or > 100m)
        {
            error = RateError.OutOfRange;
            return false;
        }
        if (decimal.Round(percent, MaxPercentDecimals, MidpointRounding.ToZero) != percent)
        {
            error = RateError.TooPrecise;
            return false;
        }
        rate = new Rate(percent / 100m);
        error = RateError.None;
        return true;
    }

    /// <summary>The message for a percentage outside 0–100; shared with the API's validation.</summary>
    /// <param name="percent">The offending percentage.</param>
    /// <returns>A message naming the value and the range.</returns>
    public static FundingMessage OutOfRangeMessage(decimal percent) => new(ErrorCodes.RateOutOfRange,
        $"{FundingMessage.Fr(percent)} % n'est pas un taux valide : un taux est compris entre 0 % et 100 %.",
        $"{FundingMessage.En(percent)} % is not a valid rate: a rate must be between 0 % and 100 %.");

    /// <summary>The message for a percentage with too many decimal places; shared with the API's validation.</summary>
    /// <param name="percent">The offending percentage.</param>
    /// <returns>A message naming the value and the limit.</returns>
    public static FundingMessage TooPreciseMessage(decimal percent) => new(ErrorCodes.RateTooPrecise,
        $"{FundingMessage.Fr(percent)} % a trop de décimales : {MaxPercentDecimals} au plus sont admises.",
        $"{FundingMessage.En(percent)} % has too many decimal places: at most {MaxPercentDecimals} are allowed.");

    /// <summary>The exact product of this rate and an amount, in euros, before rounding: 50 % of 207 600,00 € = 103 800.</summary>
    /// <param name="amount">The amount (the base, "assiette").</param>
    /// <returns>The exact product.</returns>
    public decimal ExactOf(Money amount) => amount.Amount * _fraction;

    /// <summary>Applies this rate to an amount and rounds under a named policy.</summary>
    /// <param name="amount">The base.</param>
    /// <param name="policy">How to round the exact product to the cent.</param>
    /// <returns>The rounded product.</returns>
    public Money Of(Money amount, RoundingPolicy policy) => amount.MultiplyBy(this, policy);

    /// <inheritdoc />
    public bool Equals(Rate other) => _fraction == other._fraction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _fraction.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Rate other) => _fraction.CompareTo(other._fraction);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rate other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type Rate.", nameof(obj)),
    };

    /// <summary>Whether two rates are equal.</summary>
    /// <param name="left">First rate.</param>
    /// <param name="right">Second rate.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Whether two rates differ.</summary>
    /// <param name="left">First rate.</param>
    /// <param name="right">Second rate.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    /// <summary>Compares two rates.</summary>
    /// <param name="left">First rate.</param>
    /// <param name="right">Second rate.</param>
    /// <returns>Whether the first is smaller.</returns>
    public static bool operator <(Rate left, Rate right) => left._fraction < right._fraction;

    /// <summary>Compares two rates.</summary>
    /// <param name="left">First rate.</param>
    /// <param name="right">Second rate.</param>
    /// <returns>Whether the first is larger.</returns>
    public static bool operator >(Rate left, Rate right) => left._fraction > right._fraction;

    /// <summary>Compares two rates.</summary>
    /// <param name="left">First rate.</param>
    /// <param name="right">Second rate.</param>
    /// <returns>Whether the first is smaller or equal.</returns>
    public static bool operator <=(Rate left, Rate right) => left._fraction <= right._fraction;

    /// <summary>Compares two rates.</summary>
    /// <param name="left">First rate.</param>
    /// <param name="right">Second rate.</param>
    /// <returns>Whether the first is larger or equal.</returns>
    public static bool operator >=(Rate left, Rate right) => left._fraction >= right._fraction;

    /// <summary>The rate as a report writer reads it: <c>50 %</c>, <c>34,68 %</c> (see <see cref="FrenchFormat.Rate(Rate, int, FrenchSpacing)"/>).</summary>
    /// <returns>The French-formatted rate.</returns>
    public override string ToString() => FrenchFormat.Rate(this);
}
