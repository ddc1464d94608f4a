using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Funding.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Api.Tests;

/// <summary>The saved-plans API tests on SQLite, the default database.</summary>
public class SavedPlanEndpointTests(FundingApiFactory factory) : SavedPlanApiTests(factory), IClassFixture<FundingApiFactory>;

/// <summary>
/// The same saved-plans API tests on PostgreSQL, when FUNDING_TEST_POSTGRES names a server (CI starts one with
/// .ci/postgres); locally they are skipped with that reason.
/// </summary>
public class PostgresSavedPlanEndpointTests(PostgresApiFactory factory) : SavedPlanApiTests(factory), IClassFixture<PostgresApiFactory>
{
    protected override string? SkipReason => PostgresApiFactory.Connection is null && Environment.GetEnvironmentVariable("FUNDING_POSTGRES_TESTS") != "required"
        ? "No PostgreSQL server: set FUNDING_TEST_POSTGRES (CI starts one with .ci/postgres)."
        : null;
}

/// <summary>The API on PostgreSQL (the connection string in FUNDING_TEST_POSTGRES).</summary>
public sealed class PostgresApiFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    public static string? Connection => Environment.GetEnvironmentVariable("FUNDING_TEST_POSTGRES") is { Length: > 0 } text ? text : null;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Testing");
        builder.UseSetting("Funding:Database:Provider", "postgresql");
        builder.UseSetting("ConnectionStrings:Funding", Connection ?? "Host=127.0.0.1;Port=1");
    }
}

