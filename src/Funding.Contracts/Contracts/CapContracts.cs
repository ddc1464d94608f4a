namespace Funding.Contracts;

/// <summary>A rate applied to a base with an optional cap and floor: "50 % of 207 600 € capped at 80 000 €?"</summary>
public sealed record CapRequest
{
    /// <summary>The base ("assiette"), in euros, zero or positive.</summary>
    public required decimal Base { get; init; }

    /// <summary>The rate in percent, 0 to 100 (50 means 50 %).</summary>
    public required decimal RatePercent { get; init; }

    /// <summary>The cap ("plafond"), in euros.</summary>
    public decimal? Cap { get; init; }

    /// <summary>The floor ("plancher"), in euros.</summary>
    public decimal? Floor { get; init; }

    /// <summary>The rounding policy: <c>half-away-from-zero</c> (default), <c>half-to-even</c> or <c>toward-zero</c>.</summary>
    public string? Rounding { get; init; }
}

/// <summary>The capped amount and how it was obtained.</summary>
public sealed record CapResponse
{
    /// <summary>The version of the calculation rules that produced these figures.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The result after floor and cap, in euros.</summary>
    public required decimal Amount { get; init; }

    /// <summary>rate × base rounded to the cent, before floor and cap, in euros.</summary>
    public required decimal UncappedAmount { get; init; }

    /// <summary>rate × base before rounding, in euros.</summary>
    public required decimal ExactAmount { get; init; }

    /// <summary>Whether the cap reduced the amount.</summary>
    public required bool CapBinds { get; init; }

    /// <summary>Whether rate × base equals the cap exactly ("cap just reached").</summary>
    public required bool CapReached { get; init; }

    /// <summary>Whether the floor raised the amount.</summary>
    public required bool FloorBinds { get; init; }

    /// <summary>amount / base in percent, to 6 decimal places (38.535645 for 80 000 € of 207 600 €).</summary>
    public required decimal EffectiveRatePercent { get; init; }

    /// <summary>The amount in French format (<c>80 000,00 €</c>).</summary>
    public required string AmountFormatted { get; init; }

    /// <summary>The effective rate in French format (<c>38,54 %</c>).</summary>
    public required string EffectiveRateFormatted { get; init; }

    /// <summary>The rounding policy used.</summary>
    public required string Rounding { get; init; }

    /// <summary>The explanation, as data and as a French sentence.</summary>
    public required ExplanationOutput Explanation { get; init; }
}
