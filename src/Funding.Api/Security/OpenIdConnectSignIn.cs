using System.Security.Claims;
using Funding.Api.Errors;
using Funding.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Funding.Api.Security;

/// <summary>
/// People of organisations with an identity provider (ProConnect for public agents, an organisation's Keycloak) sign in
/// with OpenID Connect bearer tokens instead of keys: <c>Funding:Oidc</c> names the issuer (<c>Authority</c>), the
/// audience, and the claims that carry the workspace, the role and the person's name. API keys stay for applications,
/// with the same roles; a bearer that starts with <c>fk_</c> is a key, anything else a token.
/// </summary>
internal sealed class OidcOptions
{
    /// <summary>The issuer's address (its <c>/.well-known/openid-configuration</c> gives its signing keys); none: tokens are off.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for (the API's client id at the issuer).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding the workspace.</summary>
    public string WorkspaceClaim { get; set; } = "funding_workspace";

    /// <summary>The claim holding the role: reader, editor, signer or admin (or their French names).</summary>
    public string RoleClaim { get; set; } = "funding_role";

    /// <summary>The claim holding the person's name, as versions and the audit log show it.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Whether the issuer's metadata must be fetched over HTTPS (always, but on a developer's machine).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether tokens are accepted.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>The authentication schemes: a policy scheme that sends keys to <see cref="ApiKeyAuthenticationHandler"/> and tokens to JwtBearer.</summary>
internal static class FundingAuthentication
{
    /// <summary>The default scheme: a key or a token, by the bearer's shape.</summary>
    public const string Scheme = "Funding";

    public static IServiceCollection AddFundingAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection("Funding:Oidc").Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(oidc);
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Clé d'API ou jeton OpenID Connect", options => options.ForwardDefaultSelector = context =>
            {
                string? header = context.Request.Headers.Authorization;
                bool token = oidc.Enabled && header is { Length: > 7 } && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && !header.AsSpan(7).TrimStart().StartsWith("fk_", StringComparison.Ordinal);
                return token ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(options =>
            {
                options.Authority = oidc.Authority;
                options.Audience = oidc.Audience;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context => MapClaims(context, oidc),
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await Problems.WriteAsync(context.HttpContext, ApiProblems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                            new(ErrorCodes.Unauthorized, "Jeton de connexion invalide ou expiré.", "Invalid or expired sign-in token."),
                            new(ErrorCodes.Unauthorized,
                                context.AuthenticateFailure?.Message is { } why && why.StartsWith("Funding:", StringComparison.Ordinal)
                                    ? why["Funding:".Length..].Trim()
                                    : "Ce jeton n'a pas été accepté (signature, émetteur, audience ou date d'expiration). Reconnectez-vous ; si cela persiste, adressez-vous à l'administrateur de votre espace de travail.",
                                "This token was not accepted (signature, issuer, audience or expiry). Sign in again; if it persists, ask your workspace's administrator.")));
                    },
                };
            });
        return services;
    }

    /// <summary>The token's workspace, role and name become the caller's claims, as a key's are; a token without them opens nothing.</summary>
    private static Task MapClaims(TokenValidatedContext context, OidcOptions oidc)
    {
        var principal = context.Principal!;
        string? workspace = principal.FindFirstValue(oidc.WorkspaceClaim);
        var role = WorkspaceRoles.Parse(principal.FindFirstValue(oidc.RoleClaim));
        string? name = principal.FindFirstValue(oidc.NameClaim) ?? principal.FindFirstValue("sub");
        if (string.IsNullOrWhiteSpace(workspace) || TextRules.IdProblem(workspace) is not null)
        {
            context.Fail($"Funding: Votre jeton ne dit pas votre espace de travail (revendication « {oidc.WorkspaceClaim} ») : demandez à l'administrateur de votre fournisseur d'identité de l'ajouter.");
            return Task.CompletedTask;
        }
        if (role is null)
        {
            context.Fail($"Funding: Votre jeton ne donne pas de rôle connu (revendication « {oidc.RoleClaim} » : reader, editor, signer ou admin) : demandez-le à l'administrateur de votre espace de travail.");
            return Task.CompletedTask;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Fail($"Funding: Votre jeton ne dit pas votre nom (revendication « {oidc.NameClaim} »), sous lequel vos versions et vos signatures sont enregistrées.");
            return Task.CompletedTask;
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(FundingClaims.Workspace, workspace),
            new Claim(ClaimTypes.Name, name),
            new Claim(FundingClaims.KeyId, "oidc:" + (principal.FindFirstValue("sub") ?? name)),
            new Claim(ClaimTypes.Role, role.Value.Name()),
        ], JwtBearerDefaults.AuthenticationScheme));
        return Task.CompletedTask;
    }
}
