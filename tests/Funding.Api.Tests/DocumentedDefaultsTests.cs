using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>
/// The OpenAPI document is the contract generated clients read: a query parameter's <c>default</c> must be what the
/// endpoint does when the parameter is absent (the programmes' <c>applicant</c> filter was once documented with the
/// default « state » while its absence filters nothing).
/// </summary>
public class DocumentedDefaultsTests
{
    /// <summary>
    /// For every operation without side effects (every GET, and the computing POSTs with their documented example body),
    /// and every query parameter whose schema declares a default: the answer without the parameter is the answer with
    /// the default written out, status and bytes.
    /// </summary>
    [Fact]
    public async Task EveryDocumentedDefault_IsWhatAnAbsentParameterDoes()
    {
        await using var workspace = await DocumentedWorkspace.StartAsync("ws-defaults");
        var client = workspace.Client;
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var compared = new List<string>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                string? body = operation!["requestBody"]?["content"]?["application/json"]?["example"]?.ToJsonString();
                bool computing = method == "post" && body is not null
                    && (template.StartsWith("/v1/plans", StringComparison.Ordinal) || template is "/v1/allocations" or "/v1/caps" or "/v1/programmes/{id}/plans");
                if (method != "get" && !computing)
                {
                    continue;
                }
                string path = workspace.Fill(template);
                foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query"))
                {
                    if (parameter!["schema"]?["default"] is not { } given)
                    {
                        continue;
                    }
                    string name = parameter["name"]!.GetValue<string>();
                    string value = given.GetValueKind() == System.Text.Json.JsonValueKind.String ? given.GetValue<string>() : given.ToJsonString();
                    var (absentStatus, absent) = await Send(client, method, path, body);
                    var (explicitStatus, written) = await Send(client, method, $"{path}?{name}={Uri.EscapeDataString(value)}", body);
                    absentStatus.ShouldBe(System.Net.HttpStatusCode.OK, $"{method} {path}: {Encoding.UTF8.GetString(absent)}");
                    explicitStatus.ShouldBe(absentStatus, $"{method} {path}?{name}={value}");
                    written.ShouldBe(absent, $"{method} {path}: absent {name} is not its documented default « {value} »");
                    compared.Add($"{method} {template} {name}");
                }
            }
        }
        // The document's defaults are reached: format, csv and explain on the computing endpoints, the portfolio's, the list's.
        compared.Count.ShouldBeGreaterThanOrEqualTo(10, string.Join("; ", compared));
        compared.ShouldContain("post /v1/plans explain");
        compared.ShouldContain("post /v1/plans/report format");
        compared.ShouldContain("post /v1/plans/sweep csv");
    }

    private static async Task<(System.Net.HttpStatusCode Status, byte[] Bytes)> Send(HttpClient client, string method, string url, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }
}
