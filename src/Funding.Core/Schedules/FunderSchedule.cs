namespace Funding.Schedules;

/// <summary>A funder's payments, which sum exactly to its contribution.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Mode">How it pays.</param>
/// <param name="Total">Its contribution.</param>
/// <param name="Payments">The payments in date order.</param>
public sealed record FunderSchedule(string FunderId, string Name, PaymentMode Mode, Money Total, IReadOnlyList<Payment> Payments);
