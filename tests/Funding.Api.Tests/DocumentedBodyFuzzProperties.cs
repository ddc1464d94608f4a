using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Funding.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Api.Tests;

/// <summary>
/// One documented request body to mutate: the operation, its path with its parameters filled in, and the example the
/// OpenAPI document gives for its body.
/// </summary>
public sealed record DocumentedBody(string Method, string Path, string Example)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The API, a workspace with an admin key, one saved plan in it, and every operation whose body the OpenAPI document
/// gives an example for and that <see cref="FuzzArbitraries"/> does not already reach: the workspace's endpoints
/// (saved plans, signatures, executions, envelopes, aliases, programmes, import, keys) and the other POSTs.
/// </summary>
public sealed class DocumentedBodyFixture : IAsyncLifetime
{
    private DocumentedWorkspace _workspace = null!;

    public FundingApiFactory Factory => _workspace.Factory;

    public HttpClient Client => _workspace.Client;

    public IReadOnlyList<DocumentedBody> Bodies { get; private set; } = [];

    /// <summary>Every documented GET: its path template, its path parameters' names and its query parameters' names.</summary>
    public IReadOnlyList<(string Path, string[] PathParameters, string[] QueryParameters)> Reads { get; private set; } = [];

    /// <summary>A path parameter's value that exists in this workspace (<see cref="DocumentedWorkspace.Known"/>).</summary>
    public string Known(string path, string parameter) => _workspace.Known(path, parameter);

    public async Task InitializeAsync()
    {
        _workspace = await DocumentedWorkspace.StartAsync("ws-fuzz");

        var reached = FuzzArbitraries.Valid.Select(v => v.Endpoint.Split('?')[0]).ToHashSet(StringComparer.Ordinal);
        var document = await Client.GetJsonAsync("/openapi/v1.json");
        var bodies = new List<DocumentedBody>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["example"] is not { } example || reached.Contains(path))
                {
                    continue;
                }
                bodies.Add(new(method.ToUpperInvariant(), _workspace.Fill(path), example.ToJsonString()));
            }
        }
        Bodies = bodies;
        Reads = [.. document["paths"]!.AsObject()
            .Where(p => p.Value?["get"] is not null)
            .Select(p =>
            {
                var parameters = p.Value!["get"]!["parameters"]?.AsArray() ?? [];
                string[] Named(string place) => [.. parameters.Where(x => x!["in"]!.GetValue<string>() == place).Select(x => x!["name"]!.GetValue<string>())];
                return (p.Key, Named("path"), Named("query"));
            })];
    }

    public async Task DisposeAsync() => await _workspace.DisposeAsync();
}

public class DocumentedBodyFuzzProperties(DocumentedBodyFixture fixture) : IClassFixture<DocumentedBodyFixture>
{
    /// <summary>
    /// The documented bodies reach the workspace's operations: without them this property would pass on nothing.
    /// </summary>
    [Fact]
    public void TheDocumentedBodies_CoverTheWorkspacesOperations()
    {
        var operations = fixture.Bodies.Select(b => $"{b.Method} {b.Path.Split('/')[2]}").ToHashSet();
        string[] expected = ["POST saved-plans", "PUT saved-plans", "PUT workspace", "POST workspace", "POST programmes", "POST weights", "POST plans"];
        expected.ShouldBeSubsetOf(operations);
        fixture.Bodies.Count.ShouldBeGreaterThanOrEqualTo(10);
    }

    private static readonly string[] EdgeValues =
    [
        "", " ", "0", "-1", "1", "2", "2147483648", "99999999999999999999", "1e3", "0.5", "2022-02-30", "0001-01-01", "9999-12-31",
        "2022-13-01", "2022", "true", "xlsx", "csv", "docx", "md", "html", "signed", "draft", "all", "qbo", "état", "%", "../..", "a/b",
    ];

