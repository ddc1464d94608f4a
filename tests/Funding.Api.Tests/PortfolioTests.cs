using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Api.Tests;

/// <summary>The portfolio tests on SQLite, the default database; and the rows of an import and of older versions.</summary>
public class PortfolioTests(FundingApiFactory factory) : PortfolioApiTests(factory), IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task AnImportedWorkspace_AndVersionsSavedBeforeThePortfolio_GiveTheSamePortfolio()
    {
        var (key, _) = await factory.Services.GetRequiredService<KeyStore>().AddKeyAsync("ws-" + Guid.NewGuid().ToString("N")[..10], "Anne", WorkspaceRole.Admin, "tests");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        string id = (await (await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}}""")).Content.ReadFromJsonAsync<JsonObject>())!["planId"]!.GetValue<string>();
        (await client.SignAsync(id)).EnsureSuccessStatusCode();
        using (var amend = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/saved-plans/{id}", UriKind.Relative))
        {
            Content = new StringContent($$"""{"plan": {{Seeds.Mutate(p => p["cost"]!["start"] = "2022-09-01")}}}""", Encoding.UTF8, "application/json"),
        })
        {
            amend.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await client.SendAsync(amend)).EnsureSuccessStatusCode();
        }
        (await client.PostJsonAsync($"/v1/saved-plans/{id}/executions",
            """{"version": 1, "actualExpenses": [{"year": 2022, "amount": 77850}], "receipts": [{"funderId": "etat", "date": "2022-04-01", "amount": 80000}]}""")).EnsureSuccessStatusCode();
        string before = (await client.GetJsonAsync("/v1/portfolio")).ToJsonString();

        using var elsewhere = new FundingApiFactory();
        var (targetKey, _) = await elsewhere.Services.GetRequiredService<KeyStore>().AddKeyAsync("moved", "Anne", WorkspaceRole.Admin, "tests");
        using var target = elsewhere.CreateClient();
        target.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", targetKey);
        (await target.PostJsonAsync("/v1/workspace/import", await client.GetStringAsync(new Uri("/v1/workspace/export", UriKind.Relative)))).EnsureSuccessStatusCode();
        (await target.GetJsonAsync("/v1/portfolio")).ToJsonString().ShouldBe(before);

        // As if saved before the portfolio existed: no rows. They are computed once, on the first portfolio asked.
        await using (var connection = await elsewhere.Services.GetRequiredService<Database>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM version_figures; DELETE FROM execution_figures; DELETE FROM portfolio_funders; " +
                "UPDATE plan_versions SET figures_stored = 0; UPDATE executions SET figures_stored = 0;");
        }
        (await target.GetJsonAsync("/v1/portfolio")).ToJsonString().ShouldBe(before);

        // A signed answer kept damaged from before imports were checked: its version keeps no rows, and the portfolio
        // still answers (it once failed with a 500).
        await using (var connection = await elsewhere.Services.GetRequiredService<Database>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM version_figures; DELETE FROM execution_figures; DELETE FROM portfolio_funders; " +
                "UPDATE plan_versions SET figures_stored = 0; UPDATE executions SET figures_stored = 0; UPDATE signatures SET answer = @damaged;",
                new { damaged = Encoding.UTF8.GetBytes("""{"result": {}}""") });
        }
        var afterDamage = await target.GetAsync(new Uri("/v1/portfolio", UriKind.Relative));
        afterDamage.StatusCode.ShouldBe(HttpStatusCode.OK, await afterDamage.Content.ReadAsStringAsync());
        // Recomputing that signed version cannot read it: the server's data is at fault, a 500 logged — not a 400 about
        // a body this GET did not have.
        var recomputed = await target.GetAsync(new Uri($"/v1/saved-plans/{id}/versions/1/recompute", UriKind.Relative));
        (await recomputed.ProblemAsync(HttpStatusCode.InternalServerError))["code"]!.GetValue<string>().ShouldBe(ErrorCodes.InternalError);
    }
}

/// <summary>The same portfolio tests on PostgreSQL, when FUNDING_TEST_POSTGRES names a server (CI starts one).</summary>
public class PostgresPortfolioTests(PostgresApiFactory factory) : PortfolioApiTests(factory), IClassFixture<PostgresApiFactory>
{
    protected override string? SkipReason => PostgresApiFactory.Connection is null && Environment.GetEnvironmentVariable("FUNDING_POSTGRES_TESTS") != "required"
        ? "No PostgreSQL server: set FUNDING_TEST_POSTGRES (CI starts one with .ci/postgres)."
        : null;
}

/// <summary>
/// The portfolio over HTTP: what each funder commits (latest signed versions), plans (latest versions), received and
/// still owes across a workspace's saved plans, by budget year — checked against figures worked by hand and, over
/// generated workspaces, against the sums of each plan's own answers.
/// </summary>
public abstract class PortfolioApiTests(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
{
    protected virtual string? SkipReason => null;

    private async Task<HttpClient> ClientAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var store = factory.Services.GetRequiredService<KeyStore>();
        var (key, _) = await store.AddKeyAsync("ws-" + Guid.NewGuid().ToString("N")[..10], "Anne Le Goff", WorkspaceRole.Admin, "tests");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonNode> SuccessJsonAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeInRange(200, 299, body);
        return JsonNode.Parse(body)!;
    }

    private static async Task<string> SaveAsync(HttpClient client, string plan) =>
        (await SuccessJsonAsync(await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{plan}}, "comment": "v1"}""")))["planId"]!.GetValue<string>();

    private static async Task AmendAsync(HttpClient client, string id, int expected, string plan)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/saved-plans/{id}", UriKind.Relative))
        {
            Content = new StringContent($$"""{"plan": {{plan}}, "comment": "avenant"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{expected}\"");
        await SuccessJsonAsync(await client.SendAsync(request));
    }

    private static JsonNode Funder(JsonNode portfolio, string id) => portfolio["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!;

    private static JsonNode Year(JsonNode funder, int year) => funder["years"]!.AsArray().Single(y => y!["year"]!.GetValue<int>() == year)!;

    [SkippableFact]
    public async Task TheSeedSigned_ThenAmended_IsCommittedAndPlanned_ByBudgetYear_WithWhatWasReceived()
    {
        using var client = await ClientAsync();
        string id = await SaveAsync(client, Seeds.PlanJson);
        (await client.SignAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AmendAsync(client, id, 1, Seeds.Mutate(p => p["cost"]!["start"] = "2022-09-01"));
        (await client.PostJsonAsync($"/v1/saved-plans/{id}/executions",
            """{"version": 1, "comment": "titre n° 41", "actualExpenses": [{"year": 2022, "amount": 77850}], "receipts": [{"funderId": "etat", "date": "2022-04-01", "amount": 80000}]}""")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var portfolio = await client.GetJsonAsync("/v1/portfolio");
        // docs/plans.md and docs/api.md, by hand: the State's 80 000 € fund 30 000 / 40 000 / 10 000 € of the voted
        // seed (April), 13 333,33 / 40 000 / 26 666,67 € of its amendment (September); it pays once, in 2022.
        var state = Funder(portfolio, "etat");
        state["name"]!.GetValue<string>().ShouldBe("État");
        state["years"]!.AsArray().Select(y => (y!["year"]!.GetValue<int>(), y["committed"]!["contribution"]!.GetValue<decimal>(), y["planned"]!["contribution"]!.GetValue<decimal>()))
            .ShouldBe([(2022, 30_000.00m, 13_333.33m), (2023, 40_000.00m, 40_000.00m), (2024, 10_000.00m, 26_666.67m)]);
        Year(state, 2022)["committed"]!["payment"]!.GetValue<decimal>().ShouldBe(80_000.00m);
        Year(state, 2022)["received"]!.GetValue<decimal>().ShouldBe(80_000.00m);
        Year(state, 2022)["remainingToPay"]!.GetValue<decimal>().ShouldBe(0.00m);
        state["total"]!["committed"]!["contribution"]!.GetValue<decimal>().ShouldBe(80_000.00m);
        // QBO pays its 8 695,13 / 11 593,50 / 2 898,37 € per budget year (docs/plans.md); nothing received yet.
        var qbo = Funder(portfolio, "qbo");
        qbo["years"]!.AsArray().Select(y => y!["committed"]!["payment"]!.GetValue<decimal>()).ShouldBe([8_695.13m, 11_593.50m, 2_898.37m]);
        qbo["years"]!.AsArray().Select(y => y!["remainingToPay"]!.GetValue<decimal>()).ShouldBe([8_695.13m, 11_593.50m, 2_898.37m]);
        // The carrier is owed the public funding, 155 393,50 €, less the State's 80 000 € received: 75 393,50 €.
        var carrier = Funder(portfolio, "uimm-finistere");
        carrier["total"]!["owedToIt"]!.GetValue<decimal>().ShouldBe(75_393.50m);
        carrier["total"]!["remainingToPay"]!.GetValue<decimal>().ShouldBe(0.00m);
        portfolio["total"]!["committed"]!["contribution"]!.GetValue<decimal>().ShouldBe(207_600.00m);
        Funder(portfolio, "etat")["plans"].ShouldBeNull();

        // One funder: its drill-down names the plan's signed version (committed) and its latest (planned).
        var one = await client.GetJsonAsync("/v1/portfolio?funder=etat&from=2023");
        one["funders"]!.AsArray().Count.ShouldBe(1);
        Funder(one, "etat")["years"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()).ShouldBe([2023, 2024]);
        Funder(one, "etat")["plans"]!.AsArray().Select(p => (p!["view"]!.GetValue<string>(), p["version"]!.GetValue<int>(), p["status"]!.GetValue<string>()))
            .ShouldBe([("committed", 1, "signed"), ("planned", 2, "draft")]);
    }

    [SkippableFact]
    public async Task TheSameBody_IsOneFunder_ByItsSiren_OrByAnAlias_AndABadSirenIsRefusedOnItsField()
    {
        using var client = await ClientAsync();
        // 732829320 passes the Luhn check (7+6+2+7+2+9+3+4+0 = 40 with every second digit from the right doubled).
        await SaveAsync(client, Seeds.Mutate(p => p["funders"]![1]!["siren"] = "732829320"));
        await SaveAsync(client, Seeds.Mutate(p => { p["funders"]![1]!["siren"] = "732829320"; p["funders"]![1]!["id"] = "quimper-bo"; }));
        var portfolio = await client.GetJsonAsync("/v1/portfolio?funder=732829320");
        var qbo = portfolio["funders"]!.AsArray().Single()!;
        qbo["siren"]!.GetValue<string>().ShouldBe("732829320");
        qbo["total"]!["planned"]!["contribution"]!.GetValue<decimal>().ShouldBe(2 * 23_187.00m);

        var bad = await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.Mutate(p => p["funders"]![1]!["siren"] = "732829321")}}}""");
        (await bad.ProblemAsync(HttpStatusCode.BadRequest))["fieldErrors"]!.AsArray().Single()!["path"]!.GetValue<string>().ShouldBe("plan.funders[1].siren");

        // Without SIREN, an alias makes two ids one body.
        await SaveAsync(client, Seeds.Mutate(p => p["funders"]![0]!["id"] = "prefecture-29"));
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/workspace/funder-aliases", UriKind.Relative))
        {
            Content = new StringContent("""{"funderId": "prefecture-29", "sameAs": "etat"}""", Encoding.UTF8, "application/json"),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = (await client.GetJsonAsync("/v1/portfolio?funder=etat"))["funders"]!.AsArray().Single()!;
        state["total"]!["planned"]!["contribution"]!.GetValue<decimal>().ShouldBe(3 * 80_000.00m);
    }

    [SkippableFact]
    public async Task TheCsvAndTheWorkbook_SayTheSameFigures_AndBadFiltersAreNamed()
    {
        using var client = await ClientAsync();
        string id = await SaveAsync(client, Seeds.PlanJson);
        (await client.SignAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = await client.GetAsync(new Uri("/v1/portfolio?format=csv", UriKind.Relative));
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        string text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.ShouldContain("État;etat;;2022;30000,00;80000,00;30000,00;80000,00;0,00;0,00;80000,00;0,00");
        var xlsx = await client.GetAsync(new Uri("/v1/portfolio?format=xlsx", UriKind.Relative));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).ShouldBeEmpty();
            document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value)
                .ShouldBe(["Engagé — contributions", "Engagé — versements", "Prévu — contributions", "Prévu — versements", "Reçu", "Dû sur le réalisé", "Reste à verser", "Reste dû au porteur"]);
        }

        var problem = await (await client.GetAsync(new Uri("/v1/portfolio?from=2030&to=2020&status=voted&format=pdf&funder=732829321", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["to", "status", "format", "funder"], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task AnEnvelope_ShowsWhatThePlansCommitAgainstIt_AndSavingAPlanThatExceedsItWarns()
    {
        using var client = await ClientAsync();
        var envelope = await SuccessJsonAsync(await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/workspace/envelopes/qbo-postes", UriKind.Relative))
        {
            Content = new StringContent("""{"name": "Ligne budgétaire des postes cofinancés", "funder": "qbo", "years": [{"year": 2022, "amount": 10000}, {"year": 2023, "amount": 20000}, {"year": 2024, "amount": 5000}]}""",
                Encoding.UTF8, "application/json"),
        }));
        envelope["amount"]!.GetValue<decimal>().ShouldBe(35_000.00m);

        string first = await SaveAsync(client, Seeds.PlanJson);
        // By hand (docs/plans.md): QBO funds 8 695,13 / 11 593,50 / 2 898,37 € of the seed's years. Twice that is
        // 17 390,26 € in 2022 (7 390,26 € over 10 000 €), 23 187,00 € in 2023 (3 187,00 € over), 5 796,74 € in 2024 (796,74 € over).
        var second = await SuccessJsonAsync(await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.Mutate(p => p["name"] = "Deuxième poste")}}, "comment": "v1"}"""));
        var warning = second["result"]!["checks"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "envelope")!;
        warning["outcome"]!.GetValue<string>().ShouldBe("warning");
        string message = warning["message"]!.GetValue<string>().Replace('\u202F', ' ').Replace('\u00A0', ' ');
        message.ShouldContain("Enveloppe « Ligne budgétaire des postes cofinancés »");
        message.ShouldContain("2022 : 17 390,26 € prévus pour 10 000,00 € (dépassement de 7 390,26 €)");
        message.ShouldContain("2023 : 23 187,00 € prévus pour 20 000,00 € (dépassement de 3 187,00 €)");
        message.ShouldContain("2024 : 5 796,74 € prévus pour 5 000,00 € (dépassement de 796,74 €)");
        message.ShouldContain("Autres plans qui y puisent : « Chargé(e) de mission Territoire d'industrie Finistère » (version 1)");
        (await SuccessJsonAsync(await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}}""")))["result"]!["checks"]!.AsArray()
            .Count(c => c!["id"]!.GetValue<string>() == "envelope").ShouldBe(1);

        // Signed, the first plan is committed against it: 10 000 − 8 695,13 = 1 304,87 € remain in 2022.
        (await client.SignAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await client.GetJsonAsync("/v1/workspace/envelopes")).AsArray().Single()!;
        var y2022 = listed["years"]!.AsArray()[0]!;
        (y2022["committed"]!.GetValue<decimal>(), y2022["remaining"]!.GetValue<decimal>(), y2022["planned"]!.GetValue<decimal>()).ShouldBe((8_695.13m, 1_304.87m, 3 * 8_695.13m));
        listed["remainingIfPlanned"]!.GetValue<decimal>().ShouldBe(35_000.00m - 3 * 23_187.00m);
        (await client.GetJsonAsync("/v1/portfolio?funder=qbo"))["envelopes"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe("qbo-postes");

        var refused = await (await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/workspace/envelopes/x", UriKind.Relative))
        {
            Content = new StringContent("""{"name": "x", "funder": "732829321", "years": [{"year": 2022, "amount": 1}], "amount": 5, "from": 2022, "to": 2023}""", Encoding.UTF8, "application/json"),
        })).ProblemAsync(HttpStatusCode.BadRequest);
        refused["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["funder", "amount"], ignoreOrder: true);
        // An amount beyond what money holds is refused on its field, not overflowed.
        var huge = await (await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/workspace/envelopes/x", UriKind.Relative))
        {
            Content = new StringContent("""{"name": "x", "funder": "qbo", "years": [{"year": 2022, "amount": 9000000000000000000000000000}]}""", Encoding.UTF8, "application/json"),
        })).ProblemAsync(HttpStatusCode.BadRequest);
        huge["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["years[0].amount"]);
    }

    /// <summary>A generated workspace: plans from the samples, each maybe amended, signed, archived, with an execution entry.</summary>
    public sealed record GeneratedPlan(int Sample, int StartMonth, int AmendedMonth, bool Amended, bool SignFirst, bool SignLatest, bool Archived, int Received);

    private static Arbitrary<GeneratedPlan[]> Workspaces() =>
        (from sample in Gen.Choose(0, SamplePlans.All.Count - 1)
         from start in Gen.Choose(1, 12)
         from amended in Gen.Choose(1, 12)
         from amend in Gen.Elements(true, false)
         from signFirst in Gen.Elements(true, false)
         from signLatest in Gen.Elements(true, false)
         from archived in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
         from received in Gen.Choose(0, 3)
         select new GeneratedPlan(sample, start, amended, amend, signFirst, signLatest, archived, received * 1_000))
        .ArrayOf().Where(a => a.Length is > 0 and <= 4).ToArbitrary();

    [SkippableFact]
    public void TheWorkspacesPortfolio_IsTheSumOfItsPlansOwnFigures_ToTheCent()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12).WithQuietOnSuccess(true),
            Prop.ForAll(Workspaces(), plans => CheckAsync(plans).GetAwaiter().GetResult()));
    }

    private static string Plan(GeneratedPlan g, int month)
    {
        var plan = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(PlanMapping.ToRequest(SamplePlans.All[g.Sample].Plan), Seeds.Options))!;
        if (plan["cost"]!["start"] is not null)
        {
            plan["cost"]!["start"] = $"2024-{month:00}-01";
        }
        return plan.ToJsonString();
    }

    private async Task<bool> CheckAsync(GeneratedPlan[] generated)
    {
        using var client = await ClientAsync();
        // What the plans say themselves, funder id → year → amounts, from their own answers.
        var expected = new Dictionary<(string Id, int Year), decimal[]>();
        void Add(string id, int year, int slot, decimal amount)
        {
            if (!expected.TryGetValue((id, year), out var values))
            {
                expected[(id, year)] = values = new decimal[8];
            }
            values[slot] += amount;
        }
        foreach (var g in generated)
        {
            string id = await SaveAsync(client, Plan(g, g.StartMonth));
            int latest = 1;
            if (g.SignFirst)
            {
                (await client.SignAsync(id)).EnsureSuccessStatusCode();
            }
            if (g.Amended)
            {
                await AmendAsync(client, id, 1, Plan(g, g.AmendedMonth));
                latest = 2;
                if (g.SignLatest)
                {
                    (await client.SignAsync(id, 2)).EnsureSuccessStatusCode();
                }
            }
            int? signed = g.Amended && g.SignLatest ? 2 : g.SignFirst ? 1 : null;
            var planned = (await client.GetJsonAsync($"/v1/saved-plans/{id}/versions/{latest}"))["result"]!;
            var committed = signed is { } s ? (await client.GetJsonAsync($"/v1/saved-plans/{id}/versions/{s}"))["result"]! : null;
            string payer = planned["funders"]!.AsArray().First(f => !f!["isCarrier"]!.GetValue<bool>())!["id"]!.GetValue<string>();
            JsonNode? execution = null;
            if (g.Received > 0)
            {
                var spent = (committed ?? planned)["costByBudgetYear"]![0]!;
                execution = await SuccessJsonAsync(await client.PostJsonAsync($"/v1/saved-plans/{id}/executions",
                    $$"""{"version": {{signed ?? latest}}, "actualExpenses": [{"year": {{spent["year"]!.ToJsonString()}}, "amount": {{spent["amount"]!.ToJsonString()}}}], "receipts": [{"funderId": "{{payer}}", "date": "2025-03-01", "amount": {{g.Received}}}]}"""));
            }
            if (g.Archived)
            {
                (await client.DeleteAsync(new Uri($"/v1/saved-plans/{id}", UriKind.Relative))).EnsureSuccessStatusCode();
                continue;
            }
            string? carrier = planned["funders"]!.AsArray().FirstOrDefault(f => f!["isCarrier"]!.GetValue<bool>())?["id"]!.GetValue<string>();
            foreach (var f in planned["funders"]!.AsArray())
            {
                foreach (var y in f!["contributionByBudgetYear"]!.AsArray())
                {
                    Add(f["id"]!.GetValue<string>(), y!["year"]!.GetValue<int>(), 2, y["amount"]!.GetValue<decimal>());
                }
                foreach (var p in f["schedule"]!["payments"]!.AsArray())
                {
                    Add(f["id"]!.GetValue<string>(), p!["budgetYear"]!.GetValue<int>(), 3, p["amount"]!.GetValue<decimal>());
                }
            }
            foreach (var f in committed?["funders"]!.AsArray() ?? [])
            {
                string fid = f!["id"]!.GetValue<string>();
                bool isCarrier = f["isCarrier"]!.GetValue<bool>();
                foreach (var y in f["contributionByBudgetYear"]!.AsArray())
                {
                    Add(fid, y!["year"]!.GetValue<int>(), 0, y["amount"]!.GetValue<decimal>());
                }
                foreach (var p in f["schedule"]!["payments"]!.AsArray())
                {
                    int year = p!["budgetYear"]!.GetValue<int>();
                    decimal amount = p["amount"]!.GetValue<decimal>();
                    Add(fid, year, 1, amount);
                    if (!isCarrier)
                    {
                        Add(fid, year, 6, amount);
                        Add(carrier!, year, 7, amount);
                    }
                }
            }
            if (execution is not null)
            {
                Add(payer, 2025, 4, g.Received);
                Add(payer, 2025, 6, -g.Received);
                Add(carrier!, 2025, 7, -g.Received);
                foreach (var f in execution["result"]!["funders"]!.AsArray())
                {
                    foreach (var y in f!["byBudgetYear"]!.AsArray())
                    {
                        Add(f["id"]!.GetValue<string>(), y!["year"]!.GetValue<int>(), 5, y["actual"]!.GetValue<decimal>());
                    }
                }
            }
        }

        var portfolio = await client.GetJsonAsync("/v1/portfolio");
        var actual = new Dictionary<(string Id, int Year), decimal[]>();
        foreach (var f in portfolio["funders"]!.AsArray())
        {
            foreach (var y in f!["years"]!.AsArray())
            {
                actual[(f["id"]!.GetValue<string>(), y!["year"]!.GetValue<int>())] =
                [
                    y["committed"]!["contribution"]!.GetValue<decimal>(), y["committed"]!["payment"]!.GetValue<decimal>(),
                    y["planned"]!["contribution"]!.GetValue<decimal>(), y["planned"]!["payment"]!.GetValue<decimal>(),
                    y["received"]!.GetValue<decimal>(), y["due"]!.GetValue<decimal>(), y["remainingToPay"]!.GetValue<decimal>(), y["owedToIt"]!.GetValue<decimal>(),
                ];
            }
        }
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var want = expected.GetValueOrDefault(key) ?? new decimal[8];
            var got = actual.GetValueOrDefault(key) ?? new decimal[8];
            got.ShouldBe(want, $"{key.Id} {key.Year}: committed c/p, planned c/p, received, due, remaining, owed");
        }
        return true;
    }
}
