using NodaTime;

namespace Funding.Contracts;

/// <summary>A plan to save, as <c>POST /v1/plans</c> takes it, with a comment saying what this version is.</summary>
public sealed record SavePlanRequest
{
    /// <summary>The plan.</summary>
    public required PlanRequest Plan { get; init; }

    /// <summary>What this version is, e.g. « avenant n° 1 : démarrage au 1er septembre » (at most 2 000 characters).</summary>
    public string? Comment { get; init; }
}

/// <summary>The vote that froze a version.</summary>
public sealed record SignRequest
{
    /// <summary>The day the council voted, e.g. 2022-03-17.</summary>
    public required LocalDate VotedOn { get; init; }

    /// <summary>The deliberation's reference, e.g. « délibération n° 8 ».</summary>
    public required string Reference { get; init; }
}

/// <summary>The signature of a voted version.</summary>
public sealed record SignatureOutput
{
    /// <summary>The day the council voted.</summary>
    public required LocalDate VotedOn { get; init; }

    /// <summary>The deliberation's reference.</summary>
    public required string Reference { get; init; }

    /// <summary>When the version was signed (UTC).</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The name of the key that signed it.</summary>
    public required string SignedBy { get; init; }

    /// <summary>The calculation rules of the figures stored at signing.</summary>
    public required string CalculationVersion { get; init; }
}

/// <summary>A saved plan as the list shows it.</summary>
public sealed record SavedPlanSummaryOutput
{
    /// <summary>The saved plan's id.</summary>
    public required string Id { get; init; }

    /// <summary>The plan's name (of its latest version).</summary>
    public required string Name { get; init; }

    /// <summary>The number of its latest version.</summary>
    public required int LatestVersion { get; init; }

    /// <summary>active, or archived.</summary>
    public required string Status { get; init; }

    /// <summary>When it was first saved (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Its address.</summary>
    public required string Href { get; init; }
}

/// <summary>One page of a workspace's saved plans, the latest changed first.</summary>
public sealed record SavedPlanListResponse
{
    /// <summary>The plans of this page.</summary>
    public required IReadOnlyList<SavedPlanSummaryOutput> Plans { get; init; }

    /// <summary>The page number, from 1.</summary>
    public required int Page { get; init; }

    /// <summary>Plans per page.</summary>
    public required int PageSize { get; init; }

    /// <summary>How many plans match, on every page.</summary>
    public required int Total { get; init; }
}

/// <summary>A version as the history lists it.</summary>
public sealed record VersionSummaryOutput
{
    /// <summary>The version number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>When it was saved (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the key that saved it.</summary>
    public required string Author { get; init; }

    /// <summary>What this version is.</summary>
    public required string Comment { get; init; }

    /// <summary>Its signature, when a council voted it.</summary>
    public SignatureOutput? Signature { get; init; }
}

/// <summary>A version of a saved plan: the plan, its figures, and its signature if it was voted.</summary>
public sealed record SavedPlanVersionResponse
{
    /// <summary>The saved plan's id.</summary>
    public required string PlanId { get; init; }

    /// <summary>The version number.</summary>
    public required int Number { get; init; }

    /// <summary>When it was saved (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the key that saved it.</summary>
    public required string Author { get; init; }

    /// <summary>What this version is.</summary>
    public required string Comment { get; init; }

    /// <summary>The plan.</summary>
    public required PlanRequest Plan { get; init; }

    /// <summary>Its figures, as <c>POST /v1/plans</c> answers them; for a signed version, as they were computed at signing.</summary>
    public required PlanResponse Result { get; init; }

    /// <summary>Its signature, when a council voted it.</summary>
    public SignatureOutput? Signature { get; init; }
}

/// <summary>A funder's total as signed and as today's rules compute it.</summary>
public sealed record RecomputedFunderOutput
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The total stored at signing, in euros (null when the funder was not in the signed answer).</summary>
    public decimal? SignedTotal { get; init; }

    /// <summary>The total with today's rules, in euros (null when the funder is no longer computed).</summary>
    public decimal? CurrentTotal { get; init; }

    /// <summary>Current − signed, in euros.</summary>
    public required decimal Difference { get; init; }
}

/// <summary>A signed version recomputed with today's rules, beside the figures that were voted.</summary>
public sealed record RecomputeResponse
{
    /// <summary>The version number.</summary>
    public required int Number { get; init; }

    /// <summary>The rules of the signed figures.</summary>
    public required string SignedCalculationVersion { get; init; }

    /// <summary>Today's rules.</summary>
    public required string CurrentCalculationVersion { get; init; }

    /// <summary>Whether today's answer is byte for byte the signed one.</summary>
    public required bool Identical { get; init; }

    /// <summary>Every funder, with both totals; the differences say what changed.</summary>
    public required IReadOnlyList<RecomputedFunderOutput> Funders { get; init; }

    /// <summary>The finding in French.</summary>
    public required string Sentence { get; init; }
}

/// <summary>A signature as exported: the vote and the exact answer stored at signing.</summary>
public sealed record ExportedSignature
{
    /// <summary>The day the council voted.</summary>
    public required LocalDate VotedOn { get; init; }

    /// <summary>The deliberation's reference.</summary>
    public required string Reference { get; init; }

    /// <summary>When it was signed (UTC).</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The name of the key that signed it.</summary>
    public required string SignedBy { get; init; }