    /// <summary>
    /// 3 000 reads of every documented GET, each parameter given an edge value or any text (in the path, or the known
    /// plan, programme and version with the query's parameters fuzzed): never a 5xx, and every error a problem with a
    /// documented code.
    /// </summary>
    [Property(MaxTest = 3_000)]
    public bool NoDocumentedRead_AnswersA5xx_AndEveryErrorIsAProblem(NonNegativeInt which, NonNull<string> text, NonNegativeInt pick, bool inPath)
    {
        var (path, pathParameters, queryParameters) = fixture.Reads[which.Get % fixture.Reads.Count];
        // Without NUL: the in-memory test host throws on %00 in a path before the app sees it (Kestrel answers 400 itself).
        string raw = pick.Get % 2 == 0 ? EdgeValues[pick.Get / 2 % EdgeValues.Length] : text.Get.Replace("\0", "", StringComparison.Ordinal);
        string value = Uri.EscapeDataString(raw.Length > 300 ? raw[..300] : raw);
        string url = pathParameters.Aggregate(path, (p, name) => p.Replace("{" + name + "}", inPath ? value : fixture.Known(path, name), StringComparison.Ordinal));
        if (url.Contains("//", StringComparison.Ordinal))
        {
            url = pathParameters.Aggregate(path, (p, name) => p.Replace("{" + name + "}", fixture.Known(path, name), StringComparison.Ordinal));
        }
        if (queryParameters.Length > 0)
        {
            url += "?" + string.Join("&", queryParameters.Select(name => $"{name}={value}"));
        }
        var response = fixture.Client.GetAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult();
        int status = (int)response.StatusCode;
        string answer = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (status >= 500)
        {
            throw new InvalidOperationException($"{status} for GET {url}: {answer}");
        }
        if (status < 400)
        {
            return true;
        }
        return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && ErrorCodes.All.Contains(JsonNode.Parse(answer)!["code"]?.GetValue<string>());
    }

    /// <summary>
    /// 3 000 mutated bodies across those operations, the amendment with the plan's current ETag: never a 5xx, every error
    /// a problem detail with a documented code, every answer within its budget. A failure names the operation and prints
    /// the body.
    /// </summary>
    [Property(MaxTest = 3_000)]
    public bool NoDocumentedOperation_AnswersA5xx_AndEveryErrorIsAProblem(NonNegativeInt which, int seed, PositiveInt count)
    {
        var operation = fixture.Bodies[which.Get % fixture.Bodies.Count];
        string json = FuzzArbitraries.Mutate(operation.Example, new Random(seed), 1 + (count.Get % 4));
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(operation.Path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (operation.Method == "PUT" && operation.Path.StartsWith("/v1/saved-plans/", StringComparison.Ordinal))
        {
            var current = fixture.Client.GetAsync(new Uri(operation.Path, UriKind.Relative)).GetAwaiter().GetResult();
            request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag?.Tag ?? "\"1\"");
        }
        var response = fixture.Client.SendAsync(request).GetAwaiter().GetResult();
        return FuzzProperties.IsSoundAnswer(response, json, $"{operation} (seed {seed}, count {1 + (count.Get % 4)}) {(json.Length > 600 ? json[..600] + "…" : json)}");
    }

    /// <summary>
    /// 1 000 requests with the headers a client chooses — <c>Accept</c>, <c>Accept-Language</c>, <c>If-Match</c>,
    /// <c>Authorization</c> — set to any printable text: never a 5xx, and every error a problem with a documented code,
    /// whatever the client says it accepts (a 401 to « Accept: a/a » was once an empty 500).
    /// </summary>
    [Property(MaxTest = 1_000)]
    public bool NoHeaderValue_AnswersA5xx_AndErrorsAreProblemsWhateverTheAcceptHeader(NonNull<string> text, NonNegativeInt which)
    {
        string value = new([.. text.Get.Where(c => c is >= ' ' and < '\u007f')]);
        var amendment = fixture.Bodies.First(b => b.Method == "PUT" && b.Path.StartsWith("/v1/saved-plans/", StringComparison.Ordinal));
        bool amend = which.Get % 3 == 0;
        using var request = new HttpRequestMessage(amend ? HttpMethod.Put : HttpMethod.Get, new Uri(amend ? amendment.Path : "/v1/portfolio", UriKind.Relative));
        if (amend)
        {
            request.Content = new StringContent(amendment.Example, Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("If-Match", value);
        }
        request.Headers.TryAddWithoutValidation("Accept", value);
        request.Headers.TryAddWithoutValidation("Accept-Language", value);
        if (which.Get % 5 == 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + value);
        }
        else
        {
            request.Headers.Authorization = fixture.Client.DefaultRequestHeaders.Authorization;
        }
        using var client = fixture.Factory.CreateClient();
        var response = client.SendAsync(request).GetAwaiter().GetResult();
        int status = (int)response.StatusCode;
        string answer = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (status >= 500)
        {
            throw new InvalidOperationException($"{status} for {request.Method} {request.RequestUri} with « {value} »: {answer}");
        }
        return status < 400 || (response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && ErrorCodes.All.Contains(JsonNode.Parse(answer)!["code"]?.GetValue<string>()));
    }
}
