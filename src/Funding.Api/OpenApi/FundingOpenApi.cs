using System.Text.Json;
using System.Text.Json.Nodes;
using Funding.Api.Contracts;
using Funding.Api.Json;
using Funding.Api.Mapping;
using Funding.Plans;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Funding.Api.OpenApi;

/// <summary>
/// The OpenAPI document: title and conventions, dates and money described as they travel, and the seed case as the
/// example request of the plan endpoints.
/// </summary>
internal static class FundingOpenApi
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Funding API",
                Version = "v1",
                Description =
                    "Exact co-financing calculations for French public projects: how the cost of a post or project is shared between its funders " +
                    "(the State, intercommunalities by a 'clé de répartition', the carrier's 'reste à charge'), to the cent, with the explanation of every figure.\n\n" +
                    "Conventions: field names are camelCase; money is in euros as JSON numbers with at most two decimals (read as exact decimals, never as binary floating point), " +
                    "between -10^12 and 10^12; rates travel as percents in fields named '...Percent' (50 means 50 %); dates are YYYY-MM-DD. " +
                    "Every response carries 'calculationVersion'. Errors are RFC 9457 problem details (application/problem+json); validation errors list, under 'errors', " +
                    "the JSON path of each offending field. Limits: bodies up to 4 MiB, 100 000 parties per allocation, 2 000 funders per plan, 600 months.",
            };
            document.Servers?.Clear();
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(LocalDate) || type == typeof(LocalDate?))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = "date";
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }
            else if (type == typeof(decimal) || type == typeof(decimal?))
            {
                schema.Type = type == typeof(decimal) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
                schema.Format = "decimal";
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName switch
            {
                "EvaluatePlan" or "PlanReport" => Serialize(PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan)),
                "ComparePlans" => Serialize(new CompareRequest
                {
                    Baseline = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan),
                    Variant = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan with
                    {
                        Funders = [SamplePlans.TerritoireIndustrieFinistere.Plan.Funders[0] with { Rule = new RateRule(Rate.Percent(50)) { Cap = Money.Euros(100_000m) } }, .. SamplePlans.TerritoireIndustrieFinistere.Plan.Funders.Skip(1)],
                    }),
                }),
                "SplitAmount" => Serialize(new AllocationRequest
                {
                    Amount = 103_800.00m,
                    Key = new WeightKeyInput { Label = "population" },
                    Parties = SamplePlans.FinistereEpcis.Select(e => new PartyInput { Id = e.Id, Name = e.Name, Weight = e.Population }).ToArray(),
                }),
                "ApplyCap" => Serialize(new CapRequest { Base = 207_600.00m, RatePercent = 50, Cap = 80_000.00m }),
                _ => null,
            };
            if (example is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = example;
            }
            // Answers computed by the handlers themselves on the example requests: never written by hand.
            string? endpoint = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            if (endpoint is not null && ResponseExamples.Value.TryGetValue(endpoint, out var answer)
                && operation.Responses?.TryGetValue("200", out var success) == true && success.Content?.TryGetValue("application/json", out var answerMedia) == true)
            {
                answerMedia.Example = answer.DeepClone();
            }
            if (operation.Responses?.TryGetValue("400", out var invalid) == true && invalid.Content?.TryGetValue("application/problem+json", out var problemMedia) == true)
            {
                problemMedia.Example = ValidationExample.DeepClone();
            }
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().Any(n => n.EndpointName == "PlanReport")
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                // One 200 answer, four representations: the text formats next to the JSON one.
                foreach (string textType in ReportTextTypes)
                {
                    content[textType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
            }
            return Task.CompletedTask;
        });
    }

    private static readonly string[] ReportTextTypes = ["text/markdown", "text/html", "text/csv"];

    private static readonly Lazy<Dictionary<string, JsonNode>> ResponseExamples = new(() =>
    {
        var seed = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan);
        static JsonNode Value<T>(IResult result) => Serialize(((Microsoft.AspNetCore.Http.HttpResults.Ok<T>)result).Value)!;
        return new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["EvaluatePlan"] = Value<PlanResponse>(Endpoints.PlanEndpoints.Evaluate(seed, "summary").Result),
            ["ApplyCap"] = Value<CapResponse>(Endpoints.CapEndpoints.Apply(new CapRequest { Base = 207_600.00m, RatePercent = 50, Cap = 80_000.00m }).Result),
            ["ListSamples"] = Value<SampleSummary[]>(Endpoints.SampleEndpoints.List()),
            ["GetHealth"] = Value<HealthResponse>(Endpoints.HealthEndpoints.GetHealth()),
        };
    });

    /// <summary>A validation problem as the API writes it (the trace id varies).</summary>
    private static readonly JsonNode ValidationExample = JsonNode.Parse("""
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
          "title": "The request is not valid.",
          "status": 400,
          "detail": "See 'errors': each key is the JSON path of an offending field.",
          "errors": { "funders[0].rule.ratePercent": ["150 % is not a valid rate: a rate must be between 0 % and 100 %."] },
          "traceId": "0HNQB33DSB9F6:00000001"
        }
        """)!;

    private static readonly JsonSerializerOptions ExampleOptions = CreateExampleOptions();

    private static JsonSerializerOptions CreateExampleOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    private static JsonNode? Serialize<T>(T value) => JsonSerializer.SerializeToNode(value, ExampleOptions);
}
