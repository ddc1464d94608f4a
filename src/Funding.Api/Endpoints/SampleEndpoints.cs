using Funding.Contracts;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>The built-in sample plans, ready to post to /v1/plans.</summary>
internal static class SampleEndpoints
{
    public static IEndpointRouteBuilder MapSamples(this IEndpointRouteBuilder app)
    {
        var samples = app.MapGroup("/v1/samples").WithTags("Samples");
        samples.MapGet("/", List)
            .WithName("ListSamples")
            .WithSummary("Lists the built-in sample plans.")
            .WithDescription("The seed case is 'territoire-industrie-finistere'.");
        samples.MapGet("/{id}", Get)
            .WithName("GetSample")
            .WithSummary("Returns a sample plan, ready to post to /v1/plans.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Ok<SampleSummary[]> List() => TypedResults.Ok(SamplePlans.All.Select(s => new SampleSummary
    {
        Id = s.Id,
        Title = s.Title,
        Description = s.Plan.Description,
        Href = $"/v1/samples/{s.Id}",
    }).ToArray());

    internal static Results<Ok<PlanRequest>, ProblemHttpResult> Get(string id) =>
        SamplePlans.TryGet(id, out var sample)
            ? TypedResults.Ok(PlanMapping.ToRequest(sample.Plan))
            : TypedResults.Problem(Errors.ApiProblems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                new(ErrorCodes.NotFound, "Exemple introuvable.", "No such sample."),
                new(ErrorCodes.NotFound,
                    $"Aucun exemple n'a l'identifiant « {Shorten(id)} » ; voyez GET /v1/samples pour la liste.",
                    $"No sample has the id '{Shorten(id)}'; see GET /v1/samples for the list.")));

    private static string Shorten(string id) => id.Length > 60 ? id[..60] + "…" : id;
}
