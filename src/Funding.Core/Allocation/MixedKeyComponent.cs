namespace Funding.Allocation;

/// <summary>One component of a mixed key.</summary>
/// <param name="Share">The percentage of the amount split by this component's key.</param>
/// <param name="Key">The key of this component: equal parts or a weight (mixed keys do not nest).</param>
public sealed record MixedKeyComponent(Rate Share, AllocationKey Key);
