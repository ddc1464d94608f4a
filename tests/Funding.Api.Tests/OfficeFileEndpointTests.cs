using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>The workbook, the deliberation drafts and the weights import over HTTP.</summary>
public class OfficeFileEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task FormatXlsx_AnswersTheWorkbook_AsAFile()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/plans/report?format=xlsx", Seeds.PlanJson);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("plan-de-financement.xlsx");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        zip.GetEntry("xl/workbook.xml").ShouldNotBeNull();
    }

    [Fact]
    public async Task AnAcceptHeader_ForTheWorkbook_ChoosesIt()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/plans/report", UriKind.Relative))
        {
            Content = new StringContent(Seeds.PlanJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var response = await client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task FormatDocx_ForQbo_AnswersItsDraft()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/plans/report?format=docx&funderId=qbo", Seeds.PlanJson);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("deliberation-qbo.docx");
    }

    [Fact]
    public async Task FormatDocx_ForAGroup_AnswersAZipOfDrafts()
    {
        using var client = factory.CreateClient();
        var response = await client.PostJsonAsync("/v1/plans/report?format=docx&funderId=autres-epci", Seeds.PlanJson);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        zip.Entries.Count.ShouldBe(9);
    }

    [Fact]
    public async Task FormatDocx_WithoutAFunder_IsAProblemOnFunderId()
    {
        using var client = factory.CreateClient();
        var problem = await (await client.PostJsonAsync("/v1/plans/report?format=docx", Seeds.PlanJson)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Keys.ShouldBe(["funderId"]);
    }

    [Fact]
    public async Task AWeightsTable_IsImported()
    {
        using var client = factory.CreateClient();
        string csv = Convert.ToBase64String(Encoding.UTF8.GetBytes("Nom;Population\nBrest Métropole;213 403\nMorlaix Communauté;65507\n"));

        var columns = await (await client.PostJsonAsync("/v1/weights/import", $$"""{"format": "csv", "content": "{{csv}}"}""")).OkJsonAsync();
        columns["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["Nom", "Population"]);

        var members = await (await client.PostJsonAsync("/v1/weights/import", $$"""{"format": "csv", "content": "{{csv}}", "nameColumn": "Nom", "weightColumn": "Population"}""")).OkJsonAsync();
        members["members"]!.AsArray().Select(m => (m!["name"]!.GetValue<string>(), m["weight"]!.GetValue<decimal>())).ShouldBe([("Brest Métropole", 213_403m), ("Morlaix Communauté", 65_507m)]);
    }

    [Fact]
    public async Task AWeightsTableWithProblems_NamesRowAndColumn()
    {
        using var client = factory.CreateClient();
        string csv = Convert.ToBase64String(Encoding.UTF8.GetBytes("Nom;Population\nBrest;x\n"));

        var problem = await (await client.PostJsonAsync("/v1/weights/import", $$"""{"format": "csv", "content": "{{csv}}", "nameColumn": "Nom", "weightColumn": "Pop"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors()["weightColumn"].Single().ShouldStartWith("La colonne « Pop » n'existe pas");

        problem = await (await client.PostJsonAsync("/v1/weights/import", $$"""{"format": "csv", "content": "{{csv}}", "nameColumn": "Nom", "weightColumn": "Population"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors()["content"].Single().ShouldBe("Ligne 2, colonne « Population » : poids « x » n'est pas un nombre.");
    }
}
