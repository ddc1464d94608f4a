using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

public class OpenApiDocumentTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// docs/openapi.json is the contract clients read in review. When the API changes, this test fails until the copy is
    /// regenerated: <c>UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests</c>, then review the diff.
    /// </summary>
    [Fact]
    public async Task CommittedDocument_MatchesTheRunningApi()
    {
        using var client = factory.CreateClient();
        string live = Normalize(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        string path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, live + "\n");
        }
        File.Exists(path).ShouldBeTrue("docs/openapi.json is missing: run UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests");
        string committed = Normalize(await File.ReadAllTextAsync(path));

        if (committed != live)
        {
            var liveLines = live.Split('\n');
            var committedLines = committed.Split('\n');
            int line = Enumerable.Range(0, Math.Min(liveLines.Length, committedLines.Length)).FirstOrDefault(i => liveLines[i] != committedLines[i]);
            throw new ShouldAssertException(
                $"docs/openapi.json has drifted from the running API (first difference at line {line + 1}):\n" +
                $"  committed: {committedLines.ElementAtOrDefault(line)}\n  live:      {liveLines.ElementAtOrDefault(line)}\n" +
                "Regenerate it with UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests and review the diff.");
        }
    }

    [Fact]
    public async Task Document_DescribesEveryEndpoint_TheSeedExample_AndTheProblems()
    {
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        var paths = document["paths"]!.AsObject();
        paths.Select(p => p.Key).ShouldBe(["/health", "/v1/allocations", "/v1/caps", "/v1/plans", "/v1/plans/compare", "/v1/plans/keys", "/v1/plans/sweep", "/v1/plans/execution", "/v1/plans/execution/report", "/v1/plans/report", "/v1/samples", "/v1/samples/{id}", "/v1/rules", "/v1/programmes", "/v1/programmes/{id}", "/v1/programmes/{id}/plans", "/v1/workspace/programmes/{id}", "/v1/workspace/programmes/{id}/versions", "/v1/weights/import",
            "/v1/saved-plans", "/v1/saved-plans/{id}", "/v1/saved-plans/{id}/versions", "/v1/saved-plans/{id}/versions/{number}",
            "/v1/saved-plans/{id}/versions/{a}/compare/{b}", "/v1/saved-plans/{id}/versions/{number}/sign", "/v1/saved-plans/{id}/versions/{number}/recompute", "/v1/saved-plans/{id}/executions", "/v1/saved-plans/{id}/executions/{number}",
            "/v1/workspace/export", "/v1/workspace/import", "/v1/workspace/keys", "/v1/workspace/keys/{key}", "/v1/audit", "/v1/portfolio", "/v1/workspace/funder-aliases", "/v1/workspace/envelopes", "/v1/workspace/envelopes/{id}"], ignoreOrder: true);
        foreach (var (route, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operation!["summary"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {route}");
                operation["operationId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {route}");
                if (method == "post")
                {
                    operation["responses"]!["400"]!["content"]!["application/problem+json"].ShouldNotBeNull($"{route} documents its validation problem");
                    operation["responses"]!["413"].ShouldNotBeNull();
                    operation["requestBody"]!["content"]!["application/json"]!["example"].ShouldNotBeNull($"{route} has an example request");
                }
            }
        }
        var example = paths["/v1/plans"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        example["funders"]![0]!["rule"]!["cap"]!.GetValue<decimal>().ShouldBe(80_000m);
        example["funders"]![1]!["rule"]!["annualAmount"]!.GetValue<decimal>().ShouldBe(11_593.50m);
        var report = paths["/v1/plans/report"]!["post"]!;
        report["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ShouldBe(["text/markdown", "text/html", "text/csv", "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"], ignoreOrder: true);
        report["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["format", "funderId", "csv"], ignoreOrder: true);
        var schemas = document["components"]!["schemas"]!;
        schemas["RateRuleInput"]!["properties"]!["ratePercent"]!["description"]!.GetValue<string>().ShouldContain("pourcentage");
        schemas["CostInputAnnualCostInput"].ShouldBeNull("variants have readable names");
        schemas["AnnualCostInput"]!["properties"]!["start"]!.ToJsonString().ShouldContain("date");
    }

    /// <summary>
    /// A request body is described by its own parameter's comment, or not at all: the OpenAPI generator gives a body the
    /// comment of any handler parameter it does not bind, so that a handler's HttpContext or service described it
    /// (« The request, for its size »). Every body's description is checked against those its endpoints had.
    /// </summary>
    [Fact]
    public async Task RequestBodies_AreDescribedByTheBody()
    {
        using var client = factory.CreateClient();
        var paths = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!["paths"]!.AsObject();
        var described = paths.SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key} {path.Key}", Body: operation.Value!["requestBody"])))
            .Where(operation => operation.Body?["description"] is not null)
            .ToDictionary(operation => operation.Name, operation => (string)operation.Body!["description"]!);
        described["post /v1/allocations"].ShouldBe("The amount, the key and the parties.");
        described["post /v1/plans/report"].ShouldBe("The plan.");
        described["post /v1/programmes/{id}/plans"].ShouldBe("The post's cost and dates, its carrier, the partners and their agreed rates.");
        described.Values.ShouldAllBe(text => !text.StartsWith("The request", StringComparison.Ordinal) && !text.StartsWith("The workspace's", StringComparison.Ordinal));
    }

    /// <summary>What generated clients need of the document (the hardening of issue 19), checked on every schema.</summary>
    [Fact]
    public async Task Document_IsUsableByGeneratedClients()
    {
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        string text = document.ToJsonString();

        text.ShouldNotContain("\"anyOf\"");
        foreach (string union in new[] { "CostInput", "RuleInput", "KeyInput", "PoolInput", "PaymentInput" })
        {
            var variants = schemas[union]!["oneOf"]!.AsArray();
            variants.Count.ShouldBeGreaterThan(1, union);
            var mapping = schemas[union]!["discriminator"]!["mapping"]!.AsObject();
            foreach (var variant in variants)
            {
                string name = variant!["$ref"]!.GetValue<string>().Split('/')[^1];
                var schema = schemas[name]!;
                schema["type"]!.GetValue<string>().ShouldBe("object", name);
                schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain("type", name);
                string literal = schema["properties"]!["type"]!["enum"]![0]!.GetValue<string>();
                schema["properties"]!["type"]!["default"]!.GetValue<string>().ShouldBe(literal);
                mapping[literal]!.GetValue<string>().ShouldEndWith("/" + name);
            }
        }
        Walk(schemas, "", (path, node) =>
        {
            if (node["oneOf"] is JsonArray oneOf)
            {
                oneOf.ShouldNotContain(o => o!["type"] != null && o["type"]!.ToJsonString() == "\"null\"", $"{path}: no null wrapper");
            }
            if (node["type"]?.ToJsonString() is "\"array\"" or "[\"null\",\"array\"]")
            {
                node["items"].ShouldNotBeNull($"{path}: an array has items");
            }
            if (node["format"] is JsonValue format && format.GetValue<string>() == "decimal")
            {
                path.ShouldBeOneOf(["/Money", "/Percent", "/Weight", "/ExactAmount", "/Decimal"], "every decimal is one of the value schemas");
            }
        });
        schemas["Money"]!["multipleOf"]!.GetValue<decimal>().ShouldBe(0.01m);
        schemas["PartyInput"]!["properties"]!["weights"]!["additionalProperties"]!["$ref"]!.GetValue<string>().ShouldEndWith("/Weight");
        schemas["ShareOutput"]!["properties"]!["exactAmount"]!["$ref"]!.GetValue<string>().ShouldEndWith("/ExactAmount");
        schemas["FunderOutput"]!["properties"]!["shareOfCostPercent"]!["$ref"]!.GetValue<string>().ShouldEndWith("/Percent");
        schemas["CompareTotalsOutput"]!["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["totalCost", "totalFunded", "publicFunding", "carrierShare", "unfunded", "overFunding"]);
        foreach (string problem in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            schemas[problem]!["properties"]!["traceId"].ShouldNotBeNull(problem);
            schemas[problem]!["additionalProperties"].ShouldBeNull(problem);
        }
        var report = document["paths"]!["/v1/plans/report"]!["post"]!["parameters"]!.AsArray();
        report.Single(p => p!["name"]!.GetValue<string>() == "format")!["schema"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["markdown", "html", "csv", "json", "xlsx", "docx"]);
        report.Single(p => p!["name"]!.GetValue<string>() == "csv")!["schema"]!["default"]!.GetValue<string>().ShouldBe("fr");
        // A filter has no default: without applicant, every programme is listed, not those a state may carry.
        var applicant = document["paths"]!["/v1/programmes"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "applicant")!;
        applicant["schema"]!["enum"]!.AsArray().Count.ShouldBe(7);
        applicant["schema"]!.AsObject().ContainsKey("default").ShouldBeFalse();
        document["paths"]!["/v1/samples/{id}"]!["get"]!["parameters"]![0]!["example"]!.GetValue<string>().ShouldBe("territoire-industrie-finistere");
        document["servers"]!.AsArray().Count.ShouldBe(1);
        document["security"]!.AsArray().Count.ShouldBe(0);
        document["info"]!["license"]!["identifier"]!.GetValue<string>().ShouldBe("MIT");
        document["tags"]!.AsArray().ShouldAllBe(t => !string.IsNullOrWhiteSpace(t!["description"]!.GetValue<string>()));
        foreach (var (route, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operation!["responses"]!.AsObject().ShouldContain(r => r.Key.StartsWith('4'), $"{method} {route} documents a 4XX");
                // Its success too, with what it answers: a generated client has no return type without it (the saved
                // plans' list, a plan's versions and the portfolio's JSON once lacked theirs).
                var success = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
                success.ShouldNotBeEmpty($"{method} {route} documents its success");
                success.ShouldAllBe(r => r.Key == "204" || r.Value!["content"]!.AsObject().Count > 0, $"{method} {route} says what its success answers");
            }
        }
    }

    /// <summary>
    /// Every property holding a value (a string, number, boolean or enum) has an example, taken from real answers and
    /// samples (FundingOpenApi.SchemaExamples) — but a problem's <c>instance</c>, which this API never writes.
    /// </summary>
    [Fact]
    public async Task EveryValueProperty_HasAnExample()
    {
        using var client = factory.CreateClient();
        var schemas = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!["components"]!["schemas"]!.AsObject();
        bool IsValue(JsonNode property)
        {
            if (property["$ref"]?.GetValue<string>() is { } reference)
            {
                var target = schemas[reference.Split('/')[^1]]!;
                return target["enum"] is not null || target["type"]?.ToJsonString() is "\"number\"" or "\"string\"" or "\"integer\"" or "\"boolean\"";
            }
            string type = property["type"]?.ToJsonString() ?? "";
            return type.Contains("number", StringComparison.Ordinal) || type.Contains("string", StringComparison.Ordinal)
                || type.Contains("integer", StringComparison.Ordinal) || type.Contains("boolean", StringComparison.Ordinal);
        }
        var missing = schemas
            .SelectMany(s => (s.Value!["properties"] as JsonObject ?? []).Select(p => (Schema: s.Key, Property: p.Key, Node: p.Value!)))
            .Where(p => p.Property != "instance" && IsValue(p.Node) && p.Node["example"] is null)
            .Select(p => $"{p.Schema}.{p.Property}")
            .ToList();
        missing.ShouldBeEmpty();
    }

    private static void Walk(JsonNode? node, string path, Action<string, JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                visit(path, obj);
                foreach (var (key, value) in obj)
                {
                    Walk(value, path + "/" + key, visit);
                }
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", visit);
                }
                break;
        }
    }

    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!;
        return node.ToJsonString(Pretty).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Funding.sln).");
    }
}
