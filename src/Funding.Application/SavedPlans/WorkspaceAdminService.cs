using Funding.Storage;

namespace Funding.Application.SavedPlans;

/// <summary>A workspace's people and its audit log: the administrator's use cases, for the API and the command line.</summary>
internal sealed class WorkspaceAdminService(KeyStore keys, AuditStore audit)
{
    /// <summary>The most lines one page of the audit log holds.</summary>
    public const int MaxAuditLines = 1000;

    /// <summary>The workspace's keys, revoked ones included, oldest first.</summary>
    public async Task<Outcome<ApiKeyOutput[]>> KeysAsync(Caller caller, CancellationToken cancellation) =>
        Outcome<ApiKeyOutput[]>.Success((await keys.ListKeysAsync(caller.Workspace, cancellation)).Select(AuditMapping.Output).ToArray());

    /// <summary>Makes a key for a person of the workspace, editor unless the request says otherwise.</summary>
    public async Task<Outcome<ApiKeyCreatedResponse>> AddKeyAsync(Caller caller, ApiKeyRequest request, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        var role = KeyRequest(request.Name, request.Role, errors);
        if (errors.HasErrors)
        {
            return Outcome<ApiKeyCreatedResponse>.Invalid(errors);
        }
        var (key, info) = await keys.AddKeyAsync(caller.Workspace, request.Name.Trim(), role ?? WorkspaceRole.Editor, caller.Actor, cancellation);
        return Outcome<ApiKeyCreatedResponse>.Success(new ApiKeyCreatedResponse { Key = key, Info = AuditMapping.Output(info) });
    }

    /// <summary>Revokes a key of the workspace (by its id or its person's name).</summary>
    public async Task<Outcome<int>> RevokeKeyAsync(Caller caller, string idOrName, CancellationToken cancellation) =>
        await keys.RevokeKeyAsync(caller.Workspace, idOrName, caller.Actor, cancellation) is var revoked and > 0
            ? Outcome<int>.Success(revoked)
            : Outcome<int>.Fail(new UseCaseFailure(FailureKind.NotFound,
                new(ErrorCodes.NotFound, "Clé introuvable.", "No such key."),
                new(ErrorCodes.NotFound, "Aucune clé active de cet espace de travail n'a cet identifiant ou ce nom.", "No active key of this workspace has that id or name.")));

    /// <summary>The audit log between two instants, for one plan if asked, oldest first, at most <see cref="MaxAuditLines"/> lines.</summary>
    public async Task<Outcome<AuditResponse>> AuditAsync(Caller caller, DateTimeOffset? from, DateTimeOffset? to, string? planId, CancellationToken cancellation)
    {
        if (from is { } f && to is { } t && t < f)
        {
            var errors = new RequestErrors();
            errors.Add("to", ErrorCodes.ValueNotAllowed, "« to » précède « from » : aucune ligne ne peut s'y trouver.", "'to' precedes 'from': no line can lie between.");
            return Outcome<AuditResponse>.Invalid(errors);
        }
        var lines = await audit.ListAsync(caller.Workspace, from, to, planId, MaxAuditLines + 1, cancellation);
        return Outcome<AuditResponse>.Success(new AuditResponse
        {
            Entries = lines.Take(MaxAuditLines).Select(AuditMapping.Output).ToArray(),
            Truncated = lines.Count > MaxAuditLines,
        });
    }

    /// <summary>
    /// Reads a key request's person and role into <paramref name="errors"/>: the name is required (a key belongs to
    /// someone), the role one of reader, editor, signer, admin (or their French names).
    /// </summary>
    public static WorkspaceRole? KeyRequest(string? name, string? role, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", ErrorCodes.FieldRequired, "Donnez le nom de la personne (ou de l'application) à qui est la clé : il signe ses versions et le journal.",
                "Give the name of the person (or application) the key is for: it signs their versions and the log.");
        }
        else if (TextRules.NameProblem(name.Trim(), new Subject("le nom", "the name")) is { } problem)
        {
            errors.Add("name", problem);
        }
        if (role is null)
        {
            return null;
        }
        var parsed = WorkspaceRoles.Parse(role);
        if (parsed is null)
        {
            errors.Add("role", ErrorCodes.ValueNotAllowed, $"Rôle inconnu : « {(role.Length > 40 ? role[..40] + "…" : role)} ». Rôles : reader (lecteur), editor (rédacteur), signer (signataire), admin (administrateur).",
                "Unknown role. Roles: reader, editor, signer, admin.");
        }
        return parsed;
    }
}
