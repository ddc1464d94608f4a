using System.Globalization;
using Funding.Allocation;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Schedules;

/// <summary>
/// Splits an amount between the budget years of a period by prorata temporis, exactly, with the explanation of each
/// year's figure.
/// </summary>
internal static class BudgetYears
{
    internal static YearShare[] Split(Money total, PeriodCalendar calendar, ProrataBasis basis)
    {
        var weights = calendar.Weights(basis);
        var amounts = LargestRemainder.Split(total, weights);
        long totalWeight = weights.Sum();
        var shares = new YearShare[weights.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            shares[i] = new YearShare(calendar.Years[i], amounts[i], weights[i], totalWeight, basis, calendar.MonthsByYear[i], calendar.Period.Months, calendar.DaysByYear[i], calendar.DaysInYear[i]);
        }
        return shares;
    }
}

/// <summary>One budget year's part of an amount split by prorata temporis.</summary>
internal sealed record YearShare(int Year, Money Amount, long Weight, long TotalWeight, ProrataBasis Basis, int Months, int PeriodMonths, int Days, int DaysInYear)
{
    /// <summary>The exact part before rounding, in euros.</summary>
    internal decimal Exact(Money total) => total.Amount * Weight / TotalWeight;

    /// <summary>Whether the largest-remainder step gave this year one more cent than its exact part rounded down.</summary>
    internal bool ReceivedRemainderCent(Money total) =>
        (decimal)Amount.TotalCents * TotalWeight > (decimal)total.TotalCents * Weight;

    /// <summary>« 2022 : 9 mois sur 24, 23 187,00 € × 9/24 = 8 695,125 €, soit 8 695,13 € (plus fort reste). »</summary>
    internal string Sentence(Money total, Money? annualAmount = null)
    {
        string year = Year.ToString(CultureInfo.InvariantCulture);
        string computation;
        if (Basis == ProrataBasis.Months)
        {
            computation = annualAmount is { } annual
                ? $"{Months} mois sur 12, {FrenchFormat.Money(annual)} × {Months}/12"
                : $"{Months} mois sur {PeriodMonths}, {FrenchFormat.Money(total)} × {Months}/{PeriodMonths}";
        }
        else
        {
            var share = Ratio.Of(Weight, TotalWeight);
            computation = $"{Days} jours sur {DaysInYear}, soit {FrenchFormat.Rate(share)} de la période, {FrenchFormat.Money(total)} × {FrenchFormat.Rate(share)}";
        }
        decimal exact = Exact(total);
        string result = exact == Amount.Amount
            ? FrenchFormat.Money(Amount)
            : $"{FrenchFormat.ExactMoney(exact)}, soit {FrenchFormat.Money(Amount)}{(ReceivedRemainderCent(total) ? " (plus fort reste)" : "")}";
        return $"{year} : {computation} = {result}.";
    }
}
