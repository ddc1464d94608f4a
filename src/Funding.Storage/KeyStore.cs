using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Funding.Storage;

/// <summary>Workspaces' API keys: only a key's hash is stored, and a key is shown once, when it is made.</summary>
internal sealed class KeyStore(Database database)
{
    /// <summary>The hash stored for a key: SHA-256 of a 256-bit random key (no salt needed at that entropy).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Creates a key for <paramref name="workspace"/> (creating the workspace if new) and returns it, once.</summary>
    public async Task<(string Key, KeyInfo Info)> AddKeyAsync(string workspace, string name, CancellationToken cancellation = default)
    {
        string key = "fk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string id = "k_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Workspaces.EnsureAsync(database, connection, transaction, workspace, now);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, workspace_id, name, key_hash, created_at) VALUES (@id, @workspace, @name, @hash, @now)",
            new { id, workspace, name, hash = Hash(key), now = database.Stamp(now) }, transaction);
        await transaction.CommitAsync(cancellation);
        return (key, new KeyInfo(id, name, now, null));
    }

    public async Task<int> RevokeKeyAsync(string workspace, string nameOrId, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        return await connection.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @now WHERE workspace_id = @workspace AND (name = @nameOrId OR id = @nameOrId) AND revoked_at IS NULL",
            new { workspace, nameOrId, now = database.Stamp(database.Now()) });
    }

    public async Task<IReadOnlyList<KeyInfo>> ListKeysAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var rows = await connection.QueryAsync<KeyRow>(
            "SELECT id, workspace_id AS WorkspaceId, name, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys WHERE workspace_id = @workspace ORDER BY created_at, id",
            new { workspace });
        return rows.Select(r => new KeyInfo(r.Id, r.Name, r.CreatedAt, r.RevokedAt)).ToArray();
    }

    /// <summary>The identity of a key, or null when it is unknown or revoked.</summary>
    public async Task<KeyIdentity?> AuthenticateAsync(string key, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(
            "SELECT id, workspace_id AS WorkspaceId, name, created_at AS CreatedAt FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(key) });
        return row is null ? null : new KeyIdentity(row.Id, row.WorkspaceId, row.Name);
    }
}
