using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Funding.Api.OpenApi;

namespace Funding.Api.Tests;

/// <summary>POST /v1/plans/execution on the worked case of docs/execution.md, figures derived by hand there.</summary>
public class ExecutionEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private static string WorkedCase => JsonSerializer.Serialize(FundingOpenApi.ExecutionExample, Seeds.Options);

    private static JsonNode Funder(JsonNode result, string id) => result["funders"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task TheSeedVacantNineMonths_GivesEachBalance()
    {
        using var client = factory.CreateClient();
        var result = await (await client.PostJsonAsync("/v1/plans/execution", WorkedCase)).OkJsonAsync();

        result["actualExpenses"]!.Raw().ShouldBe("129750.00");
        var state = Funder(result, "etat");
        (state["due"]!.Raw(), state["received"]!.Raw(), state["toPayBack"]!.Raw()).ShouldBe(("64875.00", "80000.00", "15125.00"));
        state["sentence"]!.GetValue<string>().ShouldContain("trop-perçu à reverser : 15\u202F125,00\u00A0€");
        var qbo = Funder(result, "qbo");
        (qbo["due"]!.Raw(), qbo["toPayBack"]!.Raw()).ShouldBe(("14491.88", "5796.75"));
        Funder(result, "uimm-finistere")["due"]!.Raw().ShouldBe("25191.56");
        result["totalToPayBack"]!.Raw().ShouldBe("20921.75");
        // Every other EPCI received nothing: its whole due is still to claim.
        var brest = Funder(result, "brest-metropole");
        brest["toClaim"]!.Raw().ShouldBe(brest["due"]!.Raw());
        result["expensesByBudgetYear"]![1]!["difference"]!.Raw().ShouldBe("-77850.00");
    }

    [Fact]
    public async Task AReceiptFromNobody_AndAPlanError_NameTheirFields()
    {
        using var client = factory.CreateClient();
        var body = JsonNode.Parse(WorkedCase)!;
        body["receipts"]![0]!["funderId"] = "region";
        var problem = await (await client.PostJsonAsync("/v1/plans/execution", body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe(["receipts[0].funderId"]);

        body = JsonNode.Parse(WorkedCase)!;
        body["plan"]!["funders"]![0]!["id"] = "qbo";
        problem = await (await client.PostJsonAsync("/v1/plans/execution", body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldContain("plan.funders[1].id");

        body = JsonNode.Parse(WorkedCase)!;
        body["monthlyExpenses"] = new JsonArray(new JsonObject { ["month"] = "2022-13", ["amount"] = 1 });
        problem = await (await client.PostJsonAsync("/v1/plans/execution", body.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe(["monthlyExpenses[0].month"]);
    }

    [Fact]
    public async Task TheStatement_AndTheLetters_ComeInEveryFormat()
    {
        using var client = factory.CreateClient();
        var markdown = await (await client.PostJsonAsync("/v1/plans/execution/report?funderId=etat", WorkedCase)).Content.ReadAsStringAsync();
        markdown.ShouldStartWith("# État récapitulatif des dépenses — Chargé(e) de mission Territoire d'industrie Finistère");
        markdown.ShouldContain("## Trop-perçu à reverser");
        markdown.ShouldContain("vous reversera 15\u202F125\u00A0€ (quinze mille cent vingt-cinq euros)");

        var brest = await (await client.PostJsonAsync("/v1/plans/execution/report?funderId=brest-metropole", WorkedCase)).Content.ReadAsStringAsync();
        brest.ShouldContain("## Demande de versement du solde");

        var csv = await (await client.PostJsonAsync("/v1/plans/execution/report?format=csv&csv=rfc4180", WorkedCase)).Content.ReadAsStringAsync();
        csv.Split("\r\n")[1].ShouldStartWith("État,etat,80000.00,64875.00,80000.00,0.00,15125.00,");

        var xlsx = await client.PostJsonAsync("/v1/plans/execution/report?format=xlsx", WorkedCase);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var docx = await client.PostJsonAsync("/v1/plans/execution/report?format=docx&funderId=qbo", WorkedCase);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docx.Content.ReadAsByteArrayAsync()).ShouldBe(await (await client.PostJsonAsync("/v1/plans/execution/report?format=docx&funderId=qbo", WorkedCase)).Content.ReadAsByteArrayAsync());

        var problem = await (await client.PostJsonAsync("/v1/plans/execution/report?format=docx", WorkedCase)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe(["funderId"]);
        problem = await (await client.PostJsonAsync("/v1/plans/execution/report?format=docx&funderId=uimm-finistere", WorkedCase)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors().Keys.ShouldBe(["funderId"]);
    }
}
