using NodaTime;

namespace Funding.Schedules;

/// <summary>The whole amount at once ("versée en une fois"), by default on the first day of the period.</summary>
/// <param name="Date">The payment date, or null for the period's start.</param>
public sealed record OncePayment(LocalDate? Date = null) : PaymentMode
{
    /// <inheritdoc />
    public override string Type => "once";
}
