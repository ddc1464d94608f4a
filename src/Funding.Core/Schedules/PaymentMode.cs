using Funding.Plans;
using Funding.Rules;
using NodaTime;

namespace Funding.Schedules;

/// <summary>How a funder pays its contribution over time ("modalités de versement").</summary>
public abstract record PaymentMode
{
    private protected PaymentMode()
    {
    }

    /// <summary>The mode's identifier in the API: <c>once</c>, <c>perBudgetYear</c>, <c>advanceAndBalance</c>, <c>monthly</c>.</summary>
    public abstract string Type { get; }

    /// <summary>
    /// The mode used when a funder states none: its rule's (<see cref="ContributionRule.DefaultPayment"/>) — yearly
    /// contributions (fixed per year, key shares, the carrier's remainder) are paid per budget year; one-off ones (a rate,
    /// a fixed total) once at the start.
    /// </summary>
    /// <param name="rule">The funder's rule.</param>
    /// <returns>The default mode.</returns>
    public static PaymentMode DefaultFor(ContributionRule rule) => Preconditions.CheckNotNull(rule).DefaultPayment;
}

/// <summary>The whole amount at once ("versée en une fois"), by default on the first day of the period.</summary>
/// <param name="Date">The payment date, or null for the period's start.</param>
public sealed record OncePayment(LocalDate? Date = null) : PaymentMode
{
    /// <inheritdoc />
    public override string Type => "once";
}

/// <summary>
/// One payment per budget year covered, prorated to the months (default) or days of the period in that year.
/// </summary>
/// <param name="Prorata">How the total is shared between budget years; null (the default) to follow the cost's own basis.</param>
/// <param name="PayOn">
/// The day of the year each payment is made (30 June, say), never before the period starts; null to pay each year at
/// the start of its part of the period (the period's start, then 1 January).
/// </param>
public sealed record PerBudgetYearPayment(ProrataBasis? Prorata = null, AnnualDate? PayOn = null) : PaymentMode
{
    /// <inheritdoc />
    public override string Type => "perBudgetYear";
}

/// <summary>
/// An advance ("avance") at the start, optional installments ("acomptes"), and the balance ("solde") at the end.
/// </summary>
/// <param name="Advance">The advance as a percentage of the total, paid on the first day of the period.</param>
public sealed record AdvanceAndBalancePayment(Rate Advance) : PaymentMode
{
    /// <summary>Installments between the advance and the balance, each a dated percentage of the total.</summary>
    public IReadOnlyList<Installment> Installments { get; init; } = [];

    /// <summary>The balance date, or null for the last day of the period.</summary>
    public LocalDate? BalanceDate { get; init; }

    /// <summary>Whether the advance is covered by a guarantee, which raises its legal ceiling from 30 % to 60 %.</summary>
    public bool AdvanceGuaranteed { get; init; }

    /// <inheritdoc />
    public override string Type => "advanceAndBalance";
}

/// <summary>An installment ("acompte"): a percentage of the total paid at a date.</summary>
/// <param name="Date">The payment date, within the period.</param>
/// <param name="Share">The percentage of the total.</param>
public sealed record Installment(LocalDate Date, Rate Share);

/// <summary>Equal monthly payments on the first day of each month of the period ("mensualités").</summary>
public sealed record MonthlyPayment : PaymentMode
{
    /// <inheritdoc />
    public override string Type => "monthly";
}
