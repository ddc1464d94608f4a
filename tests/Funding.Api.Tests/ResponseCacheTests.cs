using Microsoft.Extensions.Configuration;
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

public class ContentTypeGateTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Theory]
    [InlineData("application/jsonx")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AnyOtherMediaTypeOrCharset_Is415_EvenOnceTheBodyIsCached(string contentType)
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["name"] = "gate " + Guid.NewGuid());
        (await client.PostJsonAsync("/v1/plans", body)).StatusCode.ShouldBe(HttpStatusCode.OK); // now in the cache

        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        var response = await client.PostAsync(new Uri("/v1/plans", UriKind.Relative), content);

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem["detail"]!.GetValue<string>().ShouldContain("application/json");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task JsonInUtf8_IsAccepted(string contentType)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(Seeds.PlanJson, System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        (await client.PostAsync(new Uri("/v1/plans", UriKind.Relative), content)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public class ResponseCacheMemoryTests
{
    /// <summary>
    /// The limit is real memory: filling a 4 MiB cache with many answers grows the managed heap by no more than the
    /// counted bytes (plus 25 %), and what is counted never exceeds the limit. (Counting only the answer's bytes, as
    /// before, let a 64 MiB cache hold about 210 MB.)
    /// </summary>
    [Fact]
    public async Task CountedBytes_AreTheRealMemory_AndStayWithinTheLimit()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Funding:ResponseCacheMegabytes"] = "4" })
            .Build();
        using var cache = new ResponseCache(configuration);
        byte[] answer = new byte[200];
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < 20_000; i++)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            byte[] body = System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}");
            context.Request.Method = "POST";
            context.Request.Path = "/v1/caps";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
            context.Response.Body = Stream.Null;
            await cache.InvokeAsync(context, c =>
            {
                c.Response.StatusCode = 200;
                return c.Response.Body.WriteAsync(answer).AsTask();
            });
        }
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(cache);

        cache.CountedBytes.ShouldBeLessThanOrEqualTo(4 * 1024 * 1024);
        cache.CountedBytes.ShouldBeGreaterThan(3 * 1024 * 1024, "20 000 answers of 712 counted bytes fill the cache");
        (after - before).ShouldBeLessThan((long)(cache.CountedBytes * 1.25), $"heap grew by {after - before} B for {cache.CountedBytes} B counted");
    }
}

public class LeanPathCacheTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task TheLeanPath_BypassesTheCache_ItIsCheaperToCompute()
    {
        using var client = factory.CreateClient();
        string body = Seeds.Mutate(p => p["name"] = "lean " + Guid.NewGuid());
        foreach (int _ in new[] { 1, 2 })
        {
            var response = await client.PostJsonAsync("/v1/plans?explain=none", body);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            response.Headers.GetValues(ResponseCache.HeaderName).Single().ShouldBe("bypass");
        }
        var full = await client.PostJsonAsync("/v1/plans?explain=summary", body);
        full.Headers.GetValues(ResponseCache.HeaderName).Single().ShouldBe("miss");
    }
}
