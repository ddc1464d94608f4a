namespace Funding.Plans;

/// <summary>One budget year of a shared ceiling.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Ceiling">That year's ceiling, or null for a ceiling over the period.</param>
/// <param name="Before">The funders' sum for the year before the ceiling.</param>
/// <param name="After">After it.</param>
public sealed record SharedCeilingYear(int Year, Money? Ceiling, Money Before, Money After);
