using NodaTime;

namespace Funding.Schedules;

/// <summary>One month of the carrier's treasury.</summary>
/// <param name="Month">The calendar month.</param>
/// <param name="Cost">What the carrier pays out that month (the cost spread over the months).</param>
/// <param name="Receipts">What the other funders pay it that month.</param>
/// <param name="Balance">The cumulative balance at the end of the month: receipts − costs since the start.</param>
/// <param name="OwnContribution">What the carrier puts in itself that month, per its own schedule.</param>
/// <param name="BalanceWithOwnContributions">The cumulative balance counting the carrier's own contributions as they are scheduled.</param>
public sealed record TreasuryMonth(YearMonth Month, Money Cost, Money Receipts, Money Balance, Money OwnContribution, Money BalanceWithOwnContributions);
