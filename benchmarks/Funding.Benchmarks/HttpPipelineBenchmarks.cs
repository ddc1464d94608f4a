using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Funding.Api;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Funding.Benchmarks;

/// <summary>
/// <c>POST /v1/plans</c> through the whole ASP.NET Core pipeline of the API, in process (TestServer: every middleware,
/// the endpoint, reading and writing JSON; no sockets, so that the machine's network noise stays out): a distinct seed
/// plan on every request (its name numbered), so that nothing comes from the response cache, at each explanation
/// level, beside <c>GET /health</c>. What the HTTP load check (benchmarks/http/load.sh) measures, minus Kestrel.
/// </summary>
[MemoryDiagnoser]
public class HttpPipelineBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private byte[] _prefix = [];
    private byte[] _suffix = [];
    private long _counter;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("funding-bench-http-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Funding"] = $"Data Source={Path.Combine(_folder, "funding.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseTestServer();
        builder.AddFundingApi();
        _app = builder.Build();
        _app.UseFundingApi();
        _app.MapFundingEndpoints();
        _app.StartAsync().GetAwaiter().GetResult();
        _client = _app.GetTestClient();
        string seed = System.Text.Json.JsonSerializer.Serialize(PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan), ApiJson.Options);
        int name = seed.IndexOf("\"name\":\"", StringComparison.Ordinal) + "\"name\":\"".Length;
        _prefix = Encoding.UTF8.GetBytes(seed[..name]);
        _suffix = Encoding.UTF8.GetBytes(" " + seed[name..]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IAsyncDisposable)_app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Requests in flight together in each invocation: the time per request is the server's throughput, as with wrk, not one request's latency.</summary>
    private const int Concurrent = 32;

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrent)]
    public Task Health() => Together(async () =>
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    });

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task PlanLean() => Together(() => PostAsync("/v1/plans?explain=none"));

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task PlanSummary() => Together(() => PostAsync("/v1/plans?explain=summary"));

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task PlanFull() => Together(() => PostAsync("/v1/plans"));

    private static Task<int[]> Together(Func<Task<int>> request)
    {
        var requests = new Task<int>[Concurrent];
        for (int i = 0; i < Concurrent; i++)
        {
            requests[i] = Task.Run(request);
        }
        return Task.WhenAll(requests);
    }

    /// <summary>A distinct plan (numbered name), posted; the answer's length, after checking it is a 200.</summary>
    private async Task<int> PostAsync(string path)
    {
        byte[] number = Encoding.ASCII.GetBytes(Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture));
        byte[] body = [.. _prefix, .. number, .. _suffix];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        byte[] answer = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? answer.Length : throw new InvalidOperationException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
    }
}
