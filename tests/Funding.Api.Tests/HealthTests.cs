using System.Net;
using System.Net.Http.Json;
using Funding.Contracts;

namespace Funding.Api.Tests;

public class HealthTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task Health_AnswersOk_WithTheCalculationVersion()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<HealthResponse>();
        body.ShouldNotBeNull();
        body.Status.ShouldBe("ok");
        body.CalculationVersion.ShouldBe(CalculationVersion.Current);
    }

    [Fact]
    public async Task Root_ServesTheSimulatorPage()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        string page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<html lang=\"fr\">");
        page.ShouldContain("Simulateur de plan de financement");
        (await client.GetAsync(new Uri("/js/app.js", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SwaggerUi_IsServed_AndPointsAtTheOpenApiDocument()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/swagger/index.html", UriKind.Relative));
        page.ShouldContain("swagger-ui");
        var config = await client.GetStringAsync(new Uri("/swagger/index.js", UriKind.Relative));
        config.ShouldContain("/openapi/v1.json");
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        document.ShouldContain("/health");
    }
}
