using NodaTime;

namespace Funding.Schedules;

/// <summary>
/// The carrier's monthly cash position: cost paid out, receipts from the other funders, cumulative balance, and the
/// largest deficit — the figure a carrier needs to ask for an advance.
/// </summary>
/// <param name="CarrierId">Whose treasury it is (null when the plan has no carrier: then every funder's payment is a receipt).</param>
/// <param name="Months">Every month from the first cost or payment to the last.</param>
/// <param name="TotalCost">What is paid out over the months: the plan's total cost.</param>
/// <param name="TotalReceipts">What the other funders pay in.</param>
/// <param name="EndBalance">The last cumulative balance: total receipts − total cost.</param>
/// <param name="LargestDeficit">The most negative balance, as a positive amount (zero when the balance never goes negative).</param>
/// <param name="LargestDeficitMonth">The month of <paramref name="LargestDeficit"/>, if any.</param>
/// <param name="DeficitMonths">The months ending with a negative balance.</param>
/// <param name="LargestDeficitWithOwnContributions">
/// The most negative balance once the carrier's own share is paid in as its schedule says: what it must pre-finance
/// beyond its own budget (zero when its own contributions always arrive in time).
/// </param>
/// <param name="Sentence">The finding in French.</param>
public sealed record TreasuryProjection(
    string? CarrierId,
    IReadOnlyList<TreasuryMonth> Months,
    Money TotalCost,
    Money TotalReceipts,
    Money EndBalance,
    Money LargestDeficit,
    YearMonth? LargestDeficitMonth,
    IReadOnlyList<YearMonth> DeficitMonths,
    Money LargestDeficitWithOwnContributions,
    string Sentence);
