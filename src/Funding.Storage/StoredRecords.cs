namespace Funding.Storage;

/// <summary>Who a valid API key belongs to.</summary>
internal sealed record KeyIdentity(string KeyId, string Workspace, string Name, WorkspaceRole Role);

/// <summary>An API key as listed (never the key itself: only its hash is stored).</summary>
internal sealed record KeyInfo(string Id, string Name, WorkspaceRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A saved plan as the list shows it.</summary>
internal sealed record SavedPlanSummary(string Id, string Name, int LatestVersion, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The signature of a voted version: its vote, and the exact answer computed when it was signed.</summary>
internal sealed record VersionSignature(string VotedOn, string Reference, DateTimeOffset SignedAt, string SignedBy, string CalculationVersion, byte[] Answer);

/// <summary>One immutable version of a saved plan.</summary>
internal sealed record PlanVersion(string PlanId, int Number, DateTimeOffset CreatedAt, string Author, string Comment, string PlanJson, VersionSignature? Signature);

/// <summary>A recorded execution entry: the actual expenses and receipts of a saved plan, for one of its versions.</summary>
internal sealed record ExecutionEntry(string PlanId, int Number, int Version, DateTimeOffset CreatedAt, string Author, string Comment, string ExecutionJson);

/// <summary>What an update found: the new version, or the current one when the expected version was stale.</summary>
internal sealed record UpdateOutcome(PlanVersion? Saved, int? CurrentVersion, bool Found, bool Archived);
