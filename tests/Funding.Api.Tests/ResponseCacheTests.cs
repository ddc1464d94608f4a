using System.Net;

namespace Funding.Api.Tests;

public class ResponseCacheTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private static string Header(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ResponseCache.HeaderName, out var values) ? values.Single() : "";

    [Fact]
    public async Task SamePlanTwice_IsServedFromTheCache_ByteForByte()
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["name"] = "cache test " + Guid.NewGuid());

        var first = await client.PostJsonAsync("/v1/plans", body);
        var second = await client.PostJsonAsync("/v1/plans", body);

        Header(first).ShouldBe("miss");
        Header(second).ShouldBe("hit");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADifferentBody_IsComputed()
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["name"] = "cache test " + Guid.NewGuid());
        await client.PostJsonAsync("/v1/plans", body);

        var other = await client.PostJsonAsync("/v1/plans", Seeds.Mutate(p =>
        {
            p["name"] = "cache test " + Guid.NewGuid();
            p["funders"]![0]!["rule"]!["cap"] = 90000;
        }));

        Header(other).ShouldBe("miss");
        (await other.OkJsonAsync())["funders"]![0]!["total"]!.Raw().ShouldBe("90000.00");
    }

    [Fact]
    public async Task Errors_AreNeverCached()
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["funders"]![0]!["rule"]!["ratePercent"] = 150);

        var first = await client.PostJsonAsync("/v1/plans", body);
        var second = await client.PostJsonAsync("/v1/plans", body);

        Header(first).ShouldBe("miss");
        Header(second).ShouldBe("miss");
        await second.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
