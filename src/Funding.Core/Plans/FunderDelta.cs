namespace Funding.Plans;

/// <summary>A funder's contribution in the baseline and in the variant.</summary>
/// <param name="Id">The funder's id (funders are matched by id).</param>
/// <param name="Name">The funder's name (the variant's when present).</param>
/// <param name="Baseline">Its contribution in the baseline (zero when added).</param>
/// <param name="Variant">Its contribution in the variant (zero when removed).</param>
/// <param name="Delta">Variant − baseline.</param>
/// <param name="Status">Added, removed, changed, rescheduled (same total, moved between budget years) or unchanged.</param>
/// <param name="Sentence">The change in French: « Quimper Bretagne Occidentale : 23 187,00 € → 17 390,25 € (-5 796,75 €). »</param>
/// <param name="BaselineExplanation">How the baseline figure was obtained, if any.</param>
/// <param name="VariantExplanation">How the variant figure was obtained, if any.</param>
/// <param name="Years">Its contribution and payment in each budget year of either plan, before and after, in year order.</param>
public sealed record FunderDelta(
    string Id,
    string Name,
    Money Baseline,
    Money Variant,
    Money Delta,
    DeltaStatus Status,
    string Sentence,
    Explanation? BaselineExplanation,
    Explanation? VariantExplanation,
    IReadOnlyList<FunderYearDelta> Years);
