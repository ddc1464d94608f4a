using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace Funding.Storage;

/// <summary>A funder's figures for one budget year of one saved version, in cents, as the portfolio stores them.</summary>
/// <param name="FunderId">The funder's id in the plan.</param>
/// <param name="FunderKey">Its key across plans: <c>siren:…</c> when the plan gives its SIREN, else <c>id:…</c>.</param>
/// <param name="FunderName">Its name in the plan.</param>
/// <param name="Siren">Its SIREN, if given.</param>
/// <param name="IsCarrier">Whether it carries the plan.</param>
/// <param name="CarrierKey">The key of the plan's carrier, if any.</param>
/// <param name="Year">The budget year.</param>
/// <param name="ContributionCents">Its contribution to the year's cost (the plan's <c>contributionByBudgetYear</c>).</param>
/// <param name="PaymentCents">What it pays in the year (its schedule).</param>
internal sealed record FigureRow(string FunderId, string FunderKey, string FunderName, string? Siren, bool IsCarrier, string? CarrierKey, int Year, long ContributionCents, long PaymentCents);

/// <summary>A funder's execution figures for one budget year of one execution entry, in cents.</summary>
/// <param name="FunderId">The funder's id in the plan.</param>
/// <param name="FunderKey">Its key across plans.</param>
/// <param name="IsCarrier">Whether it carries the plan.</param>
/// <param name="CarrierKey">The key of the plan's carrier, if any.</param>
/// <param name="Year">The budget year.</param>
/// <param name="ReceivedCents">What was received from it in the year (its receipts dated in the year).</param>
/// <param name="DueCents">What it owes for the year on the actual expenses.</param>
internal sealed record ExecutionFigureRow(string FunderId, string FunderKey, bool IsCarrier, string? CarrierKey, int Year, long ReceivedCents, long DueCents);

/// <summary>A version's figures before the version has its id and number: its programme and its rows.</summary>
internal sealed record FigureSet(string? ProgrammeId, IReadOnlyList<FigureRow> Rows)
{
    /// <summary>The set for a stored version.</summary>
    public VersionFigures For(string planId, int number) => new(planId, number, ProgrammeId, Rows);
}

/// <summary>The figures of one version, to store.</summary>
internal sealed record VersionFigures(string PlanId, int Number, string? ProgrammeId, IReadOnlyList<FigureRow> Rows);

/// <summary>The figures of one execution entry, to store.</summary>
internal sealed record ExecutionFigures(string PlanId, int Number, IReadOnlyList<ExecutionFigureRow> Rows);

/// <summary>A version saved before the portfolio existed, whose figures are still to compute.</summary>
internal sealed record UnstoredVersion(string PlanId, int Number, string PlanJson, byte[]? SignedAnswer);

/// <summary>An execution entry whose figures are still to compute.</summary>
internal sealed record UnstoredExecution(string PlanId, int Number, int Version, string ExecutionJson);

/// <summary>Which plans a portfolio counts.</summary>
internal enum PortfolioStatus
{
    /// <summary>Every plan not archived.</summary>
    Active,

    /// <summary>Plans not archived that have a signed version.</summary>
    Signed,

    /// <summary>Plans not archived without any signed version.</summary>
    Draft,

    /// <summary>Archived plans only.</summary>
    Archived,
}

/// <summary>What a portfolio asks: a funder (its key, or its id in the plans), budget years, plans' status, programme.</summary>
internal sealed record PortfolioQuery(string? FunderKey, string? FunderId, int? From, int? To, PortfolioStatus Status, string? Programme, bool WithPlans, string? ExcludePlanId = null);

/// <summary>One view's sum for a funder key and a budget year, in cents.</summary>
internal sealed record PortfolioCell(string Key, int Year, long First, long Second);

/// <summary>A plan and version a funder's figures come from.</summary>
internal sealed record PortfolioPlanRef(string Key, string PlanId, string PlanName, int Version, bool Signed, string Status, string View);

/// <summary>A funder key's name, SIREN and id, as the planned and committed versions give them.</summary>
internal sealed record PortfolioName(string Key, string Name, string? Siren, string FunderId);

