using System.Data.Common;
using Dapper;

namespace Funding.Storage;

/// <summary>What was spent and received on saved plans, entry by entry: a history, never changed.</summary>
internal sealed class ExecutionStore(Database database, AuditStore audit)
{
    /// <summary>
    /// Records an execution entry for version <paramref name="version"/> of a plan of the workspace, numbered after the
    /// last one; null when there is no such plan or version.
    /// </summary>
    public async Task<ExecutionEntry?> RecordAsync(string workspace, string id, int version, Actor author, string comment, string executionJson, IReadOnlyList<ExecutionFigureRow>? figures = null, CancellationToken cancellation = default)
    {
        var now = database.Now();
        for (int attempt = 0; ; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellation);
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            bool exists = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM plan_versions v JOIN saved_plans p ON p.id = v.plan_id WHERE v.plan_id = @id AND v.number = @version AND p.workspace_id = @workspace",
                new { id, version, workspace }, transaction) == 1;
            if (!exists)
            {
                return null;
            }
            int number = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(number), 0) + 1 FROM executions WHERE plan_id = @id", new { id }, transaction);
            var entry = new ExecutionEntry(id, number, version, now, author.Name, comment, executionJson);
            try
            {
                await InsertAsync(connection, transaction, entry);
                if (figures is not null)
                {
                    await PortfolioStore.WriteExecutionAsync(connection, transaction, workspace, new ExecutionFigures(id, number, figures));
                }
                await audit.AppendAsync(connection, transaction, workspace, now, author, AuditActions.ExecutionRecorded, id, version, AuditStore.Hash(executionJson),
                    $"Exécution n° {number} : {comment}");
                await transaction.CommitAsync(cancellation);
                return entry;
            }
            catch (DbException) when (attempt < 5)
            {
                // Another entry took this number at the same time (PostgreSQL): take the next one, at once.
                await transaction.RollbackAsync(cancellation);
            }
        }
    }

    internal Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, ExecutionEntry e) =>
        connection.ExecuteAsync(
            "INSERT INTO executions (plan_id, number, version, created_at, author, comment, execution_json) VALUES (@PlanId, @Number, @Version, @created, @Author, @Comment, @ExecutionJson)",
            new { e.PlanId, e.Number, e.Version, created = database.Stamp(e.CreatedAt), e.Author, e.Comment, e.ExecutionJson }, transaction);

    /// <summary>The execution entries of a plan of the workspace, in order (empty when there is none or no such plan).</summary>
    public async Task<IReadOnlyList<ExecutionEntry>> ListAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return await QueryAsync(connection, "e.plan_id = @id AND p.workspace_id = @workspace", new { id, workspace });
    }

    /// <summary>One execution entry, or null.</summary>
    public async Task<ExecutionEntry?> GetAsync(string workspace, string id, int number, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return (await QueryAsync(connection, "e.plan_id = @id AND p.workspace_id = @workspace AND e.number = @number", new { id, workspace, number })).SingleOrDefault();
    }

    /// <summary>Every execution entry of a workspace's plans.</summary>
    public async Task<IReadOnlyList<ExecutionEntry>> ListWorkspaceAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return await QueryAsync(connection, "p.workspace_id = @workspace", new { workspace });
    }

    private static async Task<IReadOnlyList<ExecutionEntry>> QueryAsync(DbConnection connection, string where, object parameters)
    {
        var rows = await connection.QueryAsync<ExecutionRow>(
            $"SELECT {ExecutionRow.Columns} FROM executions e JOIN saved_plans p ON p.id = e.plan_id WHERE {where} ORDER BY e.plan_id, e.number", parameters);
        return rows.Select(r => r.ToEntry()).ToArray();
    }
}
