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
