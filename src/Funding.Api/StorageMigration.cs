using Funding.Storage;

namespace Funding.Api;

/// <summary>
/// Applies the database's migrations when the host starts, before the server takes a request: the embedded database is
/// created on first run and migrated at every start, with nothing to install or run by hand.
/// </summary>
internal sealed class StorageMigration(StorageMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