/// <summary>Saved plans over HTTP: keys, versions, If-Match, signatures frozen byte for byte, comparisons, workspaces.</summary>
public abstract class SavedPlanApiTests(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
{
    protected virtual string? SkipReason => null;

    private async Task<HttpClient> ClientAsync(string? workspace = null)
    {
        Skip.If(SkipReason is not null, SkipReason);
        return await AdminClientAsync(factory, workspace ?? "ws-" + Guid.NewGuid().ToString("N")[..10]);
    }

    /// <summary>A client of <paramref name="host"/> with an admin key of <paramref name="workspace"/>, named « finances ».</summary>
    private static async Task<HttpClient> AdminClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string workspace)
    {
        var (key, _) = await host.Services.GetRequiredService<KeyStore>().AddKeyAsync(workspace, "finances", WorkspaceRole.Admin, "tests");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static string Save(string plan, string comment) => $$"""{"plan": {{plan}}, "comment": "{{comment}}"}""";

    /// <summary>Saves the seed as version 1 (comment « v1 ») and answers the new plan's id.</summary>
    private static async Task<string> SaveSeedAsync(HttpClient client) =>
        JsonNode.Parse(await (await client.PostJsonAsync("/v1/saved-plans", Save(Seeds.PlanJson, "v1"))).Content.ReadAsStringAsync())!["planId"]!.GetValue<string>();

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    [SkippableFact]
    public async Task WithoutAKey_Is401_AndTheComputingEndpointsStayOpen()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var anonymous = factory.CreateClient();
        var problem = await (await anonymous.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized);
        problem["code"]!.GetValue<string>().ShouldBe(ErrorCodes.Unauthorized);

        // The key is checked before the body is read: a bad body without a key is a 401, not a description of the body.
        await (await anonymous.PostJsonAsync("/v1/saved-plans", "{\"plan\": ")).ProblemAsync(HttpStatusCode.Unauthorized);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fk_not-a-key");
        await (await anonymous.GetAsync(new Uri("/v1/saved-plans", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync("/v1/plans", Seeds.PlanJson)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Saving_Answers201_WithLocationAndETag_AndTheFigures()
    {
        using var client = await ClientAsync();
        var response = await client.PostJsonAsync("/v1/saved-plans", Save(Seeds.PlanJson, "délibération QBO du 17 mars 2022"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.Headers.Location!.ToString().ShouldBe($"/v1/saved-plans/{body["planId"]!.GetValue<string>()}");
        body["number"]!.GetValue<int>().ShouldBe(1);
        body["author"]!.GetValue<string>().ShouldBe("finances");
        body["result"]!["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "qbo")!["total"]!.GetValue<decimal>().ShouldBe(23_187.00m);
    }

    [SkippableFact]
    public async Task AnAmendment_NeedsIfMatch_AndAStaleOneIs412NamingTheCurrentVersion()
    {
        using var client = await ClientAsync();
        string url = $"/v1/saved-plans/{await SaveSeedAsync(client)}";
        string amended = Save(Seeds.Mutate(p => p["funders"]![0]!["rule"]!["cap"] = 100000), "avenant n° 1");

        (await (await PutAsync(client, url, amended, null)).ProblemAsync((HttpStatusCode)428))["code"]!.GetValue<string>().ShouldBe(ErrorCodes.IfMatchRequired);
        var ok = await PutAsync(client, url, amended, "\"1\"");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Headers.ETag!.Tag.ShouldBe("\"2\"");

        var stale = await PutAsync(client, url, amended, "\"1\"");
        var problem = await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        problem["currentVersion"]!.GetValue<int>().ShouldBe(2);
        problem["detail"]!.GetValue<string>().ShouldContain("la version actuelle est la 2");

        var versions = JsonNode.Parse(await client.GetStringAsync(new Uri(url + "/versions", UriKind.Relative)))!.AsArray();
        versions.Select(v => v!["comment"]!.GetValue<string>()).ShouldBe(["v1", "avenant n° 1"]);
        var compare = JsonNode.Parse(await client.GetStringAsync(new Uri(url + "/versions/1/compare/2", UriKind.Relative)))!;
        compare["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "etat")!["delta"]!.GetValue<decimal>().ShouldBe(20_000.00m);
    }

    [SkippableFact]
    public async Task AnAmendmentMovingTheStart_ShowsWhatMovedBetweenBudgetYears()
    {
        using var client = await ClientAsync();
        string url = $"/v1/saved-plans/{await SaveSeedAsync(client)}";
        (await PutAsync(client, url, Save(Seeds.Mutate(p => p["cost"]!["start"] = "2022-09-01"), "avenant : démarrage au 1er septembre"), "\"1\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var compare = JsonNode.Parse(await client.GetStringAsync(new Uri(url + "/versions/1/compare/2", UriKind.Relative)))!;
        // docs/api.md, by hand: the State's 80 000 € fund 30 000 / 40 000 / 10 000 €, then 13 333,33 / 40 000 / 26 666,67 €.
        var state = compare["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "etat")!;
        state["status"]!.GetValue<string>().ShouldBe("rescheduled");
        state["years"]!.AsArray().Select(y => (y!["year"]!.GetValue<int>(), y["baselineContribution"]!.GetValue<decimal>(), y["variantContribution"]!.GetValue<decimal>()))
            .ShouldBe([(2022, 30_000.00m, 13_333.33m), (2023, 40_000.00m, 40_000.00m), (2024, 10_000.00m, 26_666.67m)]);
    }

    [SkippableFact]
    public async Task ASignedVersion_AnswersTheBytesOfItsSigning_Forever()
    {
        using var client = await ClientAsync();
        string id = await SaveSeedAsync(client);
        string url = $"/v1/saved-plans/{id}/versions/1";

        var signing = await client.PostJsonAsync(url + "/sign", ApiClient.Deliberation);
        signing.StatusCode.ShouldBe(HttpStatusCode.OK);
        byte[] signed = await signing.Content.ReadAsByteArrayAsync();
        JsonNode.Parse(signed)!["signature"]!["reference"]!.GetValue<string>().ShouldBe("délibération n° 8");

        // The stored answer is what is served, even if the rules change: plant a different answer in the database.
        (await client.GetByteArrayAsync(new Uri(url, UriKind.Relative))).ShouldBe(signed);
        var database = factory.Services.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE signatures SET answer = @answer WHERE plan_id = @id", new { answer = Encoding.UTF8.GetBytes("{\"frozen\":true}"), id });
        }
        (await client.GetStringAsync(new Uri(url, UriKind.Relative))).ShouldBe("{\"frozen\":true}");

        (await (await client.PostJsonAsync(url + "/sign", """{"votedOn": "2022-04-01", "reference": "autre"}""")).ProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe(ErrorCodes.AlreadySigned);
    }

    [SkippableFact]
    public async Task Recomputing_ASignedVersion_SaysWhetherTodaysRulesChangeItsFigures()
    {
        using var client = await ClientAsync();
        string url = $"/v1/saved-plans/{await SaveSeedAsync(client)}/versions/1";
        await client.PostJsonAsync(url + "/sign", ApiClient.Deliberation);

        var recomputed = JsonNode.Parse(await client.GetStringAsync(new Uri(url + "/recompute", UriKind.Relative)))!;

        recomputed["identical"]!.GetValue<bool>().ShouldBeTrue();
        recomputed["funders"]!.AsArray().ShouldAllBe(f => f!["difference"]!.GetValue<decimal>() == 0m);
        recomputed["sentence"]!.GetValue<string>().ShouldContain("inchangés");
    }

    [SkippableFact]
    public async Task AnotherWorkspacesPlan_Is404()
    {
        using var alice = await ClientAsync();
        using var eve = await ClientAsync();
        string url = $"/v1/saved-plans/{await SaveSeedAsync(alice)}";

        await (await eve.GetAsync(new Uri(url, UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        await (await PutAsync(eve, url, Save(Seeds.PlanJson, "x"), "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await eve.DeleteAsync(new Uri(url, UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        JsonNode.Parse(await eve.GetStringAsync(new Uri("/v1/saved-plans", UriKind.Relative)))!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task TheList_SearchesAndPages_AndArchivingHidesAPlan()
    {
        using var client = await ClientAsync();
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var body = JsonNode.Parse(await (await client.PostJsonAsync("/v1/saved-plans", Save(Seeds.Mutate(p => p["name"] = $"Poste PVD {i}"), "v1"))).Content.ReadAsStringAsync())!;
            ids.Add(body["planId"]!.GetValue<string>());
        }
        var list = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/saved-plans?search=pvd&page=1", UriKind.Relative)))!;
        list["total"]!.GetValue<int>().ShouldBe(3);

        (await client.DeleteAsync(new Uri($"/v1/saved-plans/{ids[0]}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/saved-plans?search=pvd", UriKind.Relative)))!["total"]!.GetValue<int>().ShouldBe(2);
        (await (await PutAsync(client, $"/v1/saved-plans/{ids[0]}", Save(Seeds.PlanJson, "x"), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe(ErrorCodes.PlanArchived);
        (await client.GetAsync(new Uri($"/v1/saved-plans/{ids[0]}/versions/1", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.GetAsync(new Uri("/v1/saved-plans?page=0", UriKind.Relative))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task AnInvalidPlan_IsRefused_WithPathsUnderPlan()
    {
        using var client = await ClientAsync();
        var problem = await (await client.PostJsonAsync("/v1/saved-plans", Save(Seeds.Mutate(p => p["funders"]![0]!["rule"]!["cap"] = -5), "v1"))).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Keys.ShouldBe(["plan.funders[0].rule.cap"]);
    }

    [SkippableFact]
    public async Task AnExportedWorkspace_MovesToAnotherDatabase_SignaturesByteForByte()
    {
        using var client = await ClientAsync();
        string id = await SaveSeedAsync(client);
        byte[] signed = await (await client.SignAsync(id)).Content.ReadAsByteArrayAsync();
        string export = await client.GetStringAsync(new Uri("/v1/workspace/export", UriKind.Relative));

        using var elsewhere = new FundingApiFactory(); // always SQLite: the move between databases
        using var target = await AdminClientAsync(elsewhere, "moved");

        var imported = await (await target.PostJsonAsync("/v1/workspace/import", export)).OkJsonAsync();
        imported["plans"]!.GetValue<int>().ShouldBe(1);
        imported["executions"]!.GetValue<int>().ShouldBe(0);
        imported["signatures"]!.GetValue<int>().ShouldBe(1);
        (await target.GetByteArrayAsync(new Uri($"/v1/saved-plans/{id}/versions/1", UriKind.Relative))).ShouldBe(signed);
        var again = await (await target.PostJsonAsync("/v1/workspace/import", export)).ProblemAsync(HttpStatusCode.Conflict);
        again["code"]!.GetValue<string>().ShouldBe(ErrorCodes.ImportConflict);
        again["detail"]!.GetValue<string>().ShouldContain($"le plan « {id} »");
    }

    /// <summary>
    /// An import whose local programme's version is in the workspace already is refused naming that version, not a plan
    /// (it once said « un plan de l'export a le même identifiant »), and nothing of it is imported.
    /// </summary>
    [SkippableFact]
    public async Task AnImportConflict_NamesTheLocalProgrammesVersionThatIsThereAlready()
    {
        using var client = await ClientAsync();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        string Example(string path, string method) => document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
        using (var programme = new StringContent(Example("/v1/workspace/programmes/{id}", "put"), Encoding.UTF8, "application/json"))
        {
            (await client.PutAsync(new Uri("/v1/workspace/programmes/ingenierie-region", UriKind.Relative), programme)).EnsureSuccessStatusCode();
        }

        var problem = await (await client.PostJsonAsync("/v1/workspace/import", Example("/v1/workspace/import", "post"))).ProblemAsync(HttpStatusCode.Conflict);
        problem["code"]!.GetValue<string>().ShouldBe(ErrorCodes.ImportConflict);
        problem["detail"]!.GetValue<string>().ShouldBe("Rien n'a été importé : la version 1 du dispositif local « ingenierie-region » de l'export existe déjà dans cet espace.");
        (await client.GetAsync(new Uri("/v1/saved-plans/3f2a9c41d07b5e68", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task AnExportWhoseSignedAnswerIsDamaged_IsRefusedNamingIt_AndNothingIsImported()
    {
        using var client = await ClientAsync();
        string id = await SaveSeedAsync(client);
        await client.SignAsync(id);
        const string Entry = """{"actualExpenses": [{"year": 2022, "amount": 77850}], "receipts": [{"funderId": "etat", "date": "2022-04-01", "amount": 80000}]}""";
        (await client.PostJsonAsync($"/v1/saved-plans/{id}/executions", Entry)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var export = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/workspace/export", UriKind.Relative)))!;
        var answer = JsonNode.Parse(Convert.FromBase64String(export["plans"]![0]!["versions"]![0]!["signature"]!["answer"]!.GetValue<string>()))!;

        using var elsewhere = new FundingApiFactory();
        using var target = await AdminClientAsync(elsewhere, "moved");
        async Task<JsonObject> ImportWith(JsonNode damaged)
        {
            var copy = export.Clone();
            copy["plans"]![0]!["versions"]![0]!["signature"]!["answer"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(damaged.ToJsonString()));
            return await (await target.PostJsonAsync("/v1/workspace/import", copy.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        }

        // Its funders' figures are gone (they once made a 500): the signed version is named.
        var withoutFunders = answer.Clone();
        withoutFunders["result"]!.AsObject().Remove("funders");
        var problem = await ImportWith(withoutFunders);
        problem.Errors().Keys.ShouldBe(["plans[0].versions[0].signature.answer"]);
        problem["errors"]!["plans[0].versions[0].signature.answer"]![0]!.GetValue<string>().ShouldContain($"« {id} »");
        // An amount whose cents do not fit.
        var huge = answer.Clone();
        huge["result"]!["funders"]![0]!["contributionByBudgetYear"]![0]!["amount"] = 79228162514264337593543950335m;
        (await ImportWith(huge)).Errors().Keys.ShouldBe(["plans[0].versions[0].signature.answer"]);
        // Its funders are there but the rest is not a version response: the execution entry that depends on it says so.
        var withoutTheRest = new JsonObject { ["result"] = new JsonObject { ["funders"] = answer["result"]!["funders"]!.DeepClone() } };
        (await ImportWith(withoutTheRest)).Errors().Keys.ShouldBe(["plans"]);
        (await target.GetAsync(new Uri($"/v1/saved-plans/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task ExpensesAndReceipts_AreRecordedWithThePlan_AndKeptInItsHistory()
    {
        using var client = await ClientAsync();
        string id = await SaveSeedAsync(client);
        await client.SignAsync(id);
        // An amendment after the vote: the entries still apply to the voted version by default.
        await PutAsync(client, $"/v1/saved-plans/{id}", Save(Seeds.PlanJson, "v2"), "\"1\"");

        // docs/execution.md: 129 750 € spent; the State paid 80 000 € and owes 64 875 €.
        const string First = """{"comment": "état au 31 décembre 2024", "actualExpenses": [{"year": 2022, "amount": 77850}, {"year": 2023, "amount": 25950}, {"year": 2024, "amount": 25950}], "receipts": [{"funderId": "etat", "date": "2022-04-01", "amount": 80000, "reference": "titre n° 41"}]}""";
        var recorded = await client.PostJsonAsync($"/v1/saved-plans/{id}/executions", First);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created);
        recorded.Headers.Location!.ToString().ShouldBe($"/v1/saved-plans/{id}/executions/1");
        var entry = JsonNode.Parse(await recorded.Content.ReadAsStringAsync())!;
        entry["version"]!.GetValue<int>().ShouldBe(1);
        entry["result"]!["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "etat")!["toPayBack"]!.Raw().ShouldBe("15125.00");

        // A second entry records the 15 125 € paid back to the State (a negative receipt): its balance closes.
        const string Second = """{"comment": "après reversement", "actualExpenses": [{"year": 2022, "amount": 77850}, {"year": 2023, "amount": 25950}, {"year": 2024, "amount": 25950}], "receipts": [{"funderId": "etat", "date": "2022-04-01", "amount": 80000}, {"funderId": "etat", "date": "2025-03-01", "amount": -15125, "reference": "mandat n° 2025-77"}]}""";
        (await client.PostJsonAsync($"/v1/saved-plans/{id}/executions", Second)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var history = (await client.GetJsonAsync($"/v1/saved-plans/{id}/executions")).AsArray();
        history.Select(e => (e!["number"]!.GetValue<int>(), e["comment"]!.GetValue<string>())).ShouldBe([(1, "état au 31 décembre 2024"), (2, "après reversement")]);
        var second = await client.GetJsonAsync($"/v1/saved-plans/{id}/executions/2");
        second["result"]!["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "etat")!["balance"]!.Raw().ShouldBe("0.00");

        // Refused entries are not kept; another workspace sees nothing.
        (await client.PostJsonAsync($"/v1/saved-plans/{id}/executions", """{"receipts": [{"funderId": "region", "date": "2022-04-01", "amount": 1}]}"""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostJsonAsync($"/v1/saved-plans/{id}/executions", """{"version": 9}""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetJsonAsync($"/v1/saved-plans/{id}/executions")).AsArray().Count.ShouldBe(2);
        using var other = await ClientAsync();
        (await other.GetAsync(new Uri($"/v1/saved-plans/{id}/executions", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The history moves with an export.
        string export = await client.GetStringAsync(new Uri("/v1/workspace/export", UriKind.Relative));
        using var elsewhere = new FundingApiFactory();
        using var target = await AdminClientAsync(elsewhere, "moved");
        (await (await target.PostJsonAsync("/v1/workspace/import", export)).OkJsonAsync())["executions"]!.GetValue<int>().ShouldBe(2);
        (await target.GetJsonAsync($"/v1/saved-plans/{id}/executions/2"))["comment"]!.GetValue<string>().ShouldBe("après reversement");
    }
}
