using System.Data.Common;
using System.Security.Cryptography;
using Dapper;

namespace Funding.Storage;

/// <summary>
/// Saved plans, their immutable versions and the signatures of voted versions, with the same SQL on SQLite and
/// PostgreSQL (Dapper).
/// </summary>
/// <remarks>
/// Concurrency: an update writes the new version only if the plan's latest version is still the one the client read
/// (<c>UPDATE … WHERE latest_version = @expected</c> inside the transaction); of two updates from the same version,
/// exactly one wins, whichever instance of the API runs them.
/// </remarks>
internal sealed class PlanStore(Database database, AuditStore audit)
{
    public const string Active = "active";
    public const string Archived = "archived";

    /// <summary>Saves a plan as version 1 of a new saved plan, and its line in the audit log.</summary>
    public async Task<PlanVersion> CreateAsync(string workspace, string name, string planJson, Actor author, string comment, FigureSet? figures = null, CancellationToken cancellation = default)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Workspaces.EnsureAsync(database, connection, transaction, workspace, now);
        await connection.ExecuteAsync(
            "INSERT INTO saved_plans (id, workspace_id, name, latest_version, status, created_at, updated_at) VALUES (@id, @workspace, @name, 1, @status, @now, @now)",
            new { id, workspace, name, status = Active, now = database.Stamp(now) }, transaction);
        await InsertVersionAsync(connection, transaction, id, 1, now, author.Name, comment, planJson);
        if (figures is not null)
        {
            await PortfolioStore.WriteVersionAsync(connection, transaction, workspace, figures.For(id, 1));
        }
        await audit.AppendAsync(connection, transaction, workspace, now, author, AuditActions.PlanSaved, id, 1, AuditStore.Hash(planJson), comment);
        await transaction.CommitAsync(cancellation);
        return new PlanVersion(id, 1, now, author.Name, comment, planJson, null);
    }

    internal Task<int> InsertVersionAsync(DbConnection connection, DbTransaction transaction, string id, int number, DateTimeOffset createdAt, string author, string comment, string planJson) =>
        connection.ExecuteAsync(
            "INSERT INTO plan_versions (plan_id, number, created_at, author, comment, plan_json) VALUES (@id, @number, @createdAt, @author, @comment, @planJson)",
            new { id, number, createdAt = database.Stamp(createdAt), author, comment, planJson }, transaction);

    /// <summary>Saves a new version if <paramref name="expectedVersion"/> is still the latest.</summary>
    public async Task<UpdateOutcome> UpdateAsync(string workspace, string id, int expectedVersion, string name, string planJson, Actor author, string comment, FigureSet? figures = null, CancellationToken cancellation = default)
    {
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        int updated = await connection.ExecuteAsync(
            "UPDATE saved_plans SET latest_version = latest_version + 1, name = @name, updated_at = @now " +
            "WHERE id = @id AND workspace_id = @workspace AND latest_version = @expectedVersion AND status = @active",
            new { id, workspace, expectedVersion, name, now = database.Stamp(now), active = Active }, transaction);
        if (updated == 0)
        {
            var current = await connection.QuerySingleOrDefaultAsync<SummaryRow>(
                $"SELECT {SummaryRow.Columns} FROM saved_plans WHERE id = @id AND workspace_id = @workspace", new { id, workspace }, transaction);
            await transaction.RollbackAsync(cancellation);
            return current is { } c ? new UpdateOutcome(null, c.LatestVersion, true, c.Status == Archived) : new UpdateOutcome(null, null, false, false);
        }
        int number = expectedVersion + 1;
        await InsertVersionAsync(connection, transaction, id, number, now, author.Name, comment, planJson);
        if (figures is not null)
        {
            await PortfolioStore.WriteVersionAsync(connection, transaction, workspace, figures.For(id, number));
        }
        await audit.AppendAsync(connection, transaction, workspace, now, author, AuditActions.PlanAmended, id, number, AuditStore.Hash(planJson), comment);
        await transaction.CommitAsync(cancellation);
        return new UpdateOutcome(new PlanVersion(id, number, now, author.Name, comment, planJson, null), number, true, false);
    }

    public async Task<SavedPlanSummary?> GetSummaryAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(
            $"SELECT {SummaryRow.Columns} FROM saved_plans WHERE id = @id AND workspace_id = @workspace", new { id, workspace });
        return row?.ToSummary();
    }

    public async Task<PlanVersion?> GetVersionAsync(string workspace, string id, int number, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return (await VersionsAsync(connection, workspace, id, number)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<PlanVersion>> ListVersionsAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return await VersionsAsync(connection, workspace, id, null);
    }

    internal static async Task<IReadOnlyList<PlanVersion>> VersionsAsync(DbConnection connection, string workspace, string id, int? number)
    {
        var rows = await connection.QueryAsync<VersionRow>(
            "SELECT v.plan_id AS PlanId, v.number AS Number, v.created_at AS CreatedAt, v.author AS Author, v.comment AS Comment, v.plan_json AS PlanJson, " +
            "s.voted_on AS VotedOn, s.reference AS Reference, s.signed_at AS SignedAt, s.signed_by AS SignedBy, s.calculation_version AS CalculationVersion, s.answer AS Answer " +
            "FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id " +
            "LEFT JOIN signatures s ON s.plan_id = v.plan_id AND s.number = v.number " +
            "WHERE v.plan_id = @id AND p.workspace_id = @workspace" + (number is null ? "" : " AND v.number = @number") + " ORDER BY v.number",
            new { id, workspace, number });
        return rows.Select(r => r.ToVersion()).ToArray();
    }

    public async Task<(IReadOnlyList<SavedPlanSummary> Plans, int Total)> ListAsync(string workspace, string? search, int page, int pageSize, bool includeArchived, CancellationToken cancellation = default)
    {
        string pattern = "%" + (search ?? "").Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        // Without a search, no LIKE: the (workspace_id, updated_at) index serves the page and the count.
        string where = "WHERE workspace_id = @workspace AND (@includeArchived OR status = 'active')"
            + (string.IsNullOrWhiteSpace(search) ? "" : " AND LOWER(name) LIKE @pattern ESCAPE '\\'");
        await using var connection = await database.OpenAsync(cancellation);
        var parameters = new { workspace, pattern, includeArchived, limit = pageSize, offset = (page - 1) * pageSize };
        int total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM saved_plans {where}", parameters);
        var rows = await connection.QueryAsync<SummaryRow>(
            $"SELECT {SummaryRow.Columns} FROM saved_plans {where} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset", parameters);
        return (rows.Select(r => r.ToSummary()).ToArray(), total);
    }

    /// <summary>Signs a version: false when it was already signed (a signature is never replaced).</summary>
    public async Task<bool> SignAsync(string workspace, string id, int number, string votedOn, string reference, Actor signedBy, string calculationVersion, byte[] answer, DateTimeOffset? signedAt = null, FigureSet? figures = null, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        bool exists = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id WHERE v.plan_id = @id AND v.number = @number AND p.workspace_id = @workspace",
            new { id, number, workspace }, transaction) == 1;
        if (!exists)
        {
            return false;
        }
        var signature = new VersionSignature(votedOn, reference, signedAt is { } at ? database.Kept(at) : database.Now(), signedBy.Name, calculationVersion, answer);
        int inserted = await InsertSignatureAsync(connection, transaction, id, number, signature);
        if (inserted == 1)
        {
            // A signed version's rows are its frozen figures.
            if (figures is not null)
            {
                await PortfolioStore.WriteVersionAsync(connection, transaction, workspace, figures.For(id, number));
            }
            await audit.AppendAsync(connection, transaction, workspace, database.Now(), signedBy, AuditActions.VersionSigned, id, number, AuditStore.Hash(answer),
                $"Vote du {votedOn} : {reference} (calcul {calculationVersion}).");
        }
        await transaction.CommitAsync(cancellation);
        return inserted == 1;
    }

    internal Task<int> InsertSignatureAsync(DbConnection connection, DbTransaction transaction, string id, int number, VersionSignature s) =>
        connection.ExecuteAsync(
            "INSERT INTO signatures (plan_id, number, voted_on, reference, signed_at, signed_by, calculation_version, answer) " +
            "VALUES (@id, @number, @VotedOn, @Reference, @signedAt, @SignedBy, @CalculationVersion, @Answer) ON CONFLICT (plan_id, number) DO NOTHING",
            new { id, number, s.VotedOn, s.Reference, signedAt = database.Stamp(s.SignedAt), s.SignedBy, s.CalculationVersion, s.Answer }, transaction);

    /// <summary>Archives a plan (its versions and signatures stay); false when there is no such plan.</summary>
    public async Task<bool> ArchiveAsync(string workspace, string id, Actor actor, CancellationToken cancellation = default)
    {
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        bool archived = await connection.ExecuteAsync(
            "UPDATE saved_plans SET status = @archived, updated_at = @now WHERE id = @id AND workspace_id = @workspace",
            new { id, workspace, archived = Archived, now = database.Stamp(now) }, transaction) == 1;
        if (archived)
        {
            await PortfolioStore.RefreshFlagsAsync(connection, transaction, id);
            await audit.AppendAsync(connection, transaction, workspace, now, actor, AuditActions.PlanArchived, id, null, null, "Plan archivé.");
        }
        await transaction.CommitAsync(cancellation);
        return archived;
    }
}
