namespace Funding.Rules;

/// <summary>One member of a group under every key compared.</summary>
/// <param name="MemberId">The member's id.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Plan">What it pays under the plan's own key.</param>
/// <param name="ByKey">What it would pay under each key compared, in the order of the keys.</param>
/// <param name="Sentence">The comparison in French: « Brest Métropole : 23 706,83 € selon la clé du plan ; … ».</param>
public sealed record KeyComparisonMember(string MemberId, string Name, Money Plan, IReadOnlyList<Money> ByKey, string Sentence)
{
    /// <summary>What it would pay under each key minus what it pays under the plan's key.</summary>
    public IReadOnlyList<Money> Differences => [.. ByKey.Select(amount => amount - Plan)];
}
