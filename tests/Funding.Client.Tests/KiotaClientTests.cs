using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Funding.Client.Models;
using Funding.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Funding.Client.V1.Plans.Report;
using Microsoft.Kiota.Abstractions;

namespace Funding.Client.Tests;

/// <summary>
/// The C# client Kiota 1.38 generates from the OpenAPI document, used as another application would: every sample
/// posted back through the generated types, a problem read with its trace id, every report format fetched.
/// </summary>
public class KiotaClientTests(ClientFactory factory) : IClassFixture<ClientFactory>
{
    [Fact]
    public async Task EverySample_PostedThroughTheGeneratedTypes_GivesTheTotalsOfARawPost()
    {
        var client = factory.Client();
        using var raw = factory.CreateClient();
        var samples = await client.V1.Samples.GetAsync();
        samples.ShouldNotBeNull();
        samples.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var sample in samples)
        {
            // The sample as the generated client reads it, then posted back with the generated types.
            var plan = await client.V1.Samples[sample.Id!].GetAsync();
            plan.ShouldNotBeNull();
            var typed = await client.V1.Plans.PostAsync(plan);

            string json = await raw.GetStringAsync(new Uri($"/v1/samples/{sample.Id}", UriKind.Relative));
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            var expected = JsonNode.Parse(await (await raw.PostAsync(new Uri("/v1/plans", UriKind.Relative), content)).Content.ReadAsStringAsync())!;

            typed.ShouldNotBeNull();
            typed.Funders!.Select(f => (f.Id, f.Total)).ShouldBe(
                expected["funders"]!.AsArray().Select(f => ((string?)f!["id"]!.GetValue<string>(), (decimal?)f["total"]!.GetValue<decimal>())), sample.Id);
            typed.Totals!.TotalFunded.ShouldBe(expected["totals"]!["totalFunded"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task APlanWrittenWithTheGeneratedTypes_GivesTheSeedFigures()
    {
        // The snippet of docs/api.md, « Calling Funding from C# »: the seed case typed by hand.
        var client = factory.Client();
        var plan = new PlanRequest
        {
            Name = "Chargé(e) de mission Territoire d'industrie Finistère",
            Cost = new CostInput { AnnualCostInput = new AnnualCostInput { AnnualAmount = 103_800.00m, Start = new Date(2022, 4, 1), Months = 24 } },
            Funders =
            [
                new FunderInput
                {
                    Id = "etat", Name = "État", Kind = FunderKind.State,
                    Rule = new RuleInput { RateRuleInput = new RateRuleInput { RatePercent = 50, Cap = 80_000.00m } },
                    Payment = new PaymentInput { OncePaymentInput = new OncePaymentInput() },
                },
                new FunderInput
                {
                    Id = "qbo", Name = "Quimper Bretagne Occidentale", Kind = FunderKind.Epci,
                    Rule = new RuleInput { FixedAnnualRuleInput = new FixedAnnualRuleInput { AnnualAmount = 11_593.50m } },
                },
                new FunderInput
                {
                    Id = "uimm-finistere", Name = "UIMM Finistère", Kind = FunderKind.Private,
                    Rule = new RuleInput { RemainderRuleInput = new RemainderRuleInput() },
                },
            ],
        };

        var result = await client.V1.Plans.PostAsync(plan);

        // By hand: 50 % of 207 600 € is 103 800 €, capped at 80 000 €; QBO 11 593,50 € × 2; the carrier the rest.
        result!.Funders!.Select(f => f.Total).ShouldBe([80_000.00m, 23_187.00m, 104_413.00m]);
        result.Funders![0].Formatted!.Total.ShouldBe("80\u202F000,00\u00A0€");
    }

    [Fact]
    public async Task ADegressiveRate_WrittenWithTheGeneratedTypes_GivesItsFiguresByHand()
    {
        // docs/plans.md, « Taux dégressif »: 36 000 € a year from 1 July 2024 for 36 months, 80/60/40 %, capped at 25 000 €.
        var client = factory.Client();
        var plan = new PlanRequest
        {
            Name = "Poste aidé",
            Cost = new CostInput { AnnualCostInput = new AnnualCostInput { AnnualAmount = 36_000m, Start = new Date(2024, 7, 1), Months = 36 } },
            Funders =
            [
                new FunderInput
                {
                    Id = "region", Name = "Région", Kind = FunderKind.Region,
                    Rule = new RuleInput { DegressiveRateRuleInput = new DegressiveRateRuleInput { RatePercentByYear = [80m, 60m, 40m], CapPerYear = 25_000m } },
                },
                new FunderInput { Id = "association", Name = "Association", Kind = FunderKind.Private, Rule = new RuleInput { RemainderRuleInput = new RemainderRuleInput() } },
            ],
        };

        var result = await client.V1.Plans.PostAsync(plan);

        result!.Funders!.Select(f => f.Total).ShouldBe([61_000.00m, 47_000.00m]);
    }

    [Fact]
    public async Task AValidationProblem_IsReadWithItsPathsAndTraceId()
    {
        var client = factory.Client();
        var plan = await client.V1.Samples["territoire-industrie-finistere"].GetAsync();
        plan!.Funders![0].Rule!.RateRuleInput!.RatePercent = 150;

        var problem = await Should.ThrowAsync<HttpValidationProblemDetails>(() => client.V1.Plans.PostAsync(plan));

        problem.Status.ShouldBe(400);
        problem.TraceId.ShouldNotBeNullOrWhiteSpace();
        problem.Errors!.AdditionalData.Keys.ShouldContain("funders[0].rule.ratePercent");
        problem.Code.ShouldBe("invalid-request");
        problem.FieldErrors!.Single().Code.ShouldBe("rate-out-of-range");
    }

    [Fact]
    public async Task EveryReportFormat_IsFetched()
    {
        var client = factory.Client();
        var plan = await client.V1.Samples["territoire-industrie-finistere"].GetAsync();

        var json = await client.V1.Plans.Report.PostAsync(plan!, c =>
        {
            c.QueryParameters.Format = PostFormatQueryParameterType.Json;
            c.QueryParameters.FunderId = "qbo";
        });
        json!.Deliberation!.Decision!.ShouldContain("11\u202F593,50\u00A0€");

        // Text formats: the generated request, sent for a stream (Kiota's way to read a non-JSON answer).
        var adapter = factory.Adapter();
        var reports = new FundingClient(adapter).V1.Plans.Report;
        foreach (var (format, starts) in new[] { (PostFormatQueryParameterType.Markdown, "# Plan de financement"), (PostFormatQueryParameterType.Html, "<section lang=\"fr\""), (PostFormatQueryParameterType.Csv, "\uFEFFFinanceur;") })
        {
            var request = reports.ToPostRequestInformation(plan!, c => c.QueryParameters.Format = format);
            await using var stream = await adapter.SendPrimitiveAsync<Stream>(request);
            // An encoding without preamble: StreamReader would otherwise swallow the byte order mark the French CSV starts with.
            using var reader = new StreamReader(stream!, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
            (await reader.ReadToEndAsync()).ShouldStartWith(starts, Case.Sensitive, format.ToString());
        }
    }

    /// <summary>
    /// The workspace's answers a finance officer's application reads — its saved plans, a plan's versions, the
    /// portfolio — come as generated types (they once had no documented answer, so Kiota gave no type or a byte stream).
    /// </summary>
    [Fact]
    public async Task TheSavedPlans_TheirVersions_AndThePortfolio_AreReadThroughTheGeneratedTypes()
    {
        var (key, _) = await factory.Services.GetRequiredService<KeyStore>().AddKeyAsync("ws-kiota-" + Guid.NewGuid().ToString("N")[..8], "finances", WorkspaceRole.Admin, "tests");
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var client = new FundingClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
        string seed = await http.GetStringAsync(new Uri("/v1/samples/territoire-industrie-finistere", UriKind.Relative));
        using var save = new StringContent($$"""{"plan": {{seed}}, "comment": "délibération QBO du 17 mars 2022"}""", Encoding.UTF8, "application/json");
        var saved = await http.PostAsync(new Uri("/v1/saved-plans", UriKind.Relative), save);
        saved.EnsureSuccessStatusCode();
        string id = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["planId"]!.GetValue<string>();
        using var sign = new StringContent("""{"votedOn": "2022-03-17", "reference": "délibération n° 8"}""", Encoding.UTF8, "application/json");
        (await http.PostAsync(new Uri($"/v1/saved-plans/{id}/versions/1/sign", UriKind.Relative), sign)).EnsureSuccessStatusCode();

        var list = await client.V1.SavedPlans.GetAsync();
        list!.Total.ShouldBe(1);
        list.Plans!.Single().Id.ShouldBe(id);
        list.Plans![0].LatestVersion.ShouldBe(1);
        var versions = await client.V1.SavedPlans[id].Versions.GetAsync();
        versions!.Single().Signature!.Reference.ShouldBe("délibération n° 8");

        var portfolio = await client.V1.Portfolio.GetAsync();
        // By hand (docs/portfolio.md): the State's 80 000 € are committed by the signed version, paid once in 2022, and
        // its contribution follows the cost's months: 9, 12 and 3 of 24, so 30 000, 40 000 and 10 000 €.
        var state = portfolio!.Funders!.Single(f => f.Id == "etat");
        state.Total!.Committed!.Payment.ShouldBe(80_000.00m);
        state.Years!.Select(y => (y.Year, y.Committed!.Contribution, y.Committed.Payment))
            .ShouldBe([(2022, 30_000.00m, 80_000.00m), (2023, 40_000.00m, 0.00m), (2024, 10_000.00m, 0.00m)]);
    }
}
