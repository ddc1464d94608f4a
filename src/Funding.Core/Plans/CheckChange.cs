namespace Funding.Plans;

/// <summary>A check whose outcome differs between the two plans.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="Baseline">Its outcome in the baseline.</param>
/// <param name="Variant">Its outcome in the variant.</param>
/// <param name="Message">The variant's message.</param>
public sealed record CheckChange(string Id, CheckOutcome Baseline, CheckOutcome Variant, string Message);
