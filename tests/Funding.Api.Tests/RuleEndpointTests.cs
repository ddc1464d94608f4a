using System.Text.Json.Nodes;
using Funding.Contracts;

namespace Funding.Api.Tests;

/// <summary><c>GET /v1/rules</c>: every registered rule type, as its descriptor says it, and the same in the OpenAPI document.</summary>
public class RuleEndpointTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    [Fact]
    public async Task Rules_ListEveryRegisteredType_WithItsFrenchLabelAndFields()
    {
        using var client = factory.CreateClient();
        var rules = (await client.GetJsonAsync("/v1/rules"))["rules"]!.AsArray();

        rules.Select(r => r!["type"]!.GetValue<string>()).ShouldBe(RuleCatalog.All.Select(t => t.Descriptor.Type));
        var rate = rules.Single(r => r!["type"]!.GetValue<string>() == "rate")!;
        rate["label"]!.GetValue<string>().ShouldBe("Taux de la dépense");
        rate["schema"]!.GetValue<string>().ShouldBe("RateRuleInput");
        var percent = rate["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "ratePercent")!;
        (percent["kind"]!.GetValue<string>(), percent["unit"]!.GetValue<string>(), percent["required"]!.GetValue<bool>()).ShouldBe(("percent", "%", true));
        (percent["minimum"]!.GetValue<decimal>(), percent["maximum"]!.GetValue<decimal>()).ShouldBe((0m, 100m));
        var capPer = rate["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "capPer")!;
        capPer["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ShouldBe(["period", "budgetYear"]);
        rate["sweeps"]!.AsArray().Select(s => s!["parameter"]!.GetValue<string>()).ShouldBe(["rate", "cap"]);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEachRule_FromTheSameDescriptor()
    {
        using var client = factory.CreateClient();
        var schemas = (await client.GetJsonAsync("/openapi/v1.json"))["components"]!["schemas"]!;
        var union = schemas["RuleInput"]!;
        union["discriminator"]!["mapping"]!.AsObject().Select(m => m.Key).ShouldBe(RuleCatalog.All.Select(t => t.Descriptor.Type));
        foreach (var type in RuleCatalog.All.Select(t => t.Descriptor))
        {
            var variant = schemas[type.SchemaName]!.AsObject();
            variant["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["type", .. type.Fields.Select(f => f.Name)], type.Type);
            variant["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["type", .. type.Fields.Where(f => f.Required).Select(f => f.Name)], type.Type);
            variant["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        }
    }
}
