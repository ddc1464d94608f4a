using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Funding.Api.Tests;

/// <summary>The API on a real Kestrel port, where the server's own behaviour (headers, timeouts, limits) shows.</summary>
public sealed class KestrelApiFactory : WebApplicationFactory<Program>
{
    public KestrelApiFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    public Uri BaseUrl => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Funding", $"Data Source={Path.Combine(Path.GetTempPath(), $"funding-kestrel-{Guid.NewGuid():N}.db")}");
        builder.UseSetting("Funding:RequestBodyGraceSeconds", "2");
        builder.UseSetting("Funding:Cors:AllowedOrigins:0", "https://allowed.example");
    }

    public HttpClient Client() => new() { BaseAddress = BaseUrl };
}

public class HttpHygieneTests(KestrelApiFactory server) : IClassFixture<KestrelApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/v1/samples")]
    [InlineData("/swagger/index.html")]
    [InlineData("/no-such-page")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndNoServerHeader(string path)
    {
        using var client = server.Client();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("'unsafe-eval'");
        if (!path.StartsWith("/swagger", StringComparison.Ordinal))
        {
            csp.ShouldNotContain("unsafe-inline");
        }
    }

    [Fact]
    public async Task ACorsPreflight_FromAnUnlistedOrigin_Is204_WithoutPermission()
    {
        using var client = server.Client();
        var response = await client.SendAsync(Preflight("https://elsewhere.example"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task ACorsPreflight_FromAListedOrigin_IsAllowed()
    {
        using var client = server.Client();
        var response = await client.SendAsync(Preflight("https://allowed.example"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://allowed.example");
    }

    [Fact]
    public async Task AStalledBody_Is408Problem()
    {
        // Announce 1 000 bytes, send 10, then nothing: after the (test) grace of 2 s the server gives up on the body.
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.BaseUrl.Host, server.BaseUrl.Port);
        var stream = socket.GetStream();
        string head = $"POST /v1/plans HTTP/1.1\r\nHost: {server.BaseUrl.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"name\": ";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        stream.ReadTimeout = 30_000;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        answer.ShouldStartWith("HTTP/1.1 408");
        answer.ShouldContain("application/problem+json");
        answer.ShouldContain("trop lentement");
        answer.ShouldNotContain("vide");
    }

    [Fact]
    public async Task ATooLongUrl_Is414Problem()
    {
        using var client = server.Client();
        var response = await client.GetAsync(new Uri("/v1/samples/" + new string('x', 9_000), UriKind.Relative));

        var problem = await response.ProblemAsync(HttpStatusCode.RequestUriTooLong);
        problem["detail"]!.GetValue<string>().ShouldContain("8192");
    }

    [Fact]
    public async Task TooLargeHeaders_Are431Problem()
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Add("X-Padding", new string('x', 40_000));
        var response = await client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);
        problem["detail"]!.GetValue<string>().ShouldContain("32768");
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/v1/plans", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
