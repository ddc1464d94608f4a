using NodaTime;

namespace Funding.Execution;

/// <summary>One month of the carrier's actual treasury, beside the forecast.</summary>
/// <param name="Month">The month.</param>
/// <param name="Spent">What was spent that month.</param>
/// <param name="Received">What the other funders paid that month.</param>
/// <param name="Balance">The cumulative balance: received − spent since the start.</param>
/// <param name="ForecastBalance">The voted plan's cumulative balance for the same month (zero outside its months).</param>
public sealed record ActualTreasuryMonth(YearMonth Month, Money Spent, Money Received, Money Balance, Money ForecastBalance);
