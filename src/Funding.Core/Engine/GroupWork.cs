using Funding.Plans;
using Funding.Rules;

namespace Funding.Engine;

/// <summary>A key-share group's figures while the waterfall runs, and the trace of how its pool was obtained and split.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Pool">The pool to share.</param>
/// <param name="Allocated">What the members were given.</param>
/// <param name="Unallocated">What their caps could not absorb.</param>
/// <param name="MemberIds">The members' ids, in order.</param>
/// <param name="Limit">Whether the group's cap reduced a computed pool, or a promised pool is above it.</param>
/// <param name="Trace">How the pool was obtained and split.</param>
internal sealed record GroupWork(string Id, string Name, Money Pool, Money Allocated, Money Unallocated, IReadOnlyList<string> MemberIds, ContributionLimit Limit, RuleTrace Trace);
