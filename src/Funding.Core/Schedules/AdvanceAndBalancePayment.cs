using NodaTime;

namespace Funding.Schedules;

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
