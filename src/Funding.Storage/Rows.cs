namespace Funding.Storage;

// Rows as Dapper fills them: settable properties, so that SQLite's 64-bit and PostgreSQL's 32-bit integers both fit, and
// times read by Database's handler from either provider's type.

internal sealed class KeyRow
{
    public string Id { get; set; } = "";

    public string WorkspaceId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class SummaryRow
{
    public const string Columns = "id, name, latest_version AS LatestVersion, status, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int LatestVersion { get; set; }

    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public SavedPlanSummary ToSummary() => new(Id, Name, LatestVersion, Status, CreatedAt, UpdatedAt);
}

internal sealed class VersionRow
{
    public string PlanId { get; set; } = "";

    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Author { get; set; } = "";

    public string Comment { get; set; } = "";

    public string PlanJson { get; set; } = "";

    public string? VotedOn { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    public string? SignedBy { get; set; }

    public string? CalculationVersion { get; set; }

    public byte[]? Answer { get; set; }

    public PlanVersion ToVersion() => new(PlanId, Number, CreatedAt, Author, Comment, PlanJson,
        VotedOn is null ? null : new VersionSignature(VotedOn, Reference!, SignedAt!.Value, SignedBy!, CalculationVersion!, Answer!));
}

internal sealed class ExecutionRow
{
    public const string Columns = "e.plan_id AS PlanId, e.number AS Number, e.version AS Version, e.created_at AS CreatedAt, e.author AS Author, e.comment AS Comment, e.execution_json AS ExecutionJson";

    public string PlanId { get; set; } = "";

    public int Number { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Author { get; set; } = "";

    public string Comment { get; set; } = "";

    public string ExecutionJson { get; set; } = "";

    public ExecutionEntry ToEntry() => new(PlanId, Number, Version, CreatedAt, Author, Comment, ExecutionJson);
}
