using Funding.Contracts;
using Funding.Contracts.Mapping;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>The rule types the API knows, described for forms and generated clients.</summary>
internal static class RuleEndpoints
{
    private static readonly RuleCatalogResponse Catalog = RuleCatalogMapping.ToResponse();

    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/rules").WithTags("Rules")
            .MapGet("/", List)
            .WithName("ListRules")
            .WithSummary("Lists every contribution rule type with its French label and fields.")
            .WithDescription("Each rule's JSON name (its 'type'), label, help, fields (kind, unit, limits, default, choices) and the fields a sweep may vary: " +
                "what the simulator page builds its form from. The rules' schemas in this document are built from the same descriptors.");
        return app;
    }

    internal static Ok<RuleCatalogResponse> List() => TypedResults.Ok(Catalog);
}
