using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using EvolveDb;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Funding.Storage;

/// <summary>Where saved plans live: an embedded SQLite file by default, a PostgreSQL server when shared.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The database and how to reach it.</summary>
internal sealed record StorageOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The default: <c>funding.db</c> beside the program's working folder.</summary>
    public static StorageOptions Default { get; } = new(DatabaseProvider.Sqlite, "Data Source=funding.db");

    /// <summary>The provider named in configuration: <c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Unknown database provider '{name}': use sqlite or postgresql (Funding:Database:Provider)."),
    };
}

/// <summary>Who a valid API key belongs to.</summary>
internal sealed record KeyIdentity(string KeyId, string Workspace, string Name);

/// <summary>An API key as listed (never the key itself: only its hash is stored).</summary>
internal sealed record KeyInfo(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

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

/// <summary>
/// Saved plans, their immutable versions and signatures, workspaces and API keys, in SQLite or PostgreSQL through
/// Dapper with the same SQL; Evolve applies the migrations of the provider's folder at start-up.
/// </summary>
/// <remarks>
/// Durability: SQLite runs in WAL mode with <c>synchronous=FULL</c>, so a committed version is on disk before the
/// answer; PostgreSQL commits are durable by default. Concurrency: an update writes the new version only if the plan's
/// latest version is still the one the client read (<c>UPDATE … WHERE latest_version = @expected</c> inside the
/// transaction); of two updates from the same version, exactly one wins.
/// </remarks>
internal sealed class SavedPlanStore(StorageOptions options, TimeProvider clock)
{
    public const string Active = "active";
    public const string Archived = "archived";

    public StorageOptions Options { get; } = options;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellation = default)
    {
        DbConnection connection = Options.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Options.ConnectionString)
            : new NpgsqlConnection(Options.ConnectionString);
        await connection.OpenAsync(cancellation);
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;");
        }
        return connection;
    }

    private static readonly Lock MigrationLock = new();

    /// <summary>
    /// Creates the database if needed and applies the migrations not yet applied. Two processes starting at once on
    /// one SQLite file may race to create Evolve's journal: the loser retries and finds the work done.
    /// </summary>
    public void Migrate()
    {
        lock (MigrationLock)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    MigrateOnce();
                    return;
                }
                catch (EvolveException) when (attempt < 5)
                {
                    Thread.Sleep(200 * attempt);
                }
            }
        }
    }

    private void MigrateOnce()
    {
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(Options.ConnectionString);
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder && builder.DataSource != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }
        using var connection = OpenAsync().GetAwaiter().GetResult();
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            connection.Execute("PRAGMA journal_mode = WAL;");
        }
        string folderName = Options.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
        var evolve = new Evolve(connection, _ => { }, Options.Provider == DatabaseProvider.Sqlite ? EvolveDb.Dialect.DBMS.SQLite : EvolveDb.Dialect.DBMS.PostgreSQL)
        {
            EmbeddedResourceAssemblies = [typeof(SavedPlanStore).Assembly],
            EmbeddedResourceFilters = [$"Funding.Storage.Migrations.{folderName}"],
            IsEraseDisabled = true,
        };
        evolve.Migrate();
    }

    /// <summary>The store's clock, truncated to what it keeps (100 ns), so that a time given back is the time stored.</summary>
    public DateTimeOffset UtcNow() => Time(Now());

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // ---- Keys -------------------------------------------------------------------------------------------------------

    /// <summary>The hash stored for a key: SHA-256 of a 256-bit random key (no salt needed at that entropy).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Creates a key for <paramref name="workspace"/> (creating the workspace if new) and returns it, once.</summary>
    public async Task<(string Key, KeyInfo Info)> AddKeyAsync(string workspace, string name)
    {
        string key = "fk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string id = "k_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        string now = Now();
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await EnsureWorkspaceAsync(connection, transaction, workspace, now);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, workspace_id, name, key_hash, created_at) VALUES (@id, @workspace, @name, @hash, @now)",
            new { id, workspace, name, hash = Hash(key), now }, transaction);
        await transaction.CommitAsync();
        return (key, new KeyInfo(id, name, Time(now), null));
    }

    public async Task<int> RevokeKeyAsync(string workspace, string nameOrId)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @now WHERE workspace_id = @workspace AND (name = @nameOrId OR id = @nameOrId) AND revoked_at IS NULL",
            new { workspace, nameOrId, now = Now() });
    }

    public async Task<IReadOnlyList<KeyInfo>> ListKeysAsync(string workspace)
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<(string Id, string Name, string CreatedAt, string? RevokedAt)>(
            "SELECT id, name, created_at, revoked_at FROM api_keys WHERE workspace_id = @workspace ORDER BY created_at, id", new { workspace });
        return rows.Select(r => new KeyInfo(r.Id, r.Name, Time(r.CreatedAt), r.RevokedAt is null ? null : Time(r.RevokedAt))).ToArray();
    }

    /// <summary>The identity of a key, or null when it is unknown or revoked.</summary>
    public async Task<KeyIdentity?> AuthenticateAsync(string key, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string WorkspaceId, string Name)?>(
            "SELECT id, workspace_id, name FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash = Hash(key) });
        return row is { } r ? new KeyIdentity(r.Id, r.WorkspaceId, r.Name) : null;
    }

    private static Task<int> EnsureWorkspaceAsync(DbConnection connection, DbTransaction transaction, string workspace, string now) =>
        connection.ExecuteAsync("INSERT INTO workspaces (id, created_at) VALUES (@workspace, @now) ON CONFLICT (id) DO NOTHING", new { workspace, now }, transaction);

    // ---- Plans ------------------------------------------------------------------------------------------------------

    public async Task<PlanVersion> CreateAsync(string workspace, string name, string planJson, string author, string comment, CancellationToken cancellation = default)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string now = Now();
        await using var connection = await OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await EnsureWorkspaceAsync(connection, transaction, workspace, now);
        await connection.ExecuteAsync(
            "INSERT INTO saved_plans (id, workspace_id, name, latest_version, status, created_at, updated_at) VALUES (@id, @workspace, @name, 1, @status, @now, @now)",
            new { id, workspace, name, status = Active, now }, transaction);
        await InsertVersionAsync(connection, transaction, id, 1, now, author, comment, planJson);
        await transaction.CommitAsync(cancellation);
        return new PlanVersion(id, 1, Time(now), author, comment, planJson, null);
    }

    private static Task<int> InsertVersionAsync(DbConnection connection, DbTransaction transaction, string id, int number, string now, string author, string comment, string planJson) =>
        connection.ExecuteAsync(
            "INSERT INTO plan_versions (plan_id, number, created_at, author, comment, plan_json) VALUES (@id, @number, @now, @author, @comment, @planJson)",
            new { id, number, now, author, comment, planJson }, transaction);

    /// <summary>Saves a new version if <paramref name="expectedVersion"/> is still the latest.</summary>
    public async Task<UpdateOutcome> UpdateAsync(string workspace, string id, int expectedVersion, string name, string planJson, string author, string comment, CancellationToken cancellation = default)
    {
        string now = Now();
        await using var connection = await OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        int updated = await connection.ExecuteAsync(
            "UPDATE saved_plans SET latest_version = latest_version + 1, name = @name, updated_at = @now " +
            "WHERE id = @id AND workspace_id = @workspace AND latest_version = @expectedVersion AND status = @active",
            new { id, workspace, expectedVersion, name, now, active = Active }, transaction);
        if (updated == 0)
        {
            var current = await connection.QuerySingleOrDefaultAsync<(int LatestVersion, string Status)?>(
                "SELECT latest_version, status FROM saved_plans WHERE id = @id AND workspace_id = @workspace", new { id, workspace }, transaction);
            await transaction.RollbackAsync(cancellation);
            return current is { } c ? new UpdateOutcome(null, c.LatestVersion, true, c.Status == Archived) : new UpdateOutcome(null, null, false, false);
        }
        int number = expectedVersion + 1;
        await InsertVersionAsync(connection, transaction, id, number, now, author, comment, planJson);
        await transaction.CommitAsync(cancellation);
        return new UpdateOutcome(new PlanVersion(id, number, Time(now), author, comment, planJson, null), number, true, false);
    }

    public async Task<SavedPlanSummary?> GetSummaryAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        var row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(
            "SELECT id, name, latest_version AS LatestVersion, status, created_at AS CreatedAt, updated_at AS UpdatedAt FROM saved_plans WHERE id = @id AND workspace_id = @workspace",
            new { id, workspace });
        return row?.ToSummary();
    }

    public async Task<PlanVersion?> GetVersionAsync(string workspace, string id, int number, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        var rows = await VersionsAsync(connection, workspace, id, number);
        return rows.SingleOrDefault();
    }

    public async Task<IReadOnlyList<PlanVersion>> ListVersionsAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        return await VersionsAsync(connection, workspace, id, null);
    }

    private static async Task<IReadOnlyList<PlanVersion>> VersionsAsync(DbConnection connection, string workspace, string id, int? number)
    {
        var rows = await connection.QueryAsync<VersionRow>(
            "SELECT v.plan_id AS PlanId, v.number AS Number, v.created_at AS CreatedAt, v.author AS Author, v.comment AS Comment, v.plan_json AS PlanJson, " +
            "s.voted_on AS VotedOn, s.reference AS Reference, s.signed_at AS SignedAt, s.signed_by AS SignedBy, s.calculation_version AS CalculationVersion, s.answer AS Answer " +
            "FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id " +
            "LEFT JOIN signatures s ON s.plan_id = v.plan_id AND s.number = v.number " +
            "WHERE v.plan_id = @id AND p.workspace_id = @workspace AND (@number IS NULL OR v.number = @number) ORDER BY v.number",
            new { id, workspace, number });
        return rows.Select(r => r.ToVersion()).ToArray();
    }

    public async Task<(IReadOnlyList<SavedPlanSummary> Plans, int Total)> ListAsync(string workspace, string? search, int page, int pageSize, bool includeArchived, CancellationToken cancellation = default)
    {
        string pattern = "%" + (search ?? "").Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        // Without a search, no LIKE: the (workspace_id, updated_at) index serves the page and the count.
        string where = "WHERE workspace_id = @workspace AND (@includeArchived OR status = 'active')"
            + (string.IsNullOrWhiteSpace(search) ? "" : " AND LOWER(name) LIKE @pattern ESCAPE '\\'");
        await using var connection = await OpenAsync(cancellation);
        var parameters = new { workspace, pattern, includeArchived, limit = pageSize, offset = (page - 1) * pageSize };
        int total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM saved_plans {where}", parameters);
        var rows = await connection.QueryAsync<SummaryRow>(
            $"SELECT id, name, latest_version AS LatestVersion, status, created_at AS CreatedAt, updated_at AS UpdatedAt FROM saved_plans {where} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset",
            parameters);
        return (rows.Select(r => r.ToSummary()).ToArray(), total);
    }

    /// <summary>Signs a version: false when it was already signed (a signature is never replaced).</summary>
    public async Task<bool> SignAsync(string workspace, string id, int number, string votedOn, string reference, string signedBy, string calculationVersion, byte[] answer, DateTimeOffset? signedAt = null, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        bool exists = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id WHERE v.plan_id = @id AND v.number = @number AND p.workspace_id = @workspace",
            new { id, number, workspace }, transaction) == 1;
        if (!exists)
        {
            return false;
        }
        int inserted = await connection.ExecuteAsync(
            "INSERT INTO signatures (plan_id, number, voted_on, reference, signed_at, signed_by, calculation_version, answer) " +
            "VALUES (@id, @number, @votedOn, @reference, @now, @signedBy, @calculationVersion, @answer) ON CONFLICT (plan_id, number) DO NOTHING",
            new { id, number, votedOn, reference, now = signedAt is { } at ? Iso(at) : Now(), signedBy, calculationVersion, answer }, transaction);
        await transaction.CommitAsync(cancellation);
        return inserted == 1;
    }

    /// <summary>Archives a plan (its versions and signatures stay); false when there is no such plan.</summary>
    public async Task<bool> ArchiveAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        return await connection.ExecuteAsync(
            "UPDATE saved_plans SET status = @archived, updated_at = @now WHERE id = @id AND workspace_id = @workspace",
            new { id, workspace, archived = Archived, now = Now() }) == 1;
    }

    // ---- Executions -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records an execution entry for version <paramref name="version"/> of a plan of the workspace, numbered after the
    /// last one; null when there is no such plan or version. Entries are never changed: each is a step of the history.
    /// </summary>
    public async Task<ExecutionEntry?> RecordExecutionAsync(string workspace, string id, int version, string author, string comment, string executionJson, CancellationToken cancellation = default)
    {
        string now = Now();
        for (int attempt = 0; ; attempt++)
        {
            await using var connection = await OpenAsync(cancellation);
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            bool exists = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id WHERE v.plan_id = @id AND v.number = @version AND p.workspace_id = @workspace",
                new { id, version, workspace }, transaction) == 1;
            if (!exists)
            {
                return null;
            }
            int number = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(number), 0) + 1 FROM executions WHERE plan_id = @id", new { id }, transaction);
            try
            {
                await connection.ExecuteAsync(
                    "INSERT INTO executions (plan_id, number, version, created_at, author, comment, execution_json) VALUES (@id, @number, @version, @now, @author, @comment, @executionJson)",
                    new { id, number, version, now, author, comment, executionJson }, transaction);
                await transaction.CommitAsync(cancellation);
                return new ExecutionEntry(id, number, version, Time(now), author, comment, executionJson);
            }
            catch (DbException) when (attempt < 5)
            {
                // Another entry took this number at the same time (PostgreSQL): take the next one.
                await transaction.RollbackAsync(cancellation);
            }
        }
    }

    /// <summary>The execution entries of a plan of the workspace, in order (empty when there is none or no such plan).</summary>
    public async Task<IReadOnlyList<ExecutionEntry>> ListExecutionsAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        return await ExecutionsAsync(connection, workspace, id, null);
    }

    /// <summary>One execution entry, or null.</summary>
    public async Task<ExecutionEntry?> GetExecutionAsync(string workspace, string id, int number, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation);
        return (await ExecutionsAsync(connection, workspace, id, number)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<ExecutionEntry>> ExecutionsAsync(DbConnection connection, string workspace, string id, int? number)
    {
        var rows = await connection.QueryAsync<ExecutionRow>(
            "SELECT e.plan_id AS PlanId, e.number AS Number, e.version AS Version, e.created_at AS CreatedAt, e.author AS Author, e.comment AS Comment, e.execution_json AS ExecutionJson " +
            "FROM executions e JOIN saved_plans p ON p.id = e.plan_id WHERE e.plan_id = @id AND p.workspace_id = @workspace" +
            (number is null ? "" : " AND e.number = @number") + " ORDER BY e.number",
            new { id, workspace, number });
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    // ---- Export and import ------------------------------------------------------------------------------------------

    /// <summary>Every plan of a workspace with all its versions and signatures.</summary>
    public async Task<IReadOnlyList<(SavedPlanSummary Plan, IReadOnlyList<PlanVersion> Versions)>> ExportAsync(string workspace)
    {
        await using var connection = await OpenAsync();
        var plans = (await connection.QueryAsync<SummaryRow>(
            "SELECT id, name, latest_version AS LatestVersion, status, created_at AS CreatedAt, updated_at AS UpdatedAt FROM saved_plans WHERE workspace_id = @workspace ORDER BY created_at, id",
            new { workspace })).Select(r => r.ToSummary()).ToArray();
        var result = new List<(SavedPlanSummary, IReadOnlyList<PlanVersion>)>();
        foreach (var plan in plans)
        {
            result.Add((plan, await VersionsAsync(connection, workspace, plan.Id, null)));
        }
        return result;
    }

    /// <summary>Imports exported plans as they were (ids, versions, signatures); false when one of the ids exists already.</summary>
    public async Task<bool> ImportAsync(string workspace, IReadOnlyList<(SavedPlanSummary Plan, IReadOnlyList<PlanVersion> Versions)> plans)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await EnsureWorkspaceAsync(connection, transaction, workspace, Now());
        foreach (var (plan, versions) in plans)
        {
            if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM saved_plans WHERE id = @id", new { id = plan.Id }, transaction) > 0)
            {
                await transaction.RollbackAsync();
                return false;
            }
            await connection.ExecuteAsync(
                "INSERT INTO saved_plans (id, workspace_id, name, latest_version, status, created_at, updated_at) VALUES (@Id, @workspace, @Name, @LatestVersion, @Status, @created, @updated)",
                new { plan.Id, workspace, plan.Name, plan.LatestVersion, plan.Status, created = Iso(plan.CreatedAt), updated = Iso(plan.UpdatedAt) }, transaction);
            foreach (var version in versions)
            {
                await InsertVersionAsync(connection, transaction, plan.Id, version.Number, Iso(version.CreatedAt), version.Author, version.Comment, version.PlanJson);
                if (version.Signature is { } s)
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO signatures (plan_id, number, voted_on, reference, signed_at, signed_by, calculation_version, answer) VALUES (@id, @number, @VotedOn, @Reference, @signedAt, @SignedBy, @CalculationVersion, @Answer)",
                        new { id = plan.Id, number = version.Number, s.VotedOn, s.Reference, signedAt = Iso(s.SignedAt), s.SignedBy, s.CalculationVersion, s.Answer }, transaction);
                }
            }
        }
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Imports the execution entries of plans just imported, as they were.</summary>
    public async Task ImportExecutionsAsync(IReadOnlyList<ExecutionEntry> entries)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var e in entries)
        {
            await connection.ExecuteAsync(
                "INSERT INTO executions (plan_id, number, version, created_at, author, comment, execution_json) VALUES (@PlanId, @Number, @Version, @created, @Author, @Comment, @ExecutionJson)",
                new { e.PlanId, e.Number, e.Version, created = Iso(e.CreatedAt), e.Author, e.Comment, e.ExecutionJson }, transaction);
        }
        await transaction.CommitAsync();
    }

    /// <summary>Every execution entry of a workspace's plans.</summary>
    public async Task<IReadOnlyList<ExecutionEntry>> ExportExecutionsAsync(string workspace)
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<ExecutionRow>(
            "SELECT e.plan_id AS PlanId, e.number AS Number, e.version AS Version, e.created_at AS CreatedAt, e.author AS Author, e.comment AS Comment, e.execution_json AS ExecutionJson " +
            "FROM executions e JOIN saved_plans p ON p.id = e.plan_id WHERE p.workspace_id = @workspace ORDER BY e.plan_id, e.number", new { workspace });
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // Rows as Dapper fills them: settable properties, so that SQLite's 64-bit and PostgreSQL's 32-bit integers both fit.
    private sealed class ExecutionRow
    {
        public string PlanId { get; set; } = "";
        public int Number { get; set; }
        public int Version { get; set; }
        public string CreatedAt { get; set; } = "";
        public string Author { get; set; } = "";
        public string Comment { get; set; } = "";
        public string ExecutionJson { get; set; } = "";

        public ExecutionEntry ToEntry() => new(PlanId, Number, Version, Time(CreatedAt), Author, Comment, ExecutionJson);
    }

    private sealed class SummaryRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public int LatestVersion { get; set; }
        public string Status { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public SavedPlanSummary ToSummary() => new(Id, Name, LatestVersion, Status, Time(CreatedAt), Time(UpdatedAt));
    }

    private sealed class VersionRow
    {
        public string PlanId { get; set; } = "";
        public int Number { get; set; }
        public string CreatedAt { get; set; } = "";
        public string Author { get; set; } = "";
        public string Comment { get; set; } = "";
        public string PlanJson { get; set; } = "";
        public string? VotedOn { get; set; }
        public string? Reference { get; set; }
        public string? SignedAt { get; set; }
        public string? SignedBy { get; set; }
        public string? CalculationVersion { get; set; }
        public byte[]? Answer { get; set; }

        public PlanVersion ToVersion() => new(PlanId, Number, Time(CreatedAt), Author, Comment, PlanJson,
            SignedAt is null ? null : new VersionSignature(VotedOn!, Reference!, Time(SignedAt), SignedBy!, CalculationVersion!, Answer!));
    }
}
