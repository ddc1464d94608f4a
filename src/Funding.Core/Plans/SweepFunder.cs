namespace Funding.Plans;

/// <summary>A funder across a sweep: its smallest and largest total, and the first scenario giving each.</summary>
/// <param name="Id">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Min">The smallest total.</param>
/// <param name="MinScenario">The first scenario giving it.</param>
/// <param name="Max">The largest total.</param>
/// <param name="MaxScenario">The first scenario giving it.</param>
public sealed record SweepFunder(string Id, string Name, Money Min, int MinScenario, Money Max, int MaxScenario);
