using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Funding.Api.Tests;

/// <summary>
/// Generated clients read the answers by the schemas the OpenAPI document gives them: every operation's JSON answer
/// must be valid against its documented schema (types, required properties, no undocumented property, the money's
/// cents, the enums' names), not only the examples.
/// </summary>
public class DocumentedAnswersTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// The workspace's changes first, in an order where each finds what it needs (the import first: its example brings
    /// the programme the programme's example saves again); then every read and computation.
    /// </summary>
    private static readonly string[] Mutations =
    [
        "post /v1/workspace/import", "put /v1/saved-plans/{id}", "post /v1/saved-plans/{id}/versions/{number}/sign", "post /v1/saved-plans/{id}/executions",
        "put /v1/workspace/programmes/{id}", "put /v1/workspace/envelopes/{id}", "put /v1/workspace/funder-aliases",
        "post /v1/workspace/keys", "post /v1/weights/import", "post /v1/saved-plans",
    ];

    /// <summary>
    /// Every operation but the deletions, called with its documented example body (the seed saved first): each answers a
    /// success, and each JSON answer is valid against the schema the document gives it for that status.
    /// </summary>
    [Fact]
    public async Task EveryJsonAnswer_IsValidAgainstItsDocumentedSchema()
    {
        await using var workspace = await DocumentedWorkspace.StartAsync("ws-answers");
        var client = workspace.Client;

        string documentText = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = JsonNode.Parse(documentText)!;
        var definitions = Definitions(documentText);

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .Where(o => o.Method != "delete")
            .OrderBy(o => Array.IndexOf(Mutations, $"{o.Method} {o.Path}") is var i && i >= 0 ? i : Mutations.Length)
            .ToList();
        var failures = new List<string>();
        int validated = 0;
        foreach (var (template, method, operation) in operations)
        {
            string path = workspace.Fill(template);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(path, UriKind.Relative));
            if (operation["requestBody"]?["content"]?["application/json"]?["example"] is { } example)
            {
                request.Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json");
            }
            if (method == "put" && template == "/v1/saved-plans/{id}")
            {
                var current = await client.GetAsync(new Uri(path, UriKind.Relative));
                request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
            }
            using var response = await client.SendAsync(request);
            string answer = await response.Content.ReadAsStringAsync();
            string status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!status.StartsWith('2'))
            {
                failures.Add($"{method} {template}: {status} {(answer.Length > 300 ? answer[..300] : answer)}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                continue;
            }
            if (operation["responses"]?[status]?["content"]?["application/json"]?["schema"] is not { } documented)
            {
                failures.Add($"{method} {template}: answers {status} JSON that the document does not describe");
                continue;
            }
            validated++;
            if (Errors(documented, definitions, answer) is { } errors)
            {
                failures.Add($"{method} {template}: {errors}");
            }
        }
        output.WriteLine($"{validated} JSON answers validated");
        failures.ShouldBeEmpty();
        validated.ShouldBeGreaterThanOrEqualTo(30, "the workspace's answers and the computations are reached");
    }

    /// <summary>
    /// Every request body's documented example — what Swagger UI sends on « Try it out », and what a client copies — is
    /// valid against the body's own schema.
    /// </summary>
    [Fact]
    public async Task EveryDocumentedBodyExample_IsValidAgainstItsSchema()
    {
        await using var factory = new FundingApiFactory();
        using var client = factory.CreateClient();
        string documentText = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var definitions = Definitions(documentText);
        var bodies = JsonNode.Parse(documentText)!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Operation: $"{o.Key} {p.Key}", Media: o.Value!["requestBody"]?["content"]?["application/json"])))
            .Where(b => b.Media?["example"] is not null && b.Media["schema"] is not null)
            .ToList();
        bodies.Count.ShouldBeGreaterThanOrEqualTo(20, "the documented bodies are found");
        bodies.Select(b => Errors(b.Media!["schema"]!, definitions, b.Media["example"]!.ToJsonString()) is { } errors ? $"{b.Operation}: {errors}" : null)
            .OfType<string>().ShouldBeEmpty();
    }

    /// <summary>The document's components as a JSON Schema's definitions, without the OpenAPI keywords JSON Schema does not have.</summary>
    private static JsonNode Definitions(string documentText)
    {
        var definitions = JsonNode.Parse(documentText.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!["components"]!["schemas"]!;
        Strip(definitions);
        return definitions;
    }

    /// <summary>Why <paramref name="json"/> is not valid against the documented <paramref name="schema"/> (its first errors), or null when it is.</summary>
    private static string? Errors(JsonNode schema, JsonNode definitions, string json)
    {
        var schemaNode = JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        Strip(schemaNode);
        schemaNode["$defs"] = definitions.DeepClone();
        using var instance = JsonDocument.Parse(json);
        var results = JsonSchema.FromText(schemaNode.ToJsonString()).Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? null : string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(8));
    }

    /// <summary>Removes the OpenAPI keywords that are not JSON Schema's (examples and discriminators: annotations here).</summary>
    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("example");
                obj.Remove("discriminator");
                foreach (var (_, value) in obj.ToList())
                {
                    Strip(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }
                break;
        }
    }
}
