using Funding.Storage;

namespace Funding.Application.SavedPlans;

/// <summary>The audit log's and keys' stored records as the contract shows them.</summary>
internal static class AuditMapping
{
    public static AuditEntryOutput Output(AuditRecord r) => new()
    {
        At = r.At,
        Actor = r.Actor,
        KeyId = r.KeyId,
        Action = r.Action,
        PlanId = r.PlanId,
        Version = r.Version,
        ContentHash = r.ContentHash,
        Detail = r.Detail,
    };

    public static ApiKeyOutput Output(KeyInfo k) => new()
    {
        Id = k.Id,
        Name = k.Name,
        Role = k.Role.Name(),
        CreatedAt = k.CreatedAt,
        RevokedAt = k.RevokedAt,
    };
}
