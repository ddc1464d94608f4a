using System.Diagnostics;
using System.Numerics;
using Funding.Formatting;

namespace Funding;

/// <summary>
/// An amount of euros, always a whole number of cents ("centimes"), between <see cref="MinValue"/> and
/// <see cref="MaxValue"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Whole cents only.</b> A <see cref="Money"/> never holds a fraction of a cent. Exact intermediate values (50 % of
/// an amount, a share of a key, 11 593,50 € × 9/12) are plain <see cref="decimal"/> euros, and the only ways back to
/// <see cref="Money"/> are a <see cref="RoundingPolicy"/> (<see cref="RoundingPolicy.RoundToCents"/>,
/// <see cref="MultiplyBy"/>) or the allocation engine, which splits an amount exactly to the cent. So every rounding
/// in the library is named, and a sub-cent input is an error rather than something silently rounded away.
/// </para>
/// <para>
/// <b>Representation.</b> The value is held as a 64-bit count of cents and exposed as <see cref="decimal"/> euros
/// (<see cref="Amount"/>, always with two decimal places). There is no binary floating point anywhere.
/// </para>
/// <para>
/// <b>Range.</b> At most 10¹² € (one thousand billion euros) in magnitude: far above any public budget, far below
/// the integer limits. Arithmetic that would leave the range throws <see cref="OverflowException"/>.
/// Negative amounts are allowed (refunds, differences between two plans); entry points that need a non-negative
/// amount say so.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToInvariantString(),nq} €")]
public readonly struct Money :
    IEquatable<Money>,
    IComparable<Money>,
    IComparable,
    IAdditionOperators<Money, Money, Money>,
    ISubtractionOperators<Money, Money, Money>,
    IUnaryNegationOperators<Money, Money>,
    IComparisonOperators<Money, Money, bool>,
    IAdditiveIdentity<Money, Money>
{
    /// <summary>The largest magnitude in cents: 10¹⁴ cents, i.e. 10¹² €.</summary>
    public const long MaxCents = 100_000_000_000_000L;

    private readonly long _cents;

    private Money(long cents) => _cents = cents;

    /// <summary>Zero euros.</summary>
    public static Money Zero => default;

    /// <summary>The additive identity (zero euros).</summary>
    public static Money AdditiveIdentity => default;

    /// <summary>One cent, the smallest non-zero amount.</summary>
    public static Money OneCent => new(1);

    /// <summary>The largest amount: 1 000 000 000 000,00 €.</summary>
    public static Money MaxValue => new(MaxCents);

    /// <summary>The most negative amount: −1 000 000 000 000,00 €.</summary>
    public static Money MinValue => new(-MaxCents);

    /// <summary>The amount in euros, with exactly two decimal places (<c>11593.50</c>).</summary>
    public decimal Amount
    {
        get
        {
            // The magnitude is below 2^47, so it fits in the low and middle 32-bit words of the decimal.
            ulong magnitude = (ulong)Math.Abs(_cents);
            return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, _cents < 0, 2);
        }
    }

    /// <summary>The amount as a number of cents (11 593,50 € → 1 159 350).</summary>
    public long TotalCents => _cents;

    /// <summary>The whole-euro part of the magnitude (11 593,50 € → 11 593; −2,30 € → 2).</summary>
    public long EurosPart => Math.Abs(_cents) / 100;

    /// <summary>The cents part of the magnitude, from 0 to 99 (11 593,50 € → 50).</summary>
    public int CentsPart => (int)(Math.Abs(_cents) % 100);

    /// <summary>−1, 0 or 1 according to the sign of the amount.</summary>
    public int Sign => Math.Sign(_cents);

    /// <summary>Whether the amount is exactly zero.</summary>
    public bool IsZero => _cents == 0;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => _cents < 0;

    /// <summary>Creates an amount from euros that must be a whole number of cents.</summary>
    /// <param name="euros">The amount, e.g. <c>11593.50m</c>; at most two significant decimal places.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException"><paramref name="euros"/> has a fraction of a cent (e.g. 0,005).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="euros"/> exceeds 10¹² € in magnitude.</exception>
    public static Money Euros(decimal euros)
    {
        if (!TryEuros(euros, out var money, out var error))
        {
            throw error == MoneyError.SubCent
                ? new ArgumentException(SubCentMessage(euros).French, nameof(euros))
                : new ArgumentOutOfRangeException(nameof(euros), euros, OutOfRangeMessage(euros).French);
        }
        return money;
    }

    /// <summary>Creates an amount from a number of cents.</summary>
    /// <param name="cents">The amount in cents (1 159 350 for 11 593,50 €).</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cents"/> exceeds 10¹⁴ in magnitude.</exception>
    public static Money FromCents(long cents)
    {
        Preconditions.CheckArgumentRange(nameof(cents), cents, -MaxCents, MaxCents);
        return new Money(cents);
    }

    /// <summary>Tries to create an amount from euros, reporting why it cannot instead of throwing.</summary>
    /// <param name="euros">The amount in euros.</param>
    /// <param name="money">The amount when valid; zero otherwise.</param>
    /// <param name="error">Why the value is not an amount; <see cref="MoneyError.None"/> when it is.</param>
    /// <returns>Whether <paramref name="euros"/> is a whole number of cents within range.</returns>
    public static bool TryEuros(decimal euros, out Money money, out MoneyError error)
    {
        money = default;
        if (euros > MaxValue.Amount || euros < MinValue.Amount)
        {
            error = MoneyError.OutOfRange;
            return false;
        }
        if (decimal.Round(euros, 2, MidpointRounding.ToZero) != euros)
        {
            error = MoneyError.SubCent;
            return false;
        }
        money = new Money(decimal.ToInt64(euros * 100m));
        error = MoneyError.None;
        return true;
    }

    /// <summary>The message used when an amount has a fraction of a cent; shared with the API's validation.</summary>
    /// <param name="euros">The offending value.</param>
    /// <returns>A message naming the value and the rule.</returns>
    public static FundingMessage SubCentMessage(decimal euros) => new(ErrorCodes.AmountSubCent,
        $"{FundingMessage.Fr(euros)} € comporte une fraction de centime : un montant s'exprime en centimes entiers (deux décimales au plus).",
        $"{FundingMessage.En(euros)} has a fraction of a cent: amounts must be whole cents (at most two decimal places).");

    /// <summary>The message used when an amount is beyond the supported magnitude; shared with the API's validation.</summary>
    /// <param name="euros">The offending value.</param>
    /// <returns>A message naming the value and the limit.</returns>
    public static FundingMessage OutOfRangeMessage(decimal euros) => new(ErrorCodes.AmountOutOfRange,
        $"{FundingMessage.Fr(euros)} € dépasse les montants pris en charge : un montant est compris entre −1 000 000 000 000,00 € et 1 000 000 000 000,00 €.",
        $"{FundingMessage.En(euros)} is beyond the supported magnitude: amounts must be between -1000000000000.00 and 1000000000000.00 euros.");

    /// <summary>Creates an amount from a value already rounded to two decimal places.</summary>
    internal static Money FromRoundedEuros(decimal rounded, string paramName)
    {
        if (!TryEuros(rounded, out var money, out var error))
        {
            Debug.Assert(error == MoneyError.OutOfRange, "A rounded value cannot have a fraction of a cent.");
            throw new ArgumentOutOfRangeException(paramName, rounded, OutOfRangeMessage(rounded).French);
        }
        return money;
    }

    /// <summary>Applies a rate and rounds the result to the cent under a named policy.</summary>
    /// <param name="rate">The rate, e.g. 50 %.</param>
    /// <param name="policy">How to round the exact product.</param>
    /// <returns>The rounded product: 50 % of 207 600,00 € is 103 800,00 €.</returns>
    public Money MultiplyBy(Rate rate, RoundingPolicy policy)
    {
        Preconditions.CheckNotNull(policy);
        return policy.RoundToCents(rate.ExactOf(this));
    }

    /// <summary>The absolute value.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => new(Math.Abs(_cents));

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="a">First amount.</param>
    /// <param name="b">Second amount.</param>
    /// <returns>The smaller one.</returns>
    public static Money Min(Money a, Money b) => a._cents <= b._cents ? a : b;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="a">First amount.</param>
    /// <param name="b">Second amount.</param>
    /// <returns>The larger one.</returns>
    public static Money Max(Money a, Money b) => a._cents >= b._cents ? a : b;

    /// <summary>The sum of a sequence of amounts, exact to the cent (order does not matter).</summary>
    /// <param name="amounts">The amounts to add.</param>
    /// <returns>Their sum.</returns>
    /// <exception cref="OverflowException">The sum exceeds 10¹² € in magnitude.</exception>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        Preconditions.CheckNotNull(amounts);
        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount._cents);
        }
        return Checked(total);
    }

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="OverflowException">The sum exceeds 10¹² € in magnitude.</exception>
    public static Money operator +(Money left, Money right) => Checked(left._cents + right._cents);

    /// <summary>Subtracts an amount from another.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The exact difference.</returns>
    /// <exception cref="OverflowException">The difference exceeds 10¹² € in magnitude.</exception>
    public static Money operator -(Money left, Money right) => Checked(left._cents - right._cents);

    /// <summary>Negates an amount (a contribution becomes a refund).</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The opposite amount.</returns>
    public static Money operator -(Money value) => new(-value._cents);

    /// <summary>Multiplies an amount by a whole count (11 593,50 € a year × 2 years).</summary>
    /// <param name="value">The amount.</param>
    /// <param name="count">The count.</param>
    /// <returns>The exact product.</returns>
    /// <exception cref="OverflowException">The product exceeds 10¹² € in magnitude.</exception>
    public static Money operator *(Money value, int count) => Checked(checked(value._cents * count));

    /// <summary>Multiplies an amount by a whole count.</summary>
    /// <param name="count">The count.</param>
    /// <param name="value">The amount.</param>
    /// <returns>The exact product.</returns>
    public static Money operator *(int count, Money value) => value * count;

    /// <summary>Whether two amounts are equal.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>True when they are the same number of cents.</returns>
    public static bool operator ==(Money left, Money right) => left._cents == right._cents;

    /// <summary>Whether two amounts differ.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>True when they are different numbers of cents.</returns>
    public static bool operator !=(Money left, Money right) => left._cents != right._cents;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>Whether the first is smaller.</returns>
    public static bool operator <(Money left, Money right) => left._cents < right._cents;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>Whether the first is larger.</returns>
    public static bool operator >(Money left, Money right) => left._cents > right._cents;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>Whether the first is smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left._cents <= right._cents;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>Whether the first is larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left._cents >= right._cents;

    /// <inheritdoc />
    public bool Equals(Money other) => _cents == other._cents;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _cents.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Money other) => _cents.CompareTo(other._cents);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type Money.", nameof(obj)),
    };

    /// <summary>The amount as a report writer reads it: <c>11 593,50 €</c> (see <see cref="FrenchFormat.Money"/>).</summary>
    /// <returns>The French-formatted amount.</returns>
    public override string ToString() => FrenchFormat.Money(this);

    /// <summary>The amount in invariant notation, for logs and machine formats: <c>11593.50</c>.</summary>
    /// <returns>The amount with a dot and two decimals, no grouping.</returns>
    public string ToInvariantString() => Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static Money Checked(long cents)
    {
        if (cents > MaxCents || cents < -MaxCents)
        {
            throw new OverflowException(
                $"The result, {cents / 100} euros, is beyond the supported magnitude of 1000000000000.00 euros.");
        }
        return new Money(cents);
    }
}
