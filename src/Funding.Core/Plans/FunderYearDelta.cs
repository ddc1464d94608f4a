namespace Funding.Plans;

/// <summary>
/// A funder's figures for one budget year in the baseline and in the variant: what it contributes to that year's cost,
/// and what it pays in that year (its schedule). Zero where the year is not in a plan.
/// </summary>
/// <param name="Year">The budget year.</param>
/// <param name="BaselineContribution">Its contribution to the year's cost in the baseline.</param>
/// <param name="VariantContribution">Its contribution to the year's cost in the variant.</param>
/// <param name="BaselinePayment">What it pays in the year in the baseline.</param>
/// <param name="VariantPayment">What it pays in the year in the variant.</param>
public sealed record FunderYearDelta(int Year, Money BaselineContribution, Money VariantContribution, Money BaselinePayment, Money VariantPayment)
{
    /// <summary>Variant − baseline contribution.</summary>
    public Money ContributionDelta => VariantContribution - BaselineContribution;

    /// <summary>Variant − baseline payment.</summary>
    public Money PaymentDelta => VariantPayment - BaselinePayment;

    /// <summary>Whether nothing changed in this year.</summary>
    public bool Unchanged => ContributionDelta == Money.Zero && PaymentDelta == Money.Zero;
}
