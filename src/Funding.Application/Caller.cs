namespace Funding.Application;

/// <summary>Who calls a use case on saved plans: the workspace the key opens and the name its writes are recorded under.</summary>
/// <param name="Workspace">The workspace.</param>
/// <param name="Name">The author of versions, signatures and entries.</param>
/// <param name="KeyId">The key's id, when a key authenticated the call.</param>
internal sealed record Caller(string Workspace, string Name, string? KeyId)
{
    /// <summary>The caller as the stores and the audit log record it.</summary>
    public Funding.Storage.Actor Actor => new(Name, KeyId);
}
