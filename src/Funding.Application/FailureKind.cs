namespace Funding.Application;

/// <summary>The kinds of failure a use case reports.</summary>
internal enum FailureKind
{
    /// <summary>No such resource.</summary>
    NotFound,

    /// <summary>The request conflicts with the resource's state (already signed, archived, an import's ids taken).</summary>
    Conflict,

    /// <summary>A precondition failed (a stale version).</summary>
    PreconditionFailed,

    /// <summary>A precondition is missing (If-Match).</summary>
    PreconditionRequired,
}
