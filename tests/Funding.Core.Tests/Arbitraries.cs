namespace Funding.Core.Tests;

/// <summary>An exact amount of euros with up to six decimal places, as produced before rounding.</summary>
public readonly record struct ExactEuros(decimal Value);

/// <summary>
/// Every FsCheck generator of the test suite, registered once with <c>[Properties(Arbitrary = ...)]</c> or
/// <c>[Property(Arbitrary = ...)]</c>. Generators favour the edges (zero, one cent, the maximum) and shrink towards zero
/// so that a failure shows its smallest case.
/// </summary>
public static class Arbitraries
{
    /// <summary>Cents anywhere in Money's range, biased towards small and extreme values.</summary>
    public static Gen<long> CentsGen(long maxCents = Money.MaxCents) =>
        Gen.Frequency(
            (3, Gen.Choose(-10_000, 10_000).Select(c => (long)c)),
            (3, from high in Gen.Choose(-1_000_000, 1_000_000)
                from low in Gen.Choose(0, 99_999_999)
                select high * 100_000_000L + (high < 0 ? -low : low)),
            (1, Gen.Elements(0L, 1L, -1L, Money.MaxCents, -Money.MaxCents, Money.MaxCents - 1)))
        .Select(c => Math.Clamp(c, -maxCents, maxCents));

    /// <summary>Any valid amount of money.</summary>
    public static Arbitrary<Money> MoneyArb() =>
        Arb.From(CentsGen().Select(Money.FromCents), ShrinkMoney);

    /// <summary>Exact amounts with up to six decimals within ±10¹¹ €, including exact half cents.</summary>
    public static Arbitrary<ExactEuros> ExactEurosArb()
    {
        var anyDecimals =
            from cents in CentsGen(10_000_000_000_000L)
            from micro in Gen.Choose(0, 9_999)
            select cents / 100m + (cents < 0 ? -micro : micro) / 1_000_000m;
        var halfCents =
            from cents in CentsGen(10_000_000_000_000L)
            select cents / 100m + (cents < 0 ? -0.005m : 0.005m);
        return Arb.From(
            Gen.Frequency((3, anyDecimals), (1, halfCents)).Select(v => new ExactEuros(v)),
            e => e.Value == 0m ? [] : new[] { new ExactEuros(decimal.Truncate(e.Value)), new ExactEuros(e.Value / 10m) }
                .Where(s => s != e));
    }

    /// <summary>Rates from 0 % to 100 % with up to four decimals in percent, biased to round values.</summary>
    public static Arbitrary<Rate> RateArb() =>
        Gen.Frequency(
            (2, Gen.Choose(0, 100).Select(p => Rate.Percent(p))),
            (2, Gen.Choose(0, 1_000_000).Select(p => Rate.Percent(p / 10_000m))),
            (1, Gen.Elements(Rate.Zero, Rate.Full, Rate.Percent(50))))
        .ToArbitrary();

    private static IEnumerable<Money> ShrinkMoney(Money money)
    {
        if (money.IsZero)
        {
            yield break;
        }
        yield return Money.Zero;
        if (money.TotalCents / 2 != 0)
        {
            yield return Money.FromCents(money.TotalCents / 2);
        }
        if (money.IsNegative)
        {
            yield return -money;
        }
    }
}
