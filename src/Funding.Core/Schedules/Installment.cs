using NodaTime;

namespace Funding.Schedules;

/// <summary>An installment ("acompte"): a percentage of the total paid at a date.</summary>
/// <param name="Date">The payment date, within the period.</param>
/// <param name="Share">The percentage of the total.</param>
public sealed record Installment(LocalDate Date, Rate Share);
