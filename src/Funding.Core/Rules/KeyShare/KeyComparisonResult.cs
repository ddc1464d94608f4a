namespace Funding.Rules;

/// <summary>A group's members under several keys, side by side, each compared with the plan's key.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="PlanKey">The plan's key label.</param>
/// <param name="Keys">The names of the keys compared, in order.</param>
/// <param name="Allocated">What the group's members pay together under the plan's key, then under each key compared.</param>
/// <param name="Members">Each member, in the group's order.</param>
public sealed record KeyComparisonResult(string GroupId, string PlanKey, IReadOnlyList<string> Keys, IReadOnlyList<Money> Allocated, IReadOnlyList<KeyComparisonMember> Members);
