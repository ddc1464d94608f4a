namespace Funding.Allocation;

/// <summary>
/// A party to a split: an intercommunality (EPCI), a commune, a budget year… with its weight in the key and, optionally,
/// a cap ("plafond") and a floor ("plancher").
/// </summary>
/// <param name="Id">A unique, non-empty identifier (e.g. <c>qbo</c>).</param>
/// <param name="Weight">
/// The party's weight for keys that use a single weight (<see cref="AllocationKey.ByWeight"/> without a weight name):
/// a population, a number of shares… Between 0 and <see cref="FundingLimits.MaxWeight"/>.
/// </param>
public sealed record AllocationParty(string Id, decimal Weight = 0m)
{
    /// <summary>Display name used in explanations (« Quimper Bretagne Occidentale »); the id when absent.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Named weights, for keys that name the weight they use (<c>population</c>, <c>potentielFiscal</c>), in particular
    /// the components of a mixed key.
    /// </summary>
    public IReadOnlyDictionary<string, decimal>? Weights { get; init; }

    /// <summary>The most this party may receive ("plafond"); none when null.</summary>
    public Money? Cap { get; init; }

    /// <summary>The least this party must receive ("plancher"); none when null.</summary>
    public Money? Floor { get; init; }

    /// <summary>The name to show: <see cref="Name"/>, or <see cref="Id"/> when there is no name.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
