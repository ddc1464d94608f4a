using System.Globalization;
using Funding.Api.Errors;
using Funding.Api.Security;
using Funding.Application.Programmes;
using Funding.Application.SavedPlans;
using Funding.Plans;
using Funding.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Funding.Api.Endpoints;

/// <summary>
/// The catalogue of programmes ("dispositifs"): the list, a programme's rules in force on a day, and a plan started from
/// one — the national ones for everyone, and, with a workspace's key or token, the workspace's own programmes beside
/// them, saved version by version.
/// </summary>
internal static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/v1/programmes").WithTags("Programmes");
        programmes.MapGet("/", List)
            .WithName("ListProgrammes")
            .WithSummary("The programmes of the catalogue (Petites villes de demain, Territoires d'industrie, DETR…), each said in force or not on 'date', those 'applicant' may carry; with a workspace's key or token, its own programmes too, marked local.")
            .ProducesValidationProblem();
        programmes.MapGet("/{id}", Show)
            .WithName("GetProgramme")
            .WithSummary("A programme's rules in force on 'date': its funders and the rule of each in the plans' own vocabulary, its shared ceilings, longest period and options, each with its source. A local programme's 'version' (the latest when absent).")
            .Produces<ProgrammeOutput>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        programmes.MapPost("/{id}/plans", Plan)
            .WithName("PlanFromProgramme")
            .WithSummary("A plan started from a programme: its funders in force on 'start' with their rules (the rates agreed locally given in 'partners'), its ceilings, the carrier paying what is left; ready for POST /v1/plans, naming its programme (and a local programme's version).")
            .Produces<PlanRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .ProducesStandardProblems();

        var local = app.MapGroup("/v1/workspace/programmes").WithTags("Programmes").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        local.MapPut("/{id}", Save).WithName("SaveWorkspaceProgramme").RequireRole(WorkspaceRole.Editor)
            .WithSummary("Saves the next version of one of the workspace's own programmes (a Region's or a Department's scheme), in the catalogue's file format, checked as the catalogue's files are: every problem names its field under 'programme'. If-Match, when sent, must name the latest version.")
            .Produces<ProgrammeVersionOutput>().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesValidationProblem().ProducesStandardProblems();
        local.MapGet("/{id}", File).WithName("GetWorkspaceProgrammeFile").RequireRole(WorkspaceRole.Reader)
            .WithSummary("A version of one of the workspace's own programmes (the latest when 'version' is absent), with its file as saved, to edit and save again.")
            .Produces<SavedProgrammeOutput>().ProducesProblem(StatusCodes.Status404NotFound);
        local.MapGet("/{id}/versions", Versions).WithName("ListWorkspaceProgrammeVersions").RequireRole(WorkspaceRole.Reader)
            .WithSummary("The versions of one of the workspace's own programmes: who saved each, when and why.")
            .Produces<ProgrammeVersionOutput[]>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="date">The day a post would start (YYYY-MM-DD): each programme says whether it is in force then.</param>
    /// <param name="applicant">The kind of carrier: only the programmes it may carry.</param>
    internal static async Task<Results<Ok<ProgrammeSummaryOutput[]>, ValidationProblem>> List(HttpContext context, WorkspaceProgrammeService service,
        string? date = null, Choice<FunderKind>? applicant = null)
    {
        var outcome = ProgrammeService.List(date, applicant, await service.LatestAsync(context.User.WorkspaceOrNull(), context.RequestAborted));
        return outcome.Value is { } list ? TypedResults.Ok(list) : outcome.Invalid();
    }

    /// <param name="id">The programme's id.</param>
    /// <param name="date">The day whose rules to give; the latest known rules when absent.</param>
    /// <param name="version">A local programme's version; the latest when absent.</param>
    internal static async Task<IResult> Show(string id, HttpContext context, WorkspaceProgrammeService service, string? date = null, int? version = null) =>
        ProgrammeService.Show(id, date, version, await service.OneAsync(context.User.WorkspaceOrNull(), id, version, context.RequestAborted)).ToResult(TypedResults.Ok);

    /// <param name="id">The programme's id.</param>
    /// <param name="request">The post's cost and dates, its carrier, the partners and their agreed rates.</param>
    /// <param name="version">A local programme's version; the latest when absent.</param>
    internal static async Task<IResult> Plan(string id, HttpContext context, WorkspaceProgrammeService service, ProgrammePlanRequest request, int? version = null) =>
        ProgrammeService.Plan(id, request, version, await service.OneAsync(context.User.WorkspaceOrNull(), id, version, context.RequestAborted)).ToResult(TypedResults.Ok);

    /// <param name="id">The programme's id (the file's <c>id</c>).</param>
    /// <param name="request">The programme file and the comment.</param>
    internal static async Task<IResult> Save(string id, HttpContext context, WorkspaceProgrammeService service, SaveProgrammeRequest request)
    {
        int? expected = null;
        string? ifMatch = context.Request.Headers.IfMatch;
        if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch.Trim() != "*")
        {
            if (EntityTagHeaderValue.TryParseList([ifMatch], out var tags) && tags.Count == 1 && !tags[0].IsWeak
                && int.TryParse(tags[0].Tag.ToString().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                expected = parsed;
            }
            else
            {
                var errors = new RequestErrors();
                errors.Add("If-Match", ErrorCodes.ValueNotAllowed, "If-Match doit être l'ETag d'une version, par exemple \"3\".", "If-Match must be a version's ETag, e.g. \"3\".");
                return errors.Problem();
            }
        }
        var outcome = await service.SaveAsync(context.User.Caller(), id, request, expected, context.RequestAborted);
        if (outcome.Value is { } saved)
        {
            context.Response.Headers.ETag = SavedPlanFailures.ETag(saved.Version);
            return TypedResults.Ok(saved);
        }
        if (outcome.Failure?.CurrentVersion is { } current)
        {
            context.Response.Headers.ETag = SavedPlanFailures.ETag(current);
        }
        return outcome.Problem();
    }

    /// <param name="id">The programme's id.</param>
    /// <param name="version">The version; the latest when absent.</param>
    internal static async Task<IResult> File(string id, HttpContext context, WorkspaceProgrammeService service, int? version = null)
    {
        var outcome = await service.FileAsync(context.User.Caller(), id, version, context.RequestAborted);
        if (outcome.Value is { } file)
        {
            context.Response.Headers.ETag = SavedPlanFailures.ETag(file.Version.Version);
        }
        return outcome.ToResult(TypedResults.Ok);
    }

    internal static async Task<IResult> Versions(string id, HttpContext context, WorkspaceProgrammeService service) =>
        (await service.VersionsAsync(context.User.Caller(), id, context.RequestAborted)).ToResult(TypedResults.Ok);
}
