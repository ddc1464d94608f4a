using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// <paramref name="prefix"/> then « 2022 : 9 mois sur 24, 23 187,00 € × 9/24 = 8 695,125 €, soit 8 695,13 € (plus fort
    /// reste). », written once: no part of the sentence is built as a string of its own and copied.
    /// </summary>
    internal string Sentence(ReadOnlySpan<char> prefix, Money total, Money? annualAmount = null)
    {
        var text = new DefaultInterpolatedStringHandler(64, 16, CultureInfo.InvariantCulture);
        text.AppendFormatted(prefix);
        text.AppendFormatted(Year);
        text.AppendLiteral(" : ");
        if (Basis == ProrataBasis.Months)
        {
            text.AppendFormatted(Months);
            if (annualAmount is { } annual)
            {
                text.AppendLiteral(" mois sur 12, ");
                text.AppendLiteral(FrenchFormat.Money(annual));
                text.AppendLiteral(" × ");
                text.AppendFormatted(Months);
                text.AppendLiteral("/12");
            }
            else
            {
                text.AppendLiteral(" mois sur ");
                text.AppendFormatted(PeriodMonths);
                text.AppendLiteral(", ");
                text.AppendLiteral(FrenchFormat.Money(total));
                text.AppendLiteral(" × ");
                text.AppendFormatted(Months);
                text.AppendLiteral("/");
                text.AppendFormatted(PeriodMonths);
            }
        }
        else
        {
            string share = FrenchFormat.Rate(Ratio.Of(Weight, TotalWeight));
            text.AppendFormatted(Days);
            text.AppendLiteral(" jours sur ");
            text.AppendFormatted(DaysInYear);
            text.AppendLiteral(", soit ");
            text.AppendLiteral(share);
            text.AppendLiteral(" de la période, ");
            text.AppendLiteral(FrenchFormat.Money(total));
            text.AppendLiteral(" × ");
            text.AppendLiteral(share);
        }
        text.AppendLiteral(" = ");
        decimal exact = Exact(total);
        if (exact == Amount.Amount)
        {
            text.AppendLiteral(FrenchFormat.Money(Amount));
        }
        else
        {
            text.AppendLiteral(FrenchFormat.ExactMoney(exact));
            text.AppendLiteral(", soit ");
            text.AppendLiteral(FrenchFormat.Money(Amount));
            if (ReceivedRemainderCent(total))
            {
                text.AppendLiteral(" (plus fort reste)");
            }
        }
        text.AppendLiteral(".");
        return text.ToStringAndClear();
    }
}
