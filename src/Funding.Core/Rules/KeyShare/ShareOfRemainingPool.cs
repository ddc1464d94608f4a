namespace Funding.Rules;

/// <summary>A percentage of what is left to fund at that point of the waterfall, rounded by the plan's policy.</summary>
/// <param name="Rate">The percentage of the remainder.</param>
public sealed record ShareOfRemainingPool(Rate Rate) : KeySharePool;
