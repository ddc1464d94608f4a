using System.Security.Claims;
using Funding.Application;

namespace Funding.Api.Security;

/// <summary>The claims a caller of the saved plans carries, and the caller read from them.</summary>
internal static class FundingClaims
{
    /// <summary>The workspace the caller works in.</summary>
    public const string Workspace = "funding:workspace";

    /// <summary>The id of the API key that authenticated the caller.</summary>
    public const string KeyId = "funding:key";

    /// <summary>The workspace of a caller who sent a key or a token on an endpoint open to all, or null.</summary>
    public static string? WorkspaceOrNull(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(Workspace) : null;

    /// <summary>The caller: its workspace and its name (the person or application the key belongs to).</summary>
    public static Caller Caller(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Workspace) ?? throw new InvalidOperationException("An authorized endpoint was reached without a workspace claim."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        user.FindFirstValue(KeyId));
}
