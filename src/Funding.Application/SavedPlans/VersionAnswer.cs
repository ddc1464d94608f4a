namespace Funding.Application.SavedPlans;

/// <summary>A saved version's answer: computed now, or (signed) the exact bytes stored when it was signed.</summary>
/// <param name="Number">The version's number (its ETag).</param>
/// <param name="Computed">The version with its figures computed with today's rules, when it is not signed.</param>
/// <param name="Signed">The JSON bytes frozen at signing, when it is signed.</param>
internal sealed record VersionAnswer(int Number, SavedPlanVersionResponse? Computed, byte[]? Signed);
