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
