using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Funding.Api.Security;
using Funding.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Api.Tests;

/// <summary>
/// People and roles over the route table: every endpoint is open or names the least role that may call it, as the
/// table below says; each role on each endpoint answers 2xx or 403 accordingly. A new endpoint that needs a key but
/// names no role, or that is missing from the table, fails here.
/// </summary>
public sealed class RoleTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    /// <summary>The least role of every endpoint that needs a key (reader: GET only; editor: save, amend, record; signer: sign; admin: the rest).</summary>
    private static readonly Dictionary<string, WorkspaceRole> Table = new()
    {
        ["SavePlan"] = WorkspaceRole.Editor,
        ["ListSavedPlans"] = WorkspaceRole.Reader,
        ["GetSavedPlan"] = WorkspaceRole.Reader,
        ["AmendSavedPlan"] = WorkspaceRole.Editor,
        ["ArchiveSavedPlan"] = WorkspaceRole.Admin,
        ["ListVersions"] = WorkspaceRole.Reader,
        ["GetVersion"] = WorkspaceRole.Reader,
        ["CompareVersions"] = WorkspaceRole.Reader,
        ["SignVersion"] = WorkspaceRole.Signer,
        ["RecomputeVersion"] = WorkspaceRole.Reader,
        ["RecordExecution"] = WorkspaceRole.Editor,
        ["ListExecutions"] = WorkspaceRole.Reader,
        ["GetExecution"] = WorkspaceRole.Reader,
        ["ExportWorkspace"] = WorkspaceRole.Admin,
        ["ImportWorkspace"] = WorkspaceRole.Admin,
        ["ListKeys"] = WorkspaceRole.Admin,
        ["AddKey"] = WorkspaceRole.Admin,
        ["RevokeKey"] = WorkspaceRole.Admin,
        ["GetAudit"] = WorkspaceRole.Admin,
        ["GetPortfolio"] = WorkspaceRole.Reader,
        ["ListFunderAliases"] = WorkspaceRole.Reader,
        ["SetFunderAlias"] = WorkspaceRole.Editor,
        ["ListEnvelopes"] = WorkspaceRole.Reader,
        ["PutEnvelope"] = WorkspaceRole.Editor,
        ["DeleteEnvelope"] = WorkspaceRole.Editor,
        ["SaveWorkspaceProgramme"] = WorkspaceRole.Editor,
        ["GetWorkspaceProgrammeFile"] = WorkspaceRole.Reader,
        ["ListWorkspaceProgrammeVersions"] = WorkspaceRole.Reader,
    };

    private RouteEndpoint[] Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();

    private static string Name(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.RoutePattern.RawText!;

    private static string Method(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single() ?? "GET";

    [Fact]
    public void EveryEndpoint_IsOpen_OrNeedsTheRoleTheTableSays()
    {
        var seen = new HashSet<string>();
        foreach (var endpoint in Endpoints())
        {
            string name = Name(endpoint);
            bool needsKey = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            var roles = endpoint.Metadata.GetOrderedMetadata<WorkspaceRoleRequirement>();
            if (!needsKey)
            {
                roles.ShouldBeEmpty($"{name} names a role but is open");
                Table.ShouldNotContainKey(name, $"{name} is open, but the table says it needs a role");
                continue;
            }
            roles.Count.ShouldBe(1, $"{name} needs a key: it must name exactly one role (RequireRole)");
            Table.ShouldContainKey(name, $"{name} needs a key but is not in the role table");
            roles[0].Minimum.ShouldBe(Table[name], name);
            if (Method(endpoint) != "GET")
            {
                ((int)roles[0].Minimum).ShouldBeGreaterThan((int)WorkspaceRole.Reader, $"{name} writes: a reader only reads");
            }
            seen.Add(name);
        }
        seen.ShouldBe(Table.Keys, ignoreOrder: true);
    }

    public static TheoryData<string> Roles => new(WorkspaceRoles.All.Select(r => r.Name()));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRole_OnEachEndpoint_Is2xxOr403_AsTheTableSays(string roleName)
    {
        var role = WorkspaceRoles.Parse(roleName)!.Value;
        foreach (var endpoint in Endpoints().Where(e => Table.ContainsKey(Name(e))))
        {
            string name = Name(endpoint);
            string workspace = "ws-" + Guid.NewGuid().ToString("N")[..10];
            var keys = factory.Services.GetRequiredService<KeyStore>();
            using var admin = Client((await keys.AddKeyAsync(workspace, "Anne Le Goff", WorkspaceRole.Admin, "tests")).Key);
            using var caller = Client((await keys.AddKeyAsync(workspace, "Bruno Kerjean", role, "tests")).Key);
            var context = await SetUpAsync(admin, keys, workspace);
            using var request = Request(name, context);
            var response = await caller.SendAsync(request);
            if (role >= Table[name])
            {
                ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{name} as {roleName}: {await response.Content.ReadAsStringAsync()}");
            }
            else
            {
                var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
                problem["code"]!.GetValue<string>().ShouldBe(ErrorCodes.Forbidden);
                problem["title"]!.GetValue<string>().ShouldContain($"({Table[name].Name()})");
                problem["detail"]!.GetValue<string>().ShouldContain($"({roleName})");
            }
        }
    }

    [Fact]
    public async Task ASignature_IsInTheAuditLog_WithThePersonsName_AndVersionsShowIt()
    {
        string workspace = "ws-" + Guid.NewGuid().ToString("N")[..10];
        var keys = factory.Services.GetRequiredService<KeyStore>();
        using var admin = Client((await keys.AddKeyAsync(workspace, "Anne Le Goff", null, "tests")).Key);
        var added = await CreatedAsync(await admin.PostJsonAsync("/v1/workspace/keys", """{"name": "Claire Morvan", "role": "signer"}"""));
        added["info"]!["role"]!.GetValue<string>().ShouldBe("signer");
        using var signer = Client(added["key"]!.GetValue<string>());
        var context = await SetUpAsync(admin, keys, workspace);

        (await signer.SignAsync(context.PlanId, 2))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var versions = (await signer.GetJsonAsync($"/v1/saved-plans/{context.PlanId}/versions")).AsArray();
        versions.Select(v => v!["author"]!.GetValue<string>()).ShouldBe(["Anne Le Goff", "Anne Le Goff"]);
        var log = (await admin.GetJsonAsync($"/v1/audit?planId={context.PlanId}"))["entries"]!.AsArray();
        var signature = log.Single(l => l!["action"]!.GetValue<string>() == "version.signed" && l["version"]!.GetValue<int>() == 2)!;
        signature["actor"]!.GetValue<string>().ShouldBe("Claire Morvan");
        signature["version"]!.GetValue<int>().ShouldBe(2);
        signature["contentHash"]!.GetValue<string>().ShouldStartWith("sha256:");
        (await (await signer.GetAsync(new Uri("/v1/audit", UriKind.Relative))).ProblemAsync(HttpStatusCode.Forbidden))["code"]!.GetValue<string>().ShouldBe(ErrorCodes.Forbidden);
        var everything = (await admin.GetJsonAsync("/v1/audit"))["entries"]!.AsArray();
        everything.Select(l => l!["action"]!.GetValue<string>()).ShouldBe(
            ["key.added", "key.added", "plan.saved", "plan.amended", "version.signed", "execution.recorded", "key.added", "programme.saved", "version.signed"]);
    }

    [Fact]
    public async Task AKeyRequest_NeedsAName_AndAKnownRole()
    {
        string workspace = "ws-" + Guid.NewGuid().ToString("N")[..10];
        using var admin = Client((await factory.Services.GetRequiredService<KeyStore>().AddKeyAsync(workspace, "Anne", null, "tests")).Key);
        var problem = await (await admin.PostJsonAsync("/v1/workspace/keys", """{"name": " ", "role": "boss"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["name", "role"], ignoreOrder: true);
    }

    private static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!;
    }

    private HttpClient Client(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private sealed record Context(string PlanId, string KeyToRevoke, string Envelope);

    /// <summary>A plan with two versions, the first signed, and one execution entry; and a key to revoke.</summary>
    private static async Task<Context> SetUpAsync(HttpClient admin, KeyStore keys, string workspace)
    {
        var created = await CreatedAsync(await admin.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}, "comment": "v1"}"""));
        string id = created["planId"]!.GetValue<string>();
        using (var amend = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/saved-plans/{id}", UriKind.Relative)))
        {
            amend.Content = new StringContent($$"""{"plan": {{Seeds.PlanJson}}, "comment": "v2"}""", Encoding.UTF8, "application/json");
            amend.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await admin.SendAsync(amend)).EnsureSuccessStatusCode();
        }
        (await admin.SignAsync(id)).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync($"/v1/saved-plans/{id}/executions", Execution)).EnsureSuccessStatusCode();
        var (_, info) = await keys.AddKeyAsync(workspace, "Départ", WorkspaceRole.Reader, "tests");
        using (var envelope = new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/workspace/envelopes/a-supprimer", UriKind.Relative)))
        {
            envelope.Content = new StringContent("""{"name": "À supprimer", "funder": "qbo", "amount": 1000, "from": 2022, "to": 2024}""", Encoding.UTF8, "application/json");
            (await admin.SendAsync(envelope)).EnsureSuccessStatusCode();
        }
        using (var programme = new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/workspace/programmes/ingenierie-region", UriKind.Relative)))
        {
            programme.Content = new StringContent($$"""{"programme": {{WorkspaceProgrammeTests.Scheme("ingenierie-region")}}}""", Encoding.UTF8, "application/json");
            (await admin.SendAsync(programme)).EnsureSuccessStatusCode();
        }
        return new Context(id, info.Id, "a-supprimer");
    }

    private const string Execution = """{"version": 1, "comment": "réalisé", "actualExpenses": [{"year": 2022, "amount": 77850}], "receipts": []}""";

    /// <summary>A request that succeeds on each endpoint for a caller allowed to make it.</summary>
    private static HttpRequestMessage Request(string name, Context c)
    {
        string plan = $"/v1/saved-plans/{c.PlanId}";
        (HttpMethod method, string url, string? body, string? ifMatch) = name switch
        {
            "SavePlan" => (HttpMethod.Post, "/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}, "comment": "nouveau"}""", null),
            "ListSavedPlans" => (HttpMethod.Get, "/v1/saved-plans", null, null),
            "GetSavedPlan" => (HttpMethod.Get, plan, null, null),
            "AmendSavedPlan" => (HttpMethod.Put, plan, $$"""{"plan": {{Seeds.PlanJson}}, "comment": "avenant"}""", "\"2\""),
            "ArchiveSavedPlan" => (HttpMethod.Delete, plan, null, null),
            "ListVersions" => (HttpMethod.Get, plan + "/versions", null, null),
            "GetVersion" => (HttpMethod.Get, plan + "/versions/1", null, null),
            "CompareVersions" => (HttpMethod.Get, plan + "/versions/1/compare/2", null, null),
            "SignVersion" => (HttpMethod.Post, plan + "/versions/2/sign", """{"votedOn": "2022-06-30", "reference": "délibération n° 12"}""", null),
            "RecomputeVersion" => (HttpMethod.Get, plan + "/versions/1/recompute", null, null),
            "RecordExecution" => (HttpMethod.Post, plan + "/executions", Execution, null),
            "ListExecutions" => (HttpMethod.Get, plan + "/executions", null, null),
            "GetExecution" => (HttpMethod.Get, plan + "/executions/1", null, null),
            "ExportWorkspace" => (HttpMethod.Get, "/v1/workspace/export", null, null),
            "ImportWorkspace" => (HttpMethod.Post, "/v1/workspace/import", """{"formatVersion": 1, "plans": []}""", null),
            "ListKeys" => (HttpMethod.Get, "/v1/workspace/keys", null, null),
            "AddKey" => (HttpMethod.Post, "/v1/workspace/keys", """{"name": "Denis Le Bihan", "role": "reader"}""", null),
            "RevokeKey" => (HttpMethod.Delete, "/v1/workspace/keys/" + c.KeyToRevoke, null, null),
            "GetAudit" => (HttpMethod.Get, "/v1/audit", null, null),
            "GetPortfolio" => (HttpMethod.Get, "/v1/portfolio?funder=etat", null, null),
            "ListFunderAliases" => (HttpMethod.Get, "/v1/workspace/funder-aliases", null, null),
            "SetFunderAlias" => (HttpMethod.Put, "/v1/workspace/funder-aliases", """{"funderId": "prefecture-29", "sameAs": "etat"}""", null),
            "ListEnvelopes" => (HttpMethod.Get, "/v1/workspace/envelopes", null, null),
            "PutEnvelope" => (HttpMethod.Put, "/v1/workspace/envelopes/etat-2022", """{"name": "Crédits 2022", "funder": "etat", "years": [{"year": 2022, "amount": 100000}]}""", null),
            "DeleteEnvelope" => (HttpMethod.Delete, "/v1/workspace/envelopes/" + c.Envelope, null, null),
            "SaveWorkspaceProgramme" => (HttpMethod.Put, "/v1/workspace/programmes/ingenierie-region", $$"""{"programme": {{WorkspaceProgrammeTests.Scheme("ingenierie-region", 25)}}}""", null),
            "GetWorkspaceProgrammeFile" => (HttpMethod.Get, "/v1/workspace/programmes/ingenierie-region", null, null),
            "ListWorkspaceProgrammeVersions" => (HttpMethod.Get, "/v1/workspace/programmes/ingenierie-region/versions", null, null),
            _ => throw new InvalidOperationException($"{name} has no request in this test: add one."),
        };
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }
}
