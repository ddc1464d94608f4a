using Funding.Formatting;

namespace Funding.Allocation;

/// <summary>
/// An allocation key ("clé de répartition"): how an amount is split between parties — in equal parts, by a weight such
/// as the population, or by a mix of keys (50 % population + 50 % equal parts).
/// </summary>
public abstract class AllocationKey
{
    private protected AllocationKey()
    {
    }

    /// <summary>Equal parts ("parts égales"): every party has the same weight.</summary>
    public static AllocationKey EqualParts { get; } = new EqualPartsKey();

    /// <summary>The key's name in French as explanations quote it: « population », « parts égales ».</summary>
    public abstract string Label { get; }

    /// <summary>A key proportional to a weight of each party.</summary>
    /// <param name="label">How explanations name the key (« population »).</param>
    /// <param name="weightName">
    /// The name of the weight to read in <see cref="AllocationParty.Weights"/>; when null, <see cref="AllocationParty.Weight"/>.
    /// </param>
    /// <returns>The key.</returns>
    public static AllocationKey ByWeight(string label = "pondération", string? weightName = null) =>
        new WeightKey(Preconditions.CheckNotNull(label), weightName);

    /// <summary>A mixed key: each component takes its percentage of the amount by its own key.</summary>
    /// <param name="components">The components, whose percentages must sum to exactly 100 %.</param>
    /// <returns>The key (validated when used, so that errors name the offending component).</returns>
    public static AllocationKey Mixed(params IReadOnlyList<MixedKeyComponent> components) =>
        new MixedKey(Preconditions.CheckNotNull(components));
}

/// <summary>Equal parts: every party weighs 1.</summary>
public sealed class EqualPartsKey : AllocationKey
{
    internal EqualPartsKey()
    {
    }

    /// <inheritdoc />
    public override string Label => "parts égales";
}

/// <summary>A key proportional to one weight of each party (population, shares, custom weights).</summary>
public sealed class WeightKey : AllocationKey
{
    internal WeightKey(string label, string? weightName)
    {
        Label = label;
        WeightName = weightName;
    }

    /// <inheritdoc />
    public override string Label { get; }

    /// <summary>The named weight read from <see cref="AllocationParty.Weights"/>; null for <see cref="AllocationParty.Weight"/>.</summary>
    public string? WeightName { get; }
}

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

/// <summary>One component of a mixed key.</summary>
/// <param name="Share">The percentage of the amount split by this component's key.</param>
/// <param name="Key">The key of this component: equal parts or a weight (mixed keys do not nest).</param>
public sealed record MixedKeyComponent(Rate Share, AllocationKey Key);
