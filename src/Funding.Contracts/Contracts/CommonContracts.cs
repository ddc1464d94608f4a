using Funding.Plans;

namespace Funding.Contracts;

/// <summary>How a figure was obtained: the rule, its inputs and intermediate values, and a French sentence for reports.</summary>
public sealed record ExplanationOutput
{
    /// <summary>The rule that produced the figure: <c>cost</c>, <c>rate</c>, <c>fixedAnnual</c>, <c>fixedTotal</c>, <c>keyShare</c>, <c>remainder</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The explanation in French, ready to paste into a council report.</summary>
    public required string Sentence { get; init; }

    /// <summary>The inputs and intermediate values, in the order the sentence uses them (with <c>explain=full</c> only).</summary>
    public IReadOnlyList<TermOutput>? Terms { get; init; }
}

/// <summary>One input or intermediate value of a calculation.</summary>
public sealed record TermOutput
{
    /// <summary>A stable name: <c>base</c>, <c>rate</c>, <c>exact</c>, <c>cap</c>, <c>amount</c>, <c>leftToFund</c>…</summary>
    public required string Name { get; init; }

    /// <summary>The value: euros (exact values may have more than two decimals), a percentage (50 means 50 %), a count.</summary>
    public required decimal Value { get; init; }

    /// <summary>The unit of <c>value</c>.</summary>
    public required TermUnit Unit { get; init; }
}

/// <summary>The service status.</summary>
/// <param name="Status">Always <c>ok</c> when the service answers.</param>
/// <param name="CalculationVersion">Version of the calculation rules.</param>
public sealed record HealthResponse(string Status, string CalculationVersion);

/// <summary>
/// An amount of one budget year. (Per-year figures are objects rather than bare numbers: each says its year, and
/// generated clients read them exactly — Kiota's C# runtime cannot read a list of decimals.)
/// </summary>
public sealed record YearAmountOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>The amount, in euros.</summary>
    public required decimal Amount { get; init; }
}
