using System.Security.Claims;
using System.Text.Encodings.Web;
using Funding.Api.Errors;
using Funding.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Funding.Api.Security;

/// <summary>
/// The workspace's API key as an ASP.NET Core authentication scheme: <c>Authorization: Bearer fk_…</c>, checked against
/// the stored hashes; the caller becomes a <see cref="ClaimsPrincipal"/> with its workspace, name and role. Endpoints that need
/// it say so (<c>RequireAuthorization()</c> on their route group); the challenge is a French problem that says what to do.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length is <= 7 or >= 200)
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer key.");
        }
        var identity = await keys.AuthenticateAsync(header[7..].Trim(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked key.");
        }
        Claim[] claims =
        [
            new(FundingClaims.Workspace, identity.Workspace),
            new(ClaimTypes.Name, identity.Name),
            new(FundingClaims.KeyId, identity.KeyId),
            new(ClaimTypes.Role, identity.Role.Name()),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>A missing key and a key that is not (or no longer) valid are two problems, each saying what to do.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        bool given = !string.IsNullOrEmpty(Request.Headers.Authorization);
        return Problems.WriteAsync(Context, given
            ? ApiProblems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                new(ErrorCodes.Unauthorized, "Clé d'API invalide ou révoquée.", "Invalid or revoked API key."),
                new(ErrorCodes.Unauthorized,
                    "Cette clé n'ouvre aucun espace de travail : elle a pu être mal copiée, ou révoquée. Demandez une nouvelle clé à l'administrateur de votre espace de travail.",
                    "This key opens no workspace: it may have been mistyped, or revoked. Ask your workspace's administrator for a new key."))
            : ApiProblems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                new(ErrorCodes.Unauthorized, "Clé d'API manquante.", "Missing API key."),
                new(ErrorCodes.Unauthorized,
                    "Les plans enregistrés demandent la clé de votre espace de travail, dans l'en-tête « Authorization: Bearer <clé> ». Demandez-la à l'administrateur de votre espace de travail.",
                    "Saved plans need your workspace's key, in the header 'Authorization: Bearer <key>'. Ask your workspace's administrator for it.")));
    }
}