/// <summary>What the portfolio's queries found: every view's sums by funder key and budget year.</summary>
internal sealed record PortfolioData(
    IReadOnlyList<PortfolioCell> Committed,
    IReadOnlyList<PortfolioCell> Planned,
    IReadOnlyList<PortfolioCell> Executed,
    IReadOnlyList<PortfolioCell> CommittedNotCarrier,
    IReadOnlyList<PortfolioCell> CarrierCommittedPayments,
    IReadOnlyList<PortfolioCell> CarrierReceived,
    IReadOnlyList<PortfolioName> Names,
    IReadOnlyList<PortfolioPlanRef> Plans,
    IReadOnlyDictionary<string, string> Aliases);

/// <summary>
/// The portfolio's rows: each saved version's figures (funder, budget year, contribution, payment) and each execution
/// entry's (received, due), written in the transaction that saves them, and the indexed queries that sum them across
/// plans — the committed view (each plan's latest signed version), the planned view (each plan's latest version), the
/// execution (each plan's latest entry), and what each carrier is still owed.
/// </summary>
internal sealed class PortfolioStore(Database database)
{
    private const int RowsPerInsert = 400;

    /// <summary>Writes a version's rows (replacing any) and marks it stored.</summary>
    internal static async Task WriteVersionAsync(DbConnection connection, DbTransaction transaction, string workspace, VersionFigures figures, bool refresh = true)
    {
        await connection.ExecuteAsync("DELETE FROM version_figures WHERE plan_id = @PlanId AND number = @Number", new { figures.PlanId, figures.Number }, transaction);
        await InsertVersionRowsAsync(connection, transaction, workspace, [figures]);
        await connection.ExecuteAsync("UPDATE plan_versions SET figures_stored = 1 WHERE plan_id = @PlanId AND number = @Number", new { figures.PlanId, figures.Number }, transaction);
        if (refresh)
        {
            await RefreshFlagsAsync(connection, transaction, figures.PlanId);
        }
    }

    /// <summary>The rows of versions, and their funders' names and ids (the last row written names each key).</summary>
    private static async Task InsertVersionRowsAsync(DbConnection connection, DbTransaction transaction, string workspace, IReadOnlyList<VersionFigures> versions)
    {
        await InsertAsync(connection, transaction, "version_figures",
            ["plan_id", "number", "workspace_id", "funder_id", "funder_key", "funder_name", "siren", "is_carrier", "carrier_key", "programme_id", "year", "contribution_cents", "payment_cents"],
            versions.SelectMany(v => v.Rows.Select(r => new object?[]
            {
                v.PlanId, v.Number, workspace, r.FunderId, r.FunderKey, r.FunderName, r.Siren, r.IsCarrier ? 1 : 0, r.CarrierKey, v.ProgrammeId, r.Year, r.ContributionCents, r.PaymentCents,
            })));
        var rows = versions.SelectMany(v => v.Rows).ToArray();
        await InsertAsync(connection, transaction, "portfolio_funders", ["workspace_id", "funder_key", "funder_id", "funder_name", "siren"],
            rows.Reverse().DistinctBy(r => r.FunderKey).Reverse().Select(r => new object?[] { workspace, r.FunderKey, r.FunderId, r.FunderName, r.Siren }),
            " ON CONFLICT (workspace_id, funder_key) DO UPDATE SET funder_id = excluded.funder_id, funder_name = excluded.funder_name, siren = excluded.siren");
        await InsertAsync(connection, transaction, "portfolio_funder_ids", ["workspace_id", "funder_id", "funder_key"],
            rows.DistinctBy(r => (r.FunderId, r.FunderKey)).Select(r => new object?[] { workspace, r.FunderId, r.FunderKey }),
            " ON CONFLICT (workspace_id, funder_id, funder_key) DO NOTHING");
    }

    /// <summary>The rows of execution entries.</summary>
    private static Task InsertExecutionRowsAsync(DbConnection connection, DbTransaction transaction, string workspace, IReadOnlyList<ExecutionFigures> entries) =>
        InsertAsync(connection, transaction, "execution_figures",
            ["plan_id", "number", "workspace_id", "funder_id", "funder_key", "is_carrier", "carrier_key", "year", "received_cents", "due_cents"],
            entries.SelectMany(e => e.Rows.Select(r => new object?[]
            {
                e.PlanId, e.Number, workspace, r.FunderId, r.FunderKey, r.IsCarrier ? 1 : 0, r.CarrierKey, r.Year, r.ReceivedCents, r.DueCents,
            })));

