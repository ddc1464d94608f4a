using System.Text.Json;
using System.Text.Json.Nodes;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;

namespace Funding.Api.Tests;

/// <summary>The seed plan as the API's JSON, for building requests in tests.</summary>
public static class Seeds
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string PlanJson => JsonSerializer.Serialize(PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan), Options);

    public static JsonNode Plan() => JsonNode.Parse(PlanJson)!;

    public static string Mutate(Action<JsonNode> change)
    {
        var plan = Plan();
        change(plan);
        return plan.ToJsonString();
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
