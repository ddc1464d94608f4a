using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Funding.Storage;

/// <summary>Workspaces' API keys: only a key's hash is stored, and a key is shown once, when it is made.</summary>
internal sealed class KeyStore(Database database, AuditStore audit)
{
    /// <summary>The hash stored for a key: SHA-256 of a 256-bit random key (no salt needed at that entropy).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Creates a key for the person <paramref name="name"/> in <paramref name="workspace"/> (creating the workspace if new)
    /// and returns it, once. Without a role, a workspace's first key is its admin and later ones are editors.
    /// </summary>
    public async Task<(string Key, KeyInfo Info)> AddKeyAsync(string workspace, string name, WorkspaceRole? role, Actor actor, CancellationToken cancellation = default)
    {
        string key = "fk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string id = "k_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Workspaces.EnsureAsync(database, connection, transaction, workspace, now);
        var given = role ?? (await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM api_keys WHERE workspace_id = @workspace", new { workspace }, transaction) == 0 ? WorkspaceRole.Admin : WorkspaceRole.Editor);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, workspace_id, name, key_hash, created_at, role) VALUES (@id, @workspace, @name, @hash, @now, @role)",
            new { id, workspace, name, hash = Hash(key), now = database.Stamp(now), role = given.Name() }, transaction);
        await audit.AppendAsync(connection, transaction, workspace, now, actor, AuditActions.KeyAdded, null, null, null, $"Clé {id} de « {name} » ({given.French()}).");
        await transaction.CommitAsync(cancellation);
        return (key, new KeyInfo(id, name, given, now, null));
    }

    /// <summary>Revokes the active keys named <paramref name="nameOrId"/> (a person's name or a key's id); how many were revoked.</summary>
    public async Task<int> RevokeKeyAsync(string workspace, string nameOrId, Actor actor, CancellationToken cancellation = default)
    {
        var now = database.Now();
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        int revoked = await connection.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @now WHERE workspace_id = @workspace AND (name = @nameOrId OR id = @nameOrId) AND revoked_at IS NULL",
            new { workspace, nameOrId, now = database.Stamp(now) }, transaction);
        if (revoked > 0)
        {
            await audit.AppendAsync(connection, transaction, workspace, now, actor, AuditActions.KeyRevoked, null, null, null, $"{revoked} clé(s) « {nameOrId} » révoquée(s).");
        }
        await transaction.CommitAsync(cancellation);
        return revoked;
    }

    public async Task<IReadOnlyList<KeyInfo>> ListKeysAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var rows = await connection.QueryAsync<KeyRow>(
            "SELECT id, workspace_id AS WorkspaceId, name, role, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys WHERE workspace_id = @workspace ORDER BY created_at, id",
            new { workspace });
        return rows.Select(r => new KeyInfo(r.Id, r.Name, WorkspaceRoles.Parse(r.Role) ?? WorkspaceRole.Reader, r.CreatedAt, r.RevokedAt)).ToArray();
    }

    /// <summary>The identity of a key, or null when it is unknown or revoked.</summary>
    public async Task<KeyIdentity?> AuthenticateAsync(string key, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(
            "SELECT id, workspace_id AS WorkspaceId, name, role, created_at AS CreatedAt FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(key) });
        // An unknown stored role opens nothing beyond reading: a role is never widened by a typo.
        return row is null ? null : new KeyIdentity(row.Id, row.WorkspaceId, row.Name, WorkspaceRoles.Parse(row.Role) ?? WorkspaceRole.Reader);
    }
}
