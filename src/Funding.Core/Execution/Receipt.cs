using NodaTime;

namespace Funding.Execution;

/// <summary>A payment received from a funder, or (negative) an amount paid back to it.</summary>
/// <param name="FunderId">The funder (or group member) who paid.</param>
/// <param name="Date">When it was received (or paid back).</param>
/// <param name="Amount">How much; negative for an amount paid back to the funder (« reversement »).</param>
/// <param name="Reference">The reference of the receipt (« titre de recettes n° 2023-118 »), or null.</param>
public sealed record Receipt(string FunderId, LocalDate Date, Money Amount, string? Reference = null);
