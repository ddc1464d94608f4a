using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Funding.Storage;

/// <summary>
/// The embedded SQLite file as a <see cref="DbDataSource"/>: every connection opens with foreign keys on,
/// <c>synchronous=FULL</c> (a committed version is on disk before the answer) and a busy timeout, so that a writer waits
/// for another instead of failing.
/// </summary>
internal sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    private const string Pragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";

    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = CreateDbConnection();
        connection.Open();
        connection.Execute(Pragmas);
        return connection;
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateDbConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Pragmas, cancellationToken: cancellationToken));
        return connection;
    }

    protected override DbCommand CreateDbCommand(string? commandText = null) =>
        throw new NotSupportedException("Open a connection from the data source and create commands on it.");

    protected override DbBatch CreateDbBatch() =>
        throw new NotSupportedException("Open a connection from the data source and create batches on it.");
}
