using Funding.Formatting;

namespace Funding.Allocation;

/// <summary>
/// A mixed key (50 % by population + 50 % in equal parts).
/// </summary>
/// <remarks>
/// The components are combined into one exact key and the amount is split <em>once</em>: party <c>i</c>'s share of the
/// key is <c>Σₖ pₖ · wᵢₖ / Wₖ</c>, computed as an exact fraction. Splitting each component separately and adding the
/// results would also sum to the amount, but every component would add its own rounding: a party could end up a cent
/// per component away from its exact share. Splitting once keeps every party within one cent of its exact mixed share,
/// with a single tie rule.
/// </remarks>
public sealed class MixedKey : AllocationKey
{
    internal MixedKey(IReadOnlyList<MixedKeyComponent> components) => Components = components;

    /// <summary>The components, each with its percentage of the amount.</summary>
    public IReadOnlyList<MixedKeyComponent> Components { get; }

    /// <inheritdoc />
    public override string Label =>
        "mixte (" + string.Join(" + ", Components.Select(c => $"{FrenchFormat.Rate(c.Share)} {c.Key.Label}")) + ")";
}
