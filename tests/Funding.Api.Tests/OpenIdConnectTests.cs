using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Funding.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Funding.Api.Tests;

/// <summary>
/// The API with OpenID Connect sign-in on (Funding:Oidc), its issuer a local test issuer with its own RSA signing key:
/// the issuer's configuration is given to JwtBearer as discovery would give it.
/// </summary>
public sealed class OidcApiFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    public const string Issuer = "https://identite.example.test/realms/finistere";
    public const string Audience = "funding-api";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"funding-oidc-{Guid.NewGuid():N}.db");

    /// <summary>The issuer's signing key.</summary>
    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-issuer-1" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Funding", $"Data Source={_database}");
        builder.UseSetting("Funding:Database:Provider", "sqlite");
        builder.UseSetting("Funding:Oidc:Authority", Issuer);
        builder.UseSetting("Funding:Oidc:Audience", Audience);
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(SigningKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));
    }

    /// <summary>A token of the issuer (or signed by <paramref name="key"/>), with the claims given.</summary>
    public string Token(IDictionary<string, object> claims, SecurityKey? key = null, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(30)).AddMinutes(-40),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(30)).AddMinutes(-40),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>People sign in with their organisation's identity provider; keys stay for applications, with the same roles.</summary>
public sealed class OpenIdConnectTests(OidcApiFactory factory) : IClassFixture<OidcApiFactory>
{
    private HttpClient Client(string bearer)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    private static Dictionary<string, object> Person(string workspace, string role, string name) => new()
    {
        ["sub"] = "agent-" + name.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = name,
        ["funding_workspace"] = workspace,
        ["funding_role"] = role,
    };

    [Fact]
    public async Task APersonSignedIn_SavesAndSigns_UnderTheirName_AsTheirRoleAllows()
    {
        string workspace = "ws-" + Guid.NewGuid().ToString("N")[..10];
        using var claire = Client(factory.Token(Person(workspace, "signer", "Claire Morvan")));
        var created = await claire.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}, "comment": "v1"}""");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var version = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        version["author"]!.GetValue<string>().ShouldBe("Claire Morvan");
        string id = version["planId"]!.GetValue<string>();
        (await claire.SignAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A reader of the same workspace reads, and may not save: a 403 naming the role needed.
        using var bruno = Client(factory.Token(Person(workspace, "lecteur", "Bruno Kerjean")));
        (await bruno.GetAsync(new Uri($"/v1/saved-plans/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await bruno.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}}""")).ProblemAsync(HttpStatusCode.Forbidden);
        refused["title"]!.GetValue<string>().ShouldContain("(editor)");

        // An application's key of the workspace sees the same plan; the audit log names the person who signed.
        var (key, _) = await factory.Services.GetRequiredService<KeyStore>().AddKeyAsync(workspace, "Outil budgétaire", WorkspaceRole.Admin, "tests");
        using var application = Client(key);
        var log = (await application.GetJsonAsync($"/v1/audit?planId={id}"))["entries"]!.AsArray();
        log.Select(l => (l!["action"]!.GetValue<string>(), l["actor"]!.GetValue<string>())).ShouldBe([("plan.saved", "Claire Morvan"), ("version.signed", "Claire Morvan")]);
        log[0]!["keyId"]!.GetValue<string>().ShouldStartWith("oidc:agent-");

        // Another workspace's person does not see it.
        using var other = Client(factory.Token(Person("ws-autre", "admin", "Eve")));
        (await other.GetAsync(new Uri($"/v1/saved-plans/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATokenNotFromTheIssuer_Expired_OrWithoutWorkspaceOrRole_OpensNothing_SayingWhy()
    {
        var forger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-issuer-1" };
        using var forged = Client(factory.Token(Person("ws-x", "admin", "Eve"), forger));
        (await (await forged.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized))["title"]!.GetValue<string>()
            .ShouldBe("Jeton de connexion invalide ou expiré.");

        using var expired = Client(factory.Token(Person("ws-x", "admin", "Eve"), expires: DateTime.UtcNow.AddHours(-2)));
        (await expired.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var noWorkspace = Person("ws-x", "admin", "Eve");
        noWorkspace.Remove("funding_workspace");
        using var lost = Client(factory.Token(noWorkspace));
        (await (await lost.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>()
            .ShouldContain("funding_workspace");

        using var unknownRole = Client(factory.Token(Person("ws-x", "patron", "Eve")));
        (await (await unknownRole.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>()
            .ShouldContain("funding_role");

        // A key still is a key: a wrong one gets the key's own message.
        using var wrongKey = Client("fk_not-a-key");
        (await (await wrongKey.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized))["title"]!.GetValue<string>()
            .ShouldBe("Clé d'API invalide ou révoquée.");
    }
}
