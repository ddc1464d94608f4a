using System.Data.Common;
using Dapper;

namespace Funding.Storage;

/// <summary>One version of a workspace's own programme: its file as saved (the catalogue's schema), never changed.</summary>
internal sealed record StoredProgramme(string Id, int Version, DateTimeOffset SavedAt, string SavedBy, string Comment, string Content);

/// <summary>
/// A workspace's own programmes (a Region's or a Department's scheme), version by version: a save appends the next
/// version, in the same transaction as its line in the audit log; nothing is updated or deleted.
/// </summary>
internal sealed class ProgrammeStore(Database database, AuditStore audit)
{
    private const string Columns = "programme_id AS Id, version AS Version, saved_at AS SavedAt, saved_by AS SavedBy, comment AS Comment, content AS Content";

    /// <summary>
    /// Saves the next version of a programme (1 for a new one); null when <paramref name="expectedVersion"/> is given and
    /// is not the latest, or another save took the same number at the same time.
    /// </summary>
    public async Task<(StoredProgramme? Saved, int Latest)> SaveAsync(string workspace, string id, string content, Actor actor, string comment, int? expectedVersion,
        CancellationToken cancellation = default)
    {
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Workspaces.EnsureAsync(database, connection, transaction, workspace, now);
        int latest = await LatestAsync(connection, transaction, workspace, id);
        if (expectedVersion is { } expected && expected != latest)
        {
            await transaction.RollbackAsync(cancellation);
            return (null, latest);
        }
        int version = latest + 1;
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO workspace_programmes (workspace_id, programme_id, version, content, saved_at, saved_by, comment) " +
                "VALUES (@workspace, @id, @version, @content, @savedAt, @savedBy, @comment)",
                new { workspace, id, version, content, savedAt = database.Stamp(now), savedBy = actor.Name, comment }, transaction);
            await audit.AppendAsync(connection, transaction, workspace, now, actor, AuditActions.ProgrammeSaved, null, null, AuditStore.Hash(content),
                $"Dispositif local « {id} », version {version}." + (comment.Length > 0 ? " " + comment : ""));
            await transaction.CommitAsync(cancellation);
        }
        catch (DbException)
        {
            // Two saves of one programme at once: the primary key lets one take the number; the other is told to read again.
            await transaction.RollbackAsync(cancellation);
            return (null, version);
        }
        return (new StoredProgramme(id, version, now, actor.Name, comment, content), version);
    }

    /// <summary>The latest version of each of the workspace's programmes, by id.</summary>
    public async Task<IReadOnlyList<StoredProgramme>> LatestAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return [.. (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM workspace_programmes p WHERE workspace_id = @workspace " +
            "AND version = (SELECT MAX(version) FROM workspace_programmes q WHERE q.workspace_id = p.workspace_id AND q.programme_id = p.programme_id) ORDER BY programme_id",
            new { workspace })).Select(r => r.ToStored())];
    }

    /// <summary>Every version of every programme of the workspace (an export), by id and version.</summary>
    public async Task<IReadOnlyList<StoredProgramme>> AllAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return [.. (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM workspace_programmes WHERE workspace_id = @workspace ORDER BY programme_id, version", new { workspace })).Select(r => r.ToStored())];
    }

    /// <summary>A programme's versions, oldest first (empty when the workspace has no such programme).</summary>
    public async Task<IReadOnlyList<StoredProgramme>> VersionsAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return [.. (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM workspace_programmes WHERE workspace_id = @workspace AND programme_id = @id ORDER BY version", new { workspace, id })).Select(r => r.ToStored())];
    }

    /// <summary>One version of a programme (the latest when <paramref name="version"/> is null), or null.</summary>
    public async Task<StoredProgramme?> GetAsync(string workspace, string id, int? version, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return (await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM workspace_programmes WHERE workspace_id = @workspace AND programme_id = @id " +
            (version is null ? "ORDER BY version DESC LIMIT 1" : "AND version = @version"), new { workspace, id, version }))?.ToStored();
    }

    /// <summary>How many programmes the workspace has.</summary>
    public async Task<int> CountAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT programme_id) FROM workspace_programmes WHERE workspace_id = @workspace", new { workspace });
    }

    /// <summary>Imports versions as they were (an import's transaction); null when done, else the first version that exists already.</summary>
    internal static async Task<StoredProgramme?> ImportAsync(Database database, DbConnection connection, DbTransaction transaction, string workspace, IReadOnlyList<StoredProgramme> programmes)
    {
        foreach (var p in programmes)
        {
            if (await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM workspace_programmes WHERE workspace_id = @workspace AND programme_id = @Id AND version = @Version", new { workspace, p.Id, p.Version }, transaction) > 0)
            {
                return p;
            }
            await connection.ExecuteAsync(
                "INSERT INTO workspace_programmes (workspace_id, programme_id, version, content, saved_at, saved_by, comment) " +
                "VALUES (@workspace, @Id, @Version, @Content, @savedAt, @SavedBy, @Comment)",
                new { workspace, p.Id, p.Version, p.Content, savedAt = database.Stamp(p.SavedAt), p.SavedBy, p.Comment }, transaction);
        }
        return null;
    }

    private static Task<int> LatestAsync(DbConnection connection, DbTransaction transaction, string workspace, string id) =>
        connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM workspace_programmes WHERE workspace_id = @workspace AND programme_id = @id",
            new { workspace, id }, transaction);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public long Version { get; set; }
        public DateTimeOffset SavedAt { get; set; }
        public string SavedBy { get; set; } = "";
        public string Comment { get; set; } = "";
        public string Content { get; set; } = "";

        public StoredProgramme ToStored() => new(Id, (int)Version, SavedAt, SavedBy, Comment, Content);
    }
}
