using Funding.Allocation;

namespace Funding.Rules;

/// <summary>A value a sweep gives a rule's parameter: a rate, an amount, or a key.</summary>
/// <param name="Rate">The rate, for a rate parameter.</param>
/// <param name="Amount">The amount, for a cap or an annual amount.</param>
/// <param name="Key">The key, for a key parameter.</param>
public readonly record struct SweepValue(Rate Rate, Money Amount, AllocationKey? Key)
{
    /// <summary>A rate.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>The value.</returns>
    public static SweepValue Of(Rate rate) => new(rate, Money.Zero, null);

    /// <summary>An amount.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The value.</returns>
    public static SweepValue Of(Money amount) => new(Rate.Zero, amount, null);

    /// <summary>A key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    public static SweepValue Of(AllocationKey key) => new(Rate.Zero, Money.Zero, key);
}
