using System.Data.Common;
using Dapper;

namespace Funding.Storage;

/// <summary>A workspace exists once something is stored in it.</summary>
internal static class Workspaces
{
    public static Task<int> EnsureAsync(Database database, DbConnection connection, DbTransaction transaction, string workspace, DateTimeOffset now) =>
        connection.ExecuteAsync("INSERT INTO workspaces (id, created_at) VALUES (@workspace, @now) ON CONFLICT (id) DO NOTHING",
            new { workspace, now = database.Stamp(now) }, transaction);
}
