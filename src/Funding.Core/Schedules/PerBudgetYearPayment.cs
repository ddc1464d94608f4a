using Funding.Plans;
using NodaTime;

namespace Funding.Schedules;

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
