namespace Funding.Plans;

/// <summary>A key-share group: the pool its members shared.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Pool">The pool to share between the members, as its rule gives it (a fixed amount, or a percentage of what is left).</param>
/// <param name="Allocated">What the members were actually given: <paramref name="Pool"/> − <paramref name="Unallocated"/>.</param>
/// <param name="Unallocated">The part of the pool the members' caps could not absorb (left to the next rules).</param>
/// <param name="MemberIds">The members' ids, in order.</param>
/// <param name="Explanation">How the pool was obtained and split.</param>
/// <param name="Limit">Whether the group's cap reduced a computed pool, or a promised pool is above it.</param>
public sealed record GroupResult(string Id, string Name, Money Pool, Money Allocated, Money Unallocated, IReadOnlyList<string> MemberIds, Explanation Explanation, ContributionLimit Limit);
