using NodaTime;

namespace Funding.Schedules;

/// <summary>What each payment is.</summary>
public enum PaymentKind
{
    /// <summary>The whole contribution at once ("versement unique").</summary>
    OneOff,

    /// <summary>One budget year's part ("annuité").</summary>
    Annual,

    /// <summary>The advance at the start ("avance").</summary>
    Advance,

    /// <summary>An installment before the balance ("acompte").</summary>
    Installment,

    /// <summary>The balance at the end ("solde").</summary>
    Balance,

    /// <summary>A monthly payment ("mensualité").</summary>
    Monthly,
}

/// <summary>One payment of a funder.</summary>
/// <param name="Date">When it is paid.</param>
/// <param name="BudgetYear">The budget year it belongs to (the calendar year of <paramref name="Date"/>).</param>
/// <param name="Amount">How much.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Sentence">How it was obtained, in French: « 2022 : 9 mois sur 12, 11 593,50 € × 9/12 = 8 695,125 €, soit 8 695,13 €. »</param>
public sealed record Payment(LocalDate Date, int BudgetYear, Money Amount, PaymentKind Kind, string Sentence);

/// <summary>A funder's payments, which sum exactly to its contribution.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Mode">How it pays.</param>
/// <param name="Total">Its contribution.</param>
/// <param name="Payments">The payments in date order.</param>
public sealed record FunderSchedule(string FunderId, string Name, PaymentMode Mode, Money Total, IReadOnlyList<Payment> Payments);

/// <summary>One funder's row of the budget-year table: what it pays and what it contributes, year by year.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Amounts">What it pays in each year of <see cref="BudgetYearTable.Years"/> (the payment view).</param>
/// <param name="Total">The row total: the funder's contribution.</param>
/// <param name="Contributions">What it contributes to each year's cost (the contribution view), summing to <paramref name="Total"/> as well.</param>
public sealed record BudgetYearRow(string FunderId, string Name, IReadOnlyList<Money> Amounts, Money Total, IReadOnlyList<Money> Contributions);

/// <summary>
/// Funders × budget years ("exercices") in two views: what each funder pays in which year, and what it contributes to
/// each year's cost; both reconcile to the cent in both directions, and each year's contributions equal its cost plus its
/// over-funding minus its unfunded part.
/// </summary>
/// <param name="Years">The budget years, consecutive.</param>
/// <param name="Rows">One row per funder, in plan order.</param>
/// <param name="YearTotals">Column totals: what all funders pay in each year.</param>
/// <param name="GrandTotal">The sum of every row (and of every column).</param>
/// <param name="CostByYear">The plan's cost in each year, for comparison.</param>
/// <param name="ContributionTotals">Column totals of the contribution view: what all funders contribute to each year's cost.</param>
/// <param name="OverFundingByYear">By how much each year's contributions exceed its cost.</param>
/// <param name="UnfundedByYear">What no funder contributes to each year's cost.</param>
public sealed record BudgetYearTable(
    IReadOnlyList<int> Years,
    IReadOnlyList<BudgetYearRow> Rows,
    IReadOnlyList<Money> YearTotals,
    Money GrandTotal,
    IReadOnlyList<Money> CostByYear,
    IReadOnlyList<Money> ContributionTotals,
    IReadOnlyList<Money> OverFundingByYear,
    IReadOnlyList<Money> UnfundedByYear);

/// <summary>One month of the carrier's treasury.</summary>
/// <param name="Month">The calendar month.</param>
/// <param name="Cost">What the carrier pays out that month (the cost spread over the months).</param>
/// <param name="Receipts">What the other funders pay it that month.</param>
/// <param name="Balance">The cumulative balance at the end of the month: receipts − costs since the start.</param>
/// <param name="OwnContribution">What the carrier puts in itself that month, per its own schedule.</param>
/// <param name="BalanceWithOwnContributions">The cumulative balance counting the carrier's own contributions as they are scheduled.</param>
public sealed record TreasuryMonth(YearMonth Month, Money Cost, Money Receipts, Money Balance, Money OwnContribution, Money BalanceWithOwnContributions);

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

/// <summary>The schedules of a plan: per funder, per budget year, and the carrier's treasury.</summary>
/// <param name="Funders">Each funder's payments, in plan order.</param>
/// <param name="Table">The funders × budget years table.</param>
/// <param name="Treasury">The carrier's monthly treasury projection.</param>
public sealed record ScheduleResult(IReadOnlyList<FunderSchedule> Funders, BudgetYearTable Table, TreasuryProjection Treasury);
