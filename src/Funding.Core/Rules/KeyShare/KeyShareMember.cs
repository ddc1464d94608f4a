using Funding.Plans;

namespace Funding.Rules;

/// <summary>A member of a key-share group: a funder with its weight(s) and optional cap and floor.</summary>
/// <param name="Id">A unique identifier among all the plan's funders.</param>
/// <param name="Name">The name reports use.</param>
/// <param name="Kind">The legal nature of the member.</param>
public sealed record KeyShareMember(string Id, string Name, FunderKind Kind)
{
    /// <summary>The member's weight for a key that uses a single weight (its population, say).</summary>
    public decimal Weight { get; init; }

    /// <summary>Named weights, for keys that name theirs (mixed keys).</summary>
    public IReadOnlyDictionary<string, decimal>? Weights { get; init; }

    /// <summary>The most this member pays ("plafond"), or null.</summary>
    public Money? Cap { get; init; }

    /// <summary>The least this member pays ("plancher"), or null.</summary>
    public Money? Floor { get; init; }
}
