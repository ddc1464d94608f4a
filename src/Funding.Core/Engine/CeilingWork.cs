using Funding.Plans;

namespace Funding.Engine;

/// <summary>What a shared ceiling did, as the engine computed it: figures, and what the explainer needs to say it.</summary>
/// <param name="Ceiling">The ceiling.</param>
/// <param name="MemberNames">The names of its funders, in plan order.</param>
/// <param name="Rows">Per budget year (or once, for a ceiling over the period): the limit and the funders' sum before and after.</param>
/// <param name="CeilingTotal">The ceiling over the period, or the sum of the years' ceilings.</param>
/// <param name="Before">The funders' sum before the ceiling.</param>
/// <param name="After">After it.</param>
/// <param name="ByBudgetYear">Per budget year: the ceiling (null over the period), the sum before and after.</param>
internal sealed record CeilingWork(
    SharedCeiling Ceiling, string[] MemberNames, CeilingRow[] Rows, Money CeilingTotal, Money Before, Money After, IReadOnlyList<SharedCeilingYear> ByBudgetYear);

/// <summary>One comparison of a shared ceiling: a budget year's, or the period's.</summary>
/// <param name="Year">The budget year, or null for the period.</param>
/// <param name="Cost">The cost the ceiling's rate applies to.</param>
/// <param name="ByRateExact">The exact rate × cost, when the ceiling has a rate.</param>
/// <param name="ByRate">Rate × cost rounded, when the ceiling has a rate.</param>
/// <param name="Limit">The ceiling: the smaller of the rate's and the amount.</param>
/// <param name="Sum">The funders' sum before the ceiling.</param>
internal readonly record struct CeilingRow(int? Year, Money Cost, decimal ByRateExact, Money? ByRate, Money Limit, Money Sum);
