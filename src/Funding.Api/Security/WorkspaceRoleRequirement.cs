using System.Security.Claims;
using Funding.Storage;
using Microsoft.AspNetCore.Authorization;

namespace Funding.Api.Security;

/// <summary>
/// An endpoint's role requirement: the caller's role in its workspace must be at least <see cref="Minimum"/> (roles
/// include the ones below them). It is also the endpoint's metadata, read by the route-table test and the OpenAPI
/// document.
/// </summary>
internal sealed record WorkspaceRoleRequirement(WorkspaceRole Minimum) : IAuthorizationRequirement
{
    /// <summary>The policy of a role: one per role, registered at startup.</summary>
    public static string Policy(WorkspaceRole role) => "role:" + role.Name();
}

/// <summary>Grants a <see cref="WorkspaceRoleRequirement"/> when the caller's role claim is at least its minimum.</summary>
internal sealed class WorkspaceRoleHandler : AuthorizationHandler<WorkspaceRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspaceRoleRequirement requirement)
    {
        if (context.User.Role() is { } role && role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>How endpoints say the role they need.</summary>
internal static class WorkspaceRoleEndpoints
{
    /// <summary>The caller's role, or null when it has none.</summary>
    public static WorkspaceRole? Role(this ClaimsPrincipal user) => WorkspaceRoles.Parse(user.FindFirstValue(ClaimTypes.Role));

    /// <summary>Registers one policy per role.</summary>
    public static AuthorizationBuilder AddWorkspaceRoles(this AuthorizationBuilder builder)
    {
        foreach (var role in WorkspaceRoles.All)
        {
            builder.AddPolicy(WorkspaceRoleRequirement.Policy(role), policy => policy.RequireAuthenticatedUser().AddRequirements(new WorkspaceRoleRequirement(role)));
        }
        return builder;
    }

    /// <summary>The endpoint needs a key of at least <paramref name="role"/> in its workspace; below it, a 403 naming the role.</summary>
    public static RouteHandlerBuilder RequireRole(this RouteHandlerBuilder endpoint, WorkspaceRole role) => endpoint
        .RequireAuthorization(WorkspaceRoleRequirement.Policy(role))
        .WithMetadata(new WorkspaceRoleRequirement(role))
        .ProducesProblem(StatusCodes.Status403Forbidden);
}
