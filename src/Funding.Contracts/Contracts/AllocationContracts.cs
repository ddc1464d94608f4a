using System.Text.Json.Serialization;
using Funding.Allocation;

namespace Funding.Contracts;

/// <summary>An amount to split between parties by an allocation key ("clé de répartition").</summary>
public sealed record AllocationRequest
{
    /// <summary>The amount to split, in euros, zero or positive, at most two decimals (e.g. <c>103800.00</c>).</summary>
    public required decimal Amount { get; init; }

    /// <summary>The allocation key.</summary>
    public required KeyInput Key { get; init; }

    /// <summary>The parties, in the order the shares are returned (at least 1, at most 100 000).</summary>
    public required IReadOnlyList<PartyInput> Parties { get; init; }
}

/// <summary>A party to a split, with its weight(s) and optional cap and floor.</summary>
public sealed record PartyInput
{
    /// <summary>A unique, non-empty identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The name used in explanations; the id when absent.</summary>
    public string? Name { get; init; }

    /// <summary>The party's weight for a <c>weight</c> key without <c>weightName</c> (a population…), 0 to 10¹⁵.</summary>
    public decimal? Weight { get; init; }

    /// <summary>Named weights (e.g. <c>{"population": 102574}</c>), for keys with a <c>weightName</c>, such as the components of a mixed key.</summary>
    public IReadOnlyDictionary<string, decimal>? Weights { get; init; }

    /// <summary>The most this party receives ("plafond"), in euros.</summary>
    public decimal? Cap { get; init; }

    /// <summary>The least this party receives ("plancher"), in euros.</summary>
    public decimal? Floor { get; init; }
}

/// <summary>An allocation key: <c>equal</c> parts, a <c>weight</c>, or a <c>mixed</c> key.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EqualKeyInput), "equal")]
[JsonDerivedType(typeof(WeightKeyInput), "weight")]
[JsonDerivedType(typeof(MixedKeyInput), "mixed")]
public abstract record KeyInput;

/// <summary>Equal parts ("parts égales"): every party weighs 1.</summary>
public sealed record EqualKeyInput : KeyInput;

/// <summary>A key proportional to each party's weight (population, shares…).</summary>
public sealed record WeightKeyInput : KeyInput
{
    /// <summary>How explanations name the key (« population »); default « pondération ».</summary>
    public string? Label { get; init; }

    /// <summary>The named weight to read in each party's <c>weights</c>; when absent, each party's <c>weight</c>.</summary>
    public string? WeightName { get; init; }
}

/// <summary>A mixed key: each component takes its percentage of the amount by its own key; the percentages sum to 100.</summary>
public sealed record MixedKeyInput : KeyInput
{
    /// <summary>The components (1 to 10).</summary>
    public required IReadOnlyList<KeyComponentInput> Components { get; init; }
}

/// <summary>One component of a mixed key.</summary>
public sealed record KeyComponentInput
{
    /// <summary>The percentage of the amount split by this component (50 means 50 %).</summary>
    public required decimal Percent { get; init; }

    /// <summary>The component's key: <c>equal</c> or <c>weight</c>.</summary>
    public required KeyInput Key { get; init; }
}

/// <summary>The split: one share per party, in input order, summing exactly to the allocated amount.</summary>
public sealed record AllocationResponse
{
    /// <summary>The version of the calculation rules that produced these figures.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The amount asked to split, in euros.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The sum of the shares, in euros: <c>amount</c> − <c>unallocated</c>.</summary>
    public required decimal Allocated { get; init; }

    /// <summary>What could not be allocated because every weighted party reached its cap, in euros (0 otherwise).</summary>
    public required decimal Unallocated { get; init; }

    /// <summary>How many cents the largest-remainder step handed out one by one.</summary>
    public required long LeftoverCents { get; init; }

    /// <summary>The key's name as explanations quote it.</summary>
    public required string KeyLabel { get; init; }

    /// <summary>The split in one French sentence.</summary>
    public string? Sentence { get; init; }

    /// <summary>One share per party, in input order.</summary>
    public required IReadOnlyList<ShareOutput> Shares { get; init; }
}

/// <summary>One party's share and its explanation.</summary>
public sealed record ShareOutput
{
    /// <summary>The party's id.</summary>
    public required string Id { get; init; }

    /// <summary>The party's name (its id when it has none).</summary>
    public required string Name { get; init; }

    /// <summary>The share, in euros, to the cent.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The share in French format (<c>11 593,50 €</c>), ready to paste.</summary>
    public required string AmountFormatted { get; init; }

    /// <summary>The party's weight in the key (1 for equal parts; for a mixed key, its combined share in percent).</summary>
    public required decimal Weight { get; init; }

    /// <summary>weight / total weight, in percent, to 6 decimal places.</summary>
    public required decimal ShareOfKeyPercent { get; init; }

    /// <summary>The exact share before rounding, in euros (10 decimal places, truncated).</summary>
    public required decimal ExactAmount { get; init; }

    /// <summary>1 when the party received a leftover cent, else 0.</summary>
    public required int RemainderCents { get; init; }

    /// <summary>Whether the party was held at its cap or floor.</summary>
    public required ShareBound Bound { get; init; }

    /// <summary>The explanation in French: « Quimper Bretagne Occidentale : 18,17 % de la clé population, soit 11 593,50 €. »</summary>
    public string? Sentence { get; init; }
}
