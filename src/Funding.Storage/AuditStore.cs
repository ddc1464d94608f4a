using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Funding.Storage;

/// <summary>One line of the audit log.</summary>
internal sealed record AuditRecord(long Id, DateTimeOffset At, string Actor, string? KeyId, string Action, string? PlanId, int? Version, string? ContentHash, string Detail);

/// <summary>The actions the audit log records.</summary>
internal static class AuditActions
{
    public const string PlanSaved = "plan.saved";
    public const string PlanAmended = "plan.amended";
    public const string VersionSigned = "version.signed";
    public const string PlanArchived = "plan.archived";
    public const string ExecutionRecorded = "execution.recorded";
    public const string WorkspaceImported = "workspace.imported";
    public const string KeyAdded = "key.added";
    public const string KeyRevoked = "key.revoked";
    public const string ProgrammeSaved = "programme.saved";
}

/// <summary>
/// The append-only audit log of a workspace: every save, amendment, signature, archive, execution, import and key
/// change, written in the same transaction as the change itself (one without the other cannot be committed), and
/// never updated or deleted (the database's triggers refuse it).
/// </summary>
internal sealed class AuditStore(Database database)
{
    /// <summary>The SHA-256 of a content, in hex: what the log keeps of a version, a signed answer or an entry.</summary>
    public static string Hash(string content) => Hash(Encoding.UTF8.GetBytes(content));

    /// <inheritdoc cref="Hash(string)"/>
    public static string Hash(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    internal Task AppendAsync(DbConnection connection, DbTransaction transaction, string workspace, DateTimeOffset at, Actor actor, string action,
        string? planId, int? version, string? contentHash, string detail) =>
        connection.ExecuteAsync(
            "INSERT INTO audit_log (workspace_id, at, actor, key_id, action, plan_id, version, content_hash, detail) " +
            "VALUES (@workspace, @at, @actor, @keyId, @action, @planId, @version, @contentHash, @detail)",
            new { workspace, at = database.Stamp(at), actor = actor.Name, keyId = actor.KeyId, action, planId, version, contentHash, detail }, transaction);

    /// <summary>The log of a workspace, oldest first, between two instants (inclusive) and for one plan if asked, at most <paramref name="limit"/> lines.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ListAsync(string workspace, DateTimeOffset? from, DateTimeOffset? to, string? planId, int limit, CancellationToken cancellation = default)
    {
        string where = "workspace_id = @workspace"
            + (from is null ? "" : " AND at >= @from")
            + (to is null ? "" : " AND at <= @to")
            + (planId is null ? "" : " AND plan_id = @planId");
        await using var connection = await database.OpenAsync(cancellation);
        var rows = await connection.QueryAsync<AuditRow>(
            $"SELECT id AS Id, at AS At, actor AS Actor, key_id AS KeyId, action AS Action, plan_id AS PlanId, version AS Version, content_hash AS ContentHash, detail AS Detail " +
            $"FROM audit_log WHERE {where} ORDER BY id LIMIT @limit",
            new { workspace, from = from is { } f ? database.Stamp(f) : null, to = to is { } t ? database.Stamp(t) : null, planId, limit });
        return rows.Select(r => new AuditRecord(r.Id, r.At, r.Actor, r.KeyId, r.Action, r.PlanId, r.Version is null ? null : (int)r.Version.Value, r.ContentHash, r.Detail)).ToArray();
    }

    private sealed class AuditRow
    {
        public long Id { get; set; }
        public DateTimeOffset At { get; set; }
        public string Actor { get; set; } = "";
        public string? KeyId { get; set; }
        public string Action { get; set; } = "";
        public string? PlanId { get; set; }
        public long? Version { get; set; }
        public string? ContentHash { get; set; }
        public string Detail { get; set; } = "";
    }
}
