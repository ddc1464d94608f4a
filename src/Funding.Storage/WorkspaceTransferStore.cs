using Dapper;

namespace Funding.Storage;

/// <summary>A workspace's plans, versions, signatures and executions, exported and imported as they were.</summary>
internal sealed class WorkspaceTransferStore(Database database, PlanStore plans, ExecutionStore executions, AuditStore audit)
{
    /// <summary>Every plan of a workspace with all its versions and signatures.</summary>
    public async Task<IReadOnlyList<(SavedPlanSummary Plan, IReadOnlyList<PlanVersion> Versions)>> ExportAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var summaries = (await connection.QueryAsync<SummaryRow>(
            $"SELECT {SummaryRow.Columns} FROM saved_plans WHERE workspace_id = @workspace ORDER BY created_at, id", new { workspace }))
            .Select(r => r.ToSummary()).ToArray();
        var result = new List<(SavedPlanSummary, IReadOnlyList<PlanVersion>)>(summaries.Length);
        foreach (var plan in summaries)
        {
            result.Add((plan, await PlanStore.VersionsAsync(connection, workspace, plan.Id, null)));
        }
        return result;
    }

    /// <summary>Every execution entry of the workspace's plans.</summary>
    public Task<IReadOnlyList<ExecutionEntry>> ExportExecutionsAsync(string workspace, CancellationToken cancellation = default) =>
        executions.ListWorkspaceAsync(workspace, cancellation);

    /// <summary>
    /// Imports exported plans and their execution entries as they were (ids, versions, signatures), in one transaction;
    /// null when done, else what exists already (a plan, or a version of a workspace programme), and nothing imported.
    /// </summary>
    public async Task<ImportConflict?> ImportAsync(string workspace, IReadOnlyList<(SavedPlanSummary Plan, IReadOnlyList<PlanVersion> Versions)> imported,
        IReadOnlyList<ExecutionEntry> entries, IReadOnlyList<AuditRecord> log, Actor actor,
        IReadOnlyList<VersionFigures>? figures = null, IReadOnlyList<ExecutionFigures>? executionFigures = null, IReadOnlyList<StoredProgramme>? programmes = null,
        CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Workspaces.EnsureAsync(database, connection, transaction, workspace, database.Now());
        if (await ProgrammeStore.ImportAsync(database, connection, transaction, workspace, programmes ?? []) is { } existing)
        {
            await transaction.RollbackAsync(cancellation);
            return new ImportConflict(ImportConflictKind.Programme, existing.Id, existing.Version);
        }
        foreach (var (plan, versions) in imported)
        {
            if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM saved_plans WHERE id = @id", new { id = plan.Id }, transaction) > 0)
            {
                await transaction.RollbackAsync(cancellation);
                return new ImportConflict(ImportConflictKind.Plan, plan.Id, null);
            }
            await connection.ExecuteAsync(
                "INSERT INTO saved_plans (id, workspace_id, name, latest_version, status, created_at, updated_at) VALUES (@Id, @workspace, @Name, @LatestVersion, @Status, @created, @updated)",
                new { plan.Id, workspace, plan.Name, plan.LatestVersion, plan.Status, created = database.Stamp(plan.CreatedAt), updated = database.Stamp(plan.UpdatedAt) }, transaction);
            foreach (var version in versions)
            {
                await plans.InsertVersionAsync(connection, transaction, plan.Id, version.Number, version.CreatedAt, version.Author, version.Comment, version.PlanJson);
                if (version.Signature is { } signature)
                {
                    await plans.InsertSignatureAsync(connection, transaction, plan.Id, version.Number, signature);
                }
            }
        }
        foreach (var entry in entries)
        {
            await executions.InsertAsync(connection, transaction, entry);
        }
        await PortfolioStore.WriteImportAsync(connection, transaction, workspace, figures ?? [], executionFigures ?? []);
        foreach (var line in log)
        {
            await audit.AppendAsync(connection, transaction, workspace, database.Kept(line.At), new Actor(line.Actor, line.KeyId), line.Action, line.PlanId, line.Version, line.ContentHash, line.Detail);
        }
        await audit.AppendAsync(connection, transaction, workspace, database.Now(), actor, AuditActions.WorkspaceImported, null, null, null,
            $"{imported.Count} plan(s), {imported.Sum(p => p.Versions.Count)} version(s), {entries.Count} exécution(s)"
            + (programmes is { Count: > 0 } ? $", {programmes.Count} version(s) de dispositifs locaux" : "") + " importés.");
        await transaction.CommitAsync(cancellation);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // A bulk import changes the tables' statistics at once: the planner learns of it now, not at autovacuum's pace.
            await connection.ExecuteAsync("ANALYZE version_figures; ANALYZE execution_figures");
        }
        return null;
    }
}

/// <summary>What an import found already there.</summary>
internal enum ImportConflictKind
{
    /// <summary>A saved plan with the same id.</summary>
    Plan,

    /// <summary>The same version of a workspace programme.</summary>
    Programme,
}

/// <summary>The plan, or the workspace programme's version, an import found already there.</summary>
/// <param name="Kind">A plan or a programme.</param>
/// <param name="Id">Its id.</param>
/// <param name="Version">The programme's version; null for a plan.</param>
internal sealed record ImportConflict(ImportConflictKind Kind, string Id, int? Version);
