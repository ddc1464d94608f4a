namespace Funding.Storage;

/// <summary>
/// What a person may do in a workspace, each role including the ones before it: a reader reads, an editor saves and
/// amends plans and records executions, a signer also signs voted versions, an admin also archives, imports, manages
/// keys and reads the audit log.
/// </summary>
internal enum WorkspaceRole
{
    /// <summary>Reads plans, versions, executions and the portfolio.</summary>
    Reader = 1,

    /// <summary>A reader who also saves and amends plans and records executions.</summary>
    Editor = 2,

    /// <summary>An editor who also signs voted versions.</summary>
    Signer = 3,

    /// <summary>A signer who also archives, imports, exports, manages keys and reads the audit log.</summary>
    Admin = 4,
}

/// <summary>The roles' names, as stored and as typed (<c>reader</c>, <c>editor</c>, <c>signer</c>, <c>admin</c>), and in French.</summary>
internal static class WorkspaceRoles
{
    /// <summary>Every role, the least first.</summary>
    public static readonly WorkspaceRole[] All = [WorkspaceRole.Reader, WorkspaceRole.Editor, WorkspaceRole.Signer, WorkspaceRole.Admin];

    /// <summary>The role's name as stored and as typed.</summary>
    public static string Name(this WorkspaceRole role) => role switch
    {
        WorkspaceRole.Reader => "reader",
        WorkspaceRole.Editor => "editor",
        WorkspaceRole.Signer => "signer",
        WorkspaceRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The role's French name, for messages.</summary>
    public static string French(this WorkspaceRole role) => role switch
    {
        WorkspaceRole.Reader => "lecteur",
        WorkspaceRole.Editor => "rédacteur",
        WorkspaceRole.Signer => "signataire",
        WorkspaceRole.Admin => "administrateur",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The role named <paramref name="name"/> (its English or French name, any case), or null.</summary>
    public static WorkspaceRole? Parse(string? name) =>
        All.Cast<WorkspaceRole?>().FirstOrDefault(r => string.Equals(r!.Value.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(r!.Value.French(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
