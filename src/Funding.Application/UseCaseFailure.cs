namespace Funding.Application;

/// <summary>A use case's failure that is not about the request's fields: its kind (the HTTP status it maps to), its stable code and French message.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Title">The short message (its code is the problem's).</param>
/// <param name="Detail">What to do, or null.</param>
/// <param name="CurrentVersion">For a stale version, the current one (the answer's ETag and <c>currentVersion</c>).</param>
internal sealed record UseCaseFailure(FailureKind Kind, FundingMessage Title, FundingMessage? Detail = null, int? CurrentVersion = null);
