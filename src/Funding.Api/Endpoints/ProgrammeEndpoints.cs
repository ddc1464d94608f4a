using Funding.Api.Errors;
using Funding.Application.Programmes;
using Funding.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>The catalogue of programmes ("dispositifs"): the list, a programme's rules in force on a day, and a plan started from one.</summary>
internal static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/v1/programmes").WithTags("Programmes");
        programmes.MapGet("/", List)
            .WithName("ListProgrammes")
            .WithSummary("The programmes of the catalogue (Petites villes de demain, Territoires d'industrie, DETR…), each said in force or not on 'date', those 'applicant' may carry.")
            .ProducesValidationProblem();
        programmes.MapGet("/{id}", Show)
            .WithName("GetProgramme")
            .WithSummary("A programme's rules in force on 'date': its funders and the rule of each in the plans' own vocabulary, its shared ceilings, longest period and options, each with its public source.")
            .Produces<ProgrammeOutput>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        programmes.MapPost("/{id}/plans", Plan)
            .WithName("PlanFromProgramme")
            .WithSummary("A plan started from a programme: its funders in force on 'start' with their rules (the rates agreed locally given in 'partners'), its ceilings, the carrier paying what is left; ready for POST /v1/plans, naming its programme.")
            .Produces<PlanRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .ProducesStandardProblems();
        return app;
    }

    /// <param name="date">The day a post would start (YYYY-MM-DD): each programme says whether it is in force then.</param>
    /// <param name="applicant">The kind of carrier: only the programmes it may carry.</param>
    internal static Results<Ok<ProgrammeSummaryOutput[]>, ValidationProblem> List(string? date = null, Choice<FunderKind>? applicant = null)
    {
        var outcome = ProgrammeService.List(date, applicant);
        return outcome.Value is { } list ? TypedResults.Ok(list) : outcome.Invalid();
    }

    /// <param name="id">The programme's id.</param>
    /// <param name="date">The day whose rules to give; the latest known rules when absent.</param>
    internal static IResult Show(string id, string? date = null) => ProgrammeService.Show(id, date).ToResult(TypedResults.Ok);

    /// <param name="id">The programme's id.</param>
    /// <param name="request">The post's cost and dates, its carrier, the partners and their agreed rates.</param>
    internal static IResult Plan(string id, ProgrammePlanRequest request) => ProgrammeService.Plan(id, request).ToResult(TypedResults.Ok);
}
