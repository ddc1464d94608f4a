namespace Funding.Plans;

/// <summary>A total in the baseline and in the variant.</summary>
/// <param name="Baseline">The baseline figure.</param>
/// <param name="Variant">The variant figure.</param>
public sealed record AmountDelta(Money Baseline, Money Variant)
{
    /// <summary>Variant − baseline.</summary>
    public Money Delta => Variant - Baseline;
}
