namespace Funding;

/// <summary>LINQ-style helpers over sequences of <see cref="Money"/>.</summary>
public static class MoneyEnumerable
{
    /// <summary>The exact sum of the amounts.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <returns>Their sum, to the cent.</returns>
    public static Money Sum(this IEnumerable<Money> amounts) => Money.Sum(amounts);

    /// <summary>The exact sum of the amounts selected from each item.</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="selector">Picks the amount of an item.</param>
    /// <returns>The sum of the selected amounts.</returns>
    public static Money Sum<T>(this IEnumerable<T> items, Func<T, Money> selector) =>
        Money.Sum(Preconditions.CheckNotNull(items).Select(Preconditions.CheckNotNull(selector)));
}
