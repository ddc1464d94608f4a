using NodaTime;

namespace Funding.Schedules;

/// <summary>One payment of a funder.</summary>
/// <param name="Date">When it is paid.</param>
/// <param name="BudgetYear">The budget year it belongs to (the calendar year of <paramref name="Date"/>).</param>
/// <param name="Amount">How much.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Sentence">How it was obtained, in French: « 2022 : 9 mois sur 12, 11 593,50 € × 9/12 = 8 695,125 €, soit 8 695,13 €. »</param>
public sealed record Payment(LocalDate Date, int BudgetYear, Money Amount, PaymentKind Kind, string Sentence);
