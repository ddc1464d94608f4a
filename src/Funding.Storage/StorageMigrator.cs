using Dapper;
using EvolveDb;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace Funding.Storage;

/// <summary>
/// Creates the database if needed and applies the migrations of the provider's folder (Evolve, a checksum per script).
/// </summary>
/// <remarks>
/// Two processes starting at once on one database may race to create Evolve's journal: the loser fails, and a Polly
/// retry (with a growing delay, never a thread sleep) finds the work done. Migrations run once, at start-up.
/// </remarks>
internal sealed class StorageMigrator(Database database)
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<EvolveException>(),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Linear,
        })
        .Build();

    public async Task MigrateAsync(CancellationToken cancellation = default)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(database.DataSource.ConnectionString);
            if (builder.DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }
        await Retry.ExecuteAsync(async token =>
        {
            await using var connection = await database.OpenAsync(token);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            }
            string folderName = database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
            var evolve = new Evolve(connection, _ => { }, database.Provider == DatabaseProvider.Sqlite ? EvolveDb.Dialect.DBMS.SQLite : EvolveDb.Dialect.DBMS.PostgreSQL)
            {
                EmbeddedResourceAssemblies = [typeof(StorageMigrator).Assembly],
                EmbeddedResourceFilters = [$"Funding.Storage.Migrations.{folderName}"],
                IsEraseDisabled = true,
            };
            evolve.Migrate();
        }, cancellation);
    }
}