    /// <summary>The calculation rules of the stored answer.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The answer stored at signing, byte for byte (base64).</summary>
    public required byte[] Answer { get; init; }
}

/// <summary>A version as exported.</summary>
public sealed record ExportedVersion
{
    /// <summary>The version number.</summary>
    public required int Number { get; init; }

    /// <summary>When it was saved (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the key that saved it.</summary>
    public required string Author { get; init; }

    /// <summary>What this version is.</summary>
    public required string Comment { get; init; }

    /// <summary>The plan, as POST /v1/plans takes it.</summary>
    public required PlanRequest Plan { get; init; }

    /// <summary>Its signature, if it was voted.</summary>
    public ExportedSignature? Signature { get; init; }
}

/// <summary>A saved plan as exported, with every version.</summary>
public sealed record ExportedPlan
{
    /// <summary>The saved plan's id (kept on import).</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>active or archived.</summary>
    public required string Status { get; init; }

    /// <summary>When it was first saved (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every version, in order.</summary>
    public required IReadOnlyList<ExportedVersion> Versions { get; init; }

    /// <summary>Its execution history: what was spent and received, entry by entry.</summary>
    public IReadOnlyList<ExportedExecution>? Executions { get; init; }
}

/// <summary>A workspace's saved plans, for a backup or a move (from SQLite to PostgreSQL, say).</summary>
public sealed record WorkspaceExport
{
    /// <summary>The format's version: 1.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Every saved plan, archived ones included.</summary>
    public required IReadOnlyList<ExportedPlan> Plans { get; init; }

    /// <summary>The workspace's audit log, oldest first: kept as it was on import, which adds its own line.</summary>
    public IReadOnlyList<AuditEntryOutput>? Audit { get; init; }

    /// <summary>Every version of the workspace's own programmes (the plans may name them), by id and version.</summary>
    public IReadOnlyList<ExportedProgramme>? Programmes { get; init; }
}

/// <summary>A version of a workspace's own programme in an export: kept as it was on import.</summary>
public sealed record ExportedProgramme
{
    /// <summary>The programme's id.</summary>
    public required string Id { get; init; }

    /// <summary>The version's number.</summary>
    public required int Version { get; init; }

    /// <summary>When it was saved.</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Who saved it.</summary>
    public required string SavedBy { get; init; }

    /// <summary>Why.</summary>
    public string? Comment { get; init; }

    /// <summary>The programme file, as saved.</summary>
    public required System.Text.Json.JsonElement Programme { get; init; }
}

/// <summary>One line of a workspace's audit log: who did what, when, to which plan and version.</summary>
public sealed record AuditEntryOutput
{
    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The person: the name of the key, or of the server account for a command run on the server.</summary>
    public required string Actor { get; init; }

    /// <summary>The id of the key used, if a key was.</summary>
    public string? KeyId { get; init; }

    /// <summary>What was done: plan.saved, plan.amended, version.signed, plan.archived, execution.recorded, workspace.imported, key.added, key.revoked, programme.saved.</summary>
    public required string Action { get; init; }

    /// <summary>The saved plan concerned, if any.</summary>
    public string? PlanId { get; init; }

    /// <summary>The version concerned, if any.</summary>
    public int? Version { get; init; }

    /// <summary>The SHA-256 of what was written (the version's plan, the signed answer, the execution entry), as "sha256:hex".</summary>
    public string? ContentHash { get; init; }

    /// <summary>What it was, in French (the version's comment, the vote, the key's person and role).</summary>
    public required string Detail { get; init; }
}

/// <summary>A page of the audit log.</summary>
public sealed record AuditResponse
{
    /// <summary>The lines, oldest first.</summary>
    public required IReadOnlyList<AuditEntryOutput> Entries { get; init; }

    /// <summary>True when more lines match than the limit: ask again from the last one's time.</summary>
    public required bool Truncated { get; init; }
}

/// <summary>A workspace's key as listed: never the key itself, only who holds it and their role.</summary>
public sealed record ApiKeyOutput
{
    /// <summary>The key's id.</summary>
    public required string Id { get; init; }

    /// <summary>The person (or application) it belongs to.</summary>
    public required string Name { get; init; }

    /// <summary>reader, editor, signer or admin.</summary>
    public required string Role { get; init; }

    /// <summary>When it was made (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was revoked (UTC), if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A new key for a person of the workspace.</summary>
public sealed record ApiKeyRequest
{
    /// <summary>The person (or application) it is for: 1 to 100 characters.</summary>
    public required string Name { get; init; }

    /// <summary>reader, editor (the default), signer or admin.</summary>
    public string? Role { get; init; }
}

/// <summary>A key just made: shown this once, never again (only its hash is kept).</summary>
public sealed record ApiKeyCreatedResponse
{
    /// <summary>The key, to give to its person: "Authorization: Bearer" followed by it.</summary>
    public required string Key { get; init; }

    /// <summary>The key as listed.</summary>
    public required ApiKeyOutput Info { get; init; }
}

/// <summary>What an import did.</summary>
public sealed record WorkspaceImportResponse
{
    /// <summary>Plans imported.</summary>
    public required int Plans { get; init; }

    /// <summary>Versions imported.</summary>
    public required int Versions { get; init; }

    /// <summary>Signed versions among them.</summary>
    public required int Signatures { get; init; }

    /// <summary>Execution entries imported.</summary>
    public int Executions { get; init; }
}