    /// <summary>
    /// Inserts rows: on SQLite, one prepared single-row statement run for each (in-process, the fastest); elsewhere,
    /// multi-row statements of up to <see cref="RowsPerInsert"/> rows (one round trip each).
    /// </summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<object?[]> rows, string suffix = "")
    {
        string head = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ";
        int perStatement = connection is Microsoft.Data.Sqlite.SqliteConnection ? 1 : RowsPerInsert;
        DbCommand? single = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                DbCommand command;
                if (perStatement == 1 && single is not null)
                {
                    command = single;
                }
                else
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var sql = new StringBuilder(head);
                    for (int r = 0; r < chunk.Length; r++)
                    {
                        sql.Append(r == 0 ? "(" : ", (");
                        for (int c = 0; c < columns.Length; c++)
                        {
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = $"@p{r}_{c}";
                            command.Parameters.Add(parameter);
                            sql.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
                        }
                        sql.Append(')');
                    }
                    command.CommandText = sql.Append(suffix).ToString();
                    if (perStatement == 1)
                    {
                        single = command;
                    }
                }
                for (int r = 0; r < chunk.Length; r++)
                {
                    for (int c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[(r * columns.Length) + c].Value = chunk[r][c] ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync();
                if (command != single)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (single is not null)
            {
                await single.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Writes the rows of a whole import at once (its plans are new): every row in as few statements as the provider
    /// allows, then the flags of the workspace's rows in one statement — a bulk import costs a few hundred round trips,
    /// not several per version.
    /// </summary>
    internal static async Task WriteImportAsync(DbConnection connection, DbTransaction transaction, string workspace,
        IReadOnlyList<VersionFigures> versions, IReadOnlyList<ExecutionFigures> entries)
    {
        await InsertVersionRowsAsync(connection, transaction, workspace, versions);
        await InsertExecutionRowsAsync(connection, transaction, workspace, entries);
        await connection.ExecuteAsync(
            "UPDATE plan_versions SET figures_stored = 1 WHERE figures_stored = 0 AND plan_id IN (SELECT id FROM saved_plans WHERE workspace_id = @workspace)",
            new { workspace }, transaction);
        await connection.ExecuteAsync(
            "UPDATE executions SET figures_stored = 1 WHERE figures_stored = 0 AND plan_id IN (SELECT id FROM saved_plans WHERE workspace_id = @workspace)",
            new { workspace }, transaction);
        await RefreshFlagsAsync(connection, transaction, null, workspace);
    }

    /// <summary>
    /// Sets which of a plan's rows count — its latest version's and latest entry's, its latest signed version's, whether
    /// it is signed or archived — after any write of the plan (a version, a signature, an entry, an archive, an import).
    /// </summary>
    internal static async Task RefreshFlagsAsync(DbConnection connection, DbTransaction transaction, string? planId, string? workspace = null)
    {
        string where = planId is null ? "workspace_id = @workspace" : "plan_id = @planId";
        await connection.ExecuteAsync(
            "UPDATE version_figures SET " +
            "is_latest = CASE WHEN number = (SELECT p.latest_version FROM saved_plans p WHERE p.id = version_figures.plan_id) THEN 1 ELSE 0 END, " +
            "is_committed = CASE WHEN number = (SELECT MAX(s.number) FROM signatures s WHERE s.plan_id = version_figures.plan_id) THEN 1 ELSE 0 END, " +
            "plan_signed = CASE WHEN EXISTS (SELECT 1 FROM signatures s WHERE s.plan_id = version_figures.plan_id) THEN 1 ELSE 0 END, " +
            "archived = CASE WHEN (SELECT p.status FROM saved_plans p WHERE p.id = version_figures.plan_id) = 'archived' THEN 1 ELSE 0 END " +
            $"WHERE {where}", new { planId, workspace }, transaction);
        await connection.ExecuteAsync(
            "UPDATE execution_figures SET " +
            "is_latest = CASE WHEN number = (SELECT MAX(e.number) FROM executions e WHERE e.plan_id = execution_figures.plan_id) THEN 1 ELSE 0 END, " +
            "plan_signed = CASE WHEN EXISTS (SELECT 1 FROM signatures s WHERE s.plan_id = execution_figures.plan_id) THEN 1 ELSE 0 END, " +
            "archived = CASE WHEN (SELECT p.status FROM saved_plans p WHERE p.id = execution_figures.plan_id) = 'archived' THEN 1 ELSE 0 END " +
            $"WHERE {where}", new { planId, workspace }, transaction);
    }

    /// <summary>Writes an execution entry's rows (replacing any) and marks it stored.</summary>
    internal static async Task WriteExecutionAsync(DbConnection connection, DbTransaction transaction, string workspace, ExecutionFigures figures, bool refresh = true)
    {
        await connection.ExecuteAsync("DELETE FROM execution_figures WHERE plan_id = @PlanId AND number = @Number", new { figures.PlanId, figures.Number }, transaction);
        await InsertExecutionRowsAsync(connection, transaction, workspace, [figures]);
        await connection.ExecuteAsync("UPDATE executions SET figures_stored = 1 WHERE plan_id = @PlanId AND number = @Number", new { figures.PlanId, figures.Number }, transaction);
        if (refresh)
        {
            await RefreshFlagsAsync(connection, transaction, figures.PlanId);
        }
    }

    /// <summary>Stores the figures computed for versions and entries saved before the portfolio (or imported without them).</summary>
    public async Task StoreAsync(string workspace, IReadOnlyList<VersionFigures> versions, IReadOnlyList<ExecutionFigures> entries, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        foreach (var version in versions)
        {
            await WriteVersionAsync(connection, transaction, workspace, version, refresh: false);
        }
        foreach (var entry in entries)
        {
            await WriteExecutionAsync(connection, transaction, workspace, entry, refresh: false);
        }
        foreach (string plan in versions.Select(v => v.PlanId).Concat(entries.Select(e => e.PlanId)).Distinct())
        {
            await RefreshFlagsAsync(connection, transaction, plan);
        }
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>Up to <paramref name="limit"/> versions of the workspace whose figures are not stored yet.</summary>
    public async Task<IReadOnlyList<UnstoredVersion>> UnstoredVersionsAsync(string workspace, int limit, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var rows = await connection.QueryAsync<UnstoredVersionRow>(
            "SELECT v.plan_id AS PlanId, v.number AS Number, v.plan_json AS PlanJson, s.answer AS Answer FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id " +
            "LEFT JOIN signatures s ON s.plan_id = v.plan_id AND s.number = v.number " +
            "WHERE v.figures_stored = 0 AND p.workspace_id = @workspace ORDER BY v.plan_id, v.number LIMIT @limit",
            new { workspace, limit });
        return rows.Select(r => new UnstoredVersion(r.PlanId, (int)r.Number, r.PlanJson, r.Answer)).ToArray();
    }

    /// <summary>Up to <paramref name="limit"/> execution entries of the workspace whose figures are not stored yet.</summary>
    public async Task<IReadOnlyList<UnstoredExecution>> UnstoredExecutionsAsync(string workspace, int limit, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var rows = await connection.QueryAsync<UnstoredExecutionRow>(
            "SELECT e.plan_id AS PlanId, e.number AS Number, e.version AS Version, e.execution_json AS ExecutionJson FROM executions e JOIN saved_plans p ON p.id = e.plan_id " +
            "WHERE e.figures_stored = 0 AND p.workspace_id = @workspace ORDER BY e.plan_id, e.number LIMIT @limit",
            new { workspace, limit });
        return rows.Select(r => new UnstoredExecution(r.PlanId, (int)r.Number, (int)r.Version, r.ExecutionJson)).ToArray();
    }

    /// <summary>Says that <paramref name="funderId"/> is the same body as <paramref name="sameAs"/> in this workspace (null: forget it).</summary>
    public async Task SetAliasAsync(string workspace, string funderId, string? sameAs, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await connection.ExecuteAsync("DELETE FROM funder_aliases WHERE workspace_id = @workspace AND funder_id = @funderId", new { workspace, funderId }, transaction);
        if (sameAs is not null)
        {
            await connection.ExecuteAsync("INSERT INTO funder_aliases (workspace_id, funder_id, same_as) VALUES (@workspace, @funderId, @sameAs)", new { workspace, funderId, sameAs }, transaction);
        }
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>The workspace's aliases: funder id → the id of the body it is.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AliasesAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return await AliasesAsync(connection, workspace);
    }

    private static async Task<Dictionary<string, string>> AliasesAsync(DbConnection connection, string workspace) =>
        (await connection.QueryAsync<KeyValueRow>(
            "SELECT funder_id AS Key, same_as AS Value FROM funder_aliases WHERE workspace_id = @workspace ORDER BY funder_id", new { workspace }))
        .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    private sealed class KeyValueRow
    {
        public string Key { get; set; } = "";
        public string Value { get; set; } = "";
    }

    /// <summary>
    /// Sums every view of the portfolio, by funder key and budget year, in four grouped scans of covering indexes (the
    /// rows' flags say which count: no join, no re-evaluation), then names and, for one funder, its plans.
    /// </summary>
    public async Task<PortfolioData> QueryAsync(string workspace, PortfolioQuery query, CancellationToken cancellation = default)
    {
        string plans = query.Status switch
        {
            PortfolioStatus.Archived => "f.archived = 1",
            PortfolioStatus.Signed => "f.archived = 0 AND f.plan_signed = 1",
            PortfolioStatus.Draft => "f.archived = 0 AND f.plan_signed = 0",
            _ => "f.archived = 0",
        };
        string years = (query.From is null ? "" : " AND f.year >= @from") + (query.To is null ? "" : " AND f.year <= @to");
        string programme = query.Programme is null ? "" : " AND f.programme_id = @programme";
        // An entry counts with its plan's programme, read from the plan's latest version.
        string entryProgramme = query.Programme is null ? "" :
            " AND EXISTS (SELECT 1 FROM version_figures g WHERE g.plan_id = f.plan_id AND g.is_latest = 1 AND g.programme_id = @programme)";
        await using var connection = await database.OpenAsync(cancellation);
        // One funder: its key, and the keys its id was counted under (its SIREN's), so that the scans use their indexes.
        string[] keys = query.FunderKey is null ? [] :
        [
            query.FunderKey,
            .. query.FunderId is null ? [] : await connection.QueryAsync<string>(
                "SELECT funder_key FROM portfolio_funder_ids WHERE workspace_id = @workspace AND funder_id = @id ORDER BY funder_key", new { workspace, id = query.FunderId }),
        ];
        keys = [.. keys.Distinct()];
        // Dapper expands a list for SQLite; Npgsql takes the array itself.
        string inKeys = database.Provider == DatabaseProvider.PostgreSql ? "= ANY(@keys)" : "IN @keys";
        string funder = query.FunderKey is null ? "" : $" AND f.funder_key {inKeys}";
        string carrier = query.FunderKey is null ? "" : $" AND f.carrier_key {inKeys}";
        var parameters = new { workspace, from = query.From, to = query.To, programme = query.Programme, keys, exclude = query.ExcludePlanId };
        string exclude = query.ExcludePlanId is null ? "" : " AND f.plan_id <> @exclude";
        string versions = $"FROM version_figures f WHERE f.workspace_id = @workspace AND {plans}{years}{programme}{exclude}";
        string entries = $"FROM execution_figures f WHERE f.workspace_id = @workspace AND f.is_latest = 1 AND {plans}{years}{entryProgramme}{exclude}";

        var views = (await connection.QueryAsync<ViewRow>(
            "SELECT f.funder_key AS Key, f.year AS Year, " +
            "SUM(CASE WHEN f.is_committed = 1 THEN f.contribution_cents ELSE 0 END) AS CommittedContribution, " +
            "SUM(CASE WHEN f.is_committed = 1 THEN f.payment_cents ELSE 0 END) AS CommittedPayment, " +
            "SUM(CASE WHEN f.is_latest = 1 THEN f.contribution_cents ELSE 0 END) AS PlannedContribution, " +
            "SUM(CASE WHEN f.is_latest = 1 THEN f.payment_cents ELSE 0 END) AS PlannedPayment, " +
            "SUM(CASE WHEN f.is_committed = 1 AND f.is_carrier = 0 THEN f.payment_cents ELSE 0 END) AS NotCarrierPayment " +
            $"{versions} AND (f.is_latest = 1 OR f.is_committed = 1){funder} GROUP BY f.funder_key, f.year", parameters)).ToArray();
        var committed = views.Select(v => new PortfolioCell(v.Key, (int)v.Year, (long)v.CommittedContribution, (long)v.CommittedPayment)).ToArray();
        var planned = views.Select(v => new PortfolioCell(v.Key, (int)v.Year, (long)v.PlannedContribution, (long)v.PlannedPayment)).ToArray();
        var notCarrier = views.Select(v => new PortfolioCell(v.Key, (int)v.Year, (long)v.NotCarrierPayment, 0)).ToArray();
        var executed = await CellsAsync(connection,
            $"SELECT f.funder_key AS Key, f.year AS Year, SUM(f.received_cents) AS First, SUM(f.due_cents) AS Second {entries}{funder} GROUP BY f.funder_key, f.year", parameters);
        var carrierPayments = await CellsAsync(connection,
            $"SELECT f.carrier_key AS Key, f.year AS Year, SUM(f.payment_cents) AS First, 0 AS Second {versions} AND f.is_committed = 1 AND f.is_carrier = 0 AND f.carrier_key IS NOT NULL{carrier} GROUP BY f.carrier_key, f.year", parameters);
        var carrierReceived = await CellsAsync(connection,
            $"SELECT f.carrier_key AS Key, f.year AS Year, SUM(f.received_cents) AS First, 0 AS Second {entries} AND f.is_carrier = 0 AND f.carrier_key IS NOT NULL{carrier} GROUP BY f.carrier_key, f.year", parameters);
        var names = (await connection.QueryAsync<NameRow>(
            "SELECT funder_key AS Key, funder_name AS Name, siren AS Siren, funder_id AS FunderId FROM portfolio_funders WHERE workspace_id = @workspace" +
            (query.FunderKey is null ? "" : $" AND funder_key {inKeys}"), parameters))
            .Select(n => new PortfolioName(n.Key, n.Name, n.Siren, n.FunderId)).ToList();
        var refs = new List<PortfolioPlanRef>();
        if (query.WithPlans)
        {
            // The funder's versions from the covering index, then their plans' names; a version counted as committed is
            // its plan's latest signed one, and a latest version is signed exactly when it is also the committed one.
            refs.AddRange((await connection.QueryAsync<RefRow>(
                "SELECT r.Key, r.PlanId, p.name AS Name, r.Number, p.status AS Status, r.Committed, r.Latest, r.Committed AS Signed FROM " +
                "(SELECT DISTINCT f.funder_key AS Key, f.plan_id AS PlanId, f.number AS Number, f.is_committed AS Committed, f.is_latest AS Latest " +
                $"FROM version_figures f WHERE f.workspace_id = @workspace AND {plans}{years}{programme}{exclude} AND (f.is_latest = 1 OR f.is_committed = 1){funder}) r " +
                "JOIN saved_plans p ON p.id = r.PlanId", parameters))
                .SelectMany(r => new[] { (r, "committed", r.Committed == 1), (r, "planned", r.Latest == 1) }.Where(v => v.Item3)
                    .Select(v => new PortfolioPlanRef(r.Key, r.PlanId, r.Name, (int)r.Number, r.Signed == 1, r.Status, v.Item2))));
        }
        return new PortfolioData(committed, planned, executed, notCarrier, carrierPayments, carrierReceived, names, refs, await AliasesAsync(connection, workspace));
    }

    /// <summary>Runs a query of <c>Key, Year, First, Second</c> (two sums).</summary>
    private static async Task<IReadOnlyList<PortfolioCell>> CellsAsync(DbConnection connection, string sql, object parameters) =>
        (await connection.QueryAsync<CellRow>(sql, parameters)).Select(c => new PortfolioCell(c.Key, (int)c.Year, (long)c.First, (long)c.Second)).ToArray();

    // Rows as Dapper fills them: settable properties, so that SQLite's 64-bit integers and PostgreSQL's numeric sums both fit.
    private sealed class CellRow
    {
        public string Key { get; set; } = "";
        public long Year { get; set; }
        public decimal First { get; set; }
        public decimal Second { get; set; }
    }

    private sealed class NameRow
    {
        public string Key { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Siren { get; set; }
        public string FunderId { get; set; } = "";
    }

    private sealed class ViewRow
    {
        public string Key { get; set; } = "";
        public long Year { get; set; }
        public decimal CommittedContribution { get; set; }
        public decimal CommittedPayment { get; set; }
        public decimal PlannedContribution { get; set; }
        public decimal PlannedPayment { get; set; }
        public decimal NotCarrierPayment { get; set; }
    }

    private sealed class RefRow
    {
        public long Committed { get; set; }
        public long Latest { get; set; }
        public string Key { get; set; } = "";
        public string PlanId { get; set; } = "";
        public string Name { get; set; } = "";
        public long Number { get; set; }
        public string Status { get; set; } = "";
        public long Signed { get; set; }
    }

    private sealed class UnstoredVersionRow
    {
        public string PlanId { get; set; } = "";
        public long Number { get; set; }
        public string PlanJson { get; set; } = "";
        public byte[]? Answer { get; set; }
    }

    private sealed class UnstoredExecutionRow
    {
        public string PlanId { get; set; } = "";
        public long Number { get; set; }
        public long Version { get; set; }
        public string ExecutionJson { get; set; } = "";
    }
}
