using System.Data.Common;
using Npgsql;

namespace Funding.Storage;

/// <summary>
/// The stores over one database, for a program that has no dependency injection (the command line, the tests, the
/// benchmarks); the API registers the same classes in its container, on the <see cref="DbDataSource"/> it registers.
/// </summary>
internal sealed class FundingStorage : IAsyncDisposable
{
    public FundingStorage(Database database)
    {
        Database = database;
        Audit = new AuditStore(database);
        Keys = new KeyStore(database, Audit);
        Plans = new PlanStore(database, Audit);
        Executions = new ExecutionStore(database, Audit);
        Portfolio = new PortfolioStore(database);
        Envelopes = new EnvelopeStore(database);
        Programmes = new ProgrammeStore(database, Audit);
        Transfer = new WorkspaceTransferStore(database, Plans, Executions, Audit);
        Migrator = new StorageMigrator(database);
    }

    public Database Database { get; }

    public AuditStore Audit { get; }

    public KeyStore Keys { get; }

    public PlanStore Plans { get; }

    public ExecutionStore Executions { get; }

    public PortfolioStore Portfolio { get; }

    public EnvelopeStore Envelopes { get; }

    public ProgrammeStore Programmes { get; }

    public WorkspaceTransferStore Transfer { get; }

    public StorageMigrator Migrator { get; }

    /// <summary>The data source of a database: an <c>NpgsqlDataSource</c> for PostgreSQL, <see cref="SqliteDataSource"/> for SQLite.</summary>
    public static DbDataSource DataSource(StorageOptions options) => options.Provider == DatabaseProvider.PostgreSql
        ? NpgsqlDataSource.Create(options.ConnectionString)
        : new SqliteDataSource(options.ConnectionString);

    /// <summary>Opens the stores of a database (its migrations not applied: <see cref="StorageMigrator"/>).</summary>
    public static FundingStorage Open(StorageOptions options, TimeProvider clock) => new(new Database(DataSource(options), options.Provider, clock));

    public ValueTask DisposeAsync() => Database.DataSource.DisposeAsync();
}
