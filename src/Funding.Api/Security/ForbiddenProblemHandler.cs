using Funding.Api.Errors;
using Funding.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Funding.Api.Security;

/// <summary>
/// A forbidden action is a French problem naming the role it needs and the caller's own, and saying whom to ask;
/// everything else is ASP.NET Core's default (the challenge is the authentication handler's own problem).
/// </summary>
internal sealed class ForbiddenProblemHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<WorkspaceRoleRequirement>().FirstOrDefault() is { } needed)
        {
            var role = context.User.Role();
            string mine = role is { } r ? $"Votre clé a le rôle {r.French()} ({r.Name()})" : "Votre clé n'a pas de rôle";
            string mineEn = role is { } r2 ? $"Your key has the role {r2.Name()}" : "Your key has no role";
            return Problems.WriteAsync(context, ApiProblems.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                new(ErrorCodes.Forbidden, $"Action réservée au rôle {needed.Minimum.French()} ({needed.Minimum.Name()}) ou au-dessus.",
                    $"This action needs the role {needed.Minimum.Name()} or above."),
                new(ErrorCodes.Forbidden,
                    $"{mine}. {Allowed(needed.Minimum)} Demandez à l'administrateur de votre espace de travail une clé de ce rôle.",
                    $"{mineEn}. Ask your workspace's administrator for a key with the role {needed.Minimum.Name()}.")));
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string Allowed(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Reader => "Un lecteur lit les plans.",
        WorkspaceRole.Editor => "Enregistrer, modifier un plan ou saisir une exécution demande le rôle rédacteur, signataire ou administrateur.",
        WorkspaceRole.Signer => "Signer une version votée demande le rôle signataire ou administrateur.",
        _ => "Archiver, importer, exporter, gérer les clés et lire le journal demandent le rôle administrateur.",
    };
}
