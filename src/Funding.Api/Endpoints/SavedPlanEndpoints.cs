using System.Globalization;
using Funding.Api.Errors;
using Funding.Api.Security;
using Funding.Application;
using Funding.Application.SavedPlans;
using Funding.Storage;
using Microsoft.Net.Http.Headers;

namespace Funding.Api.Endpoints;

/// <summary>
/// Living plans: saved in a workspace, amended version by version (each immutable), signed when a council votes them
/// (the answer is then frozen, byte for byte), compared, archived. Every request needs the workspace's API key.
/// </summary>
internal static class SavedPlanEndpoints
{
    public static IEndpointRouteBuilder MapSavedPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/v1/saved-plans").WithTags("Saved plans").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        plans.MapPost("/", Create).WithName("SavePlan").RequireRole(WorkspaceRole.Editor).WithSummary("Saves a plan as version 1 of a new saved plan.")
            .Produces<SavedPlanVersionResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapGet("/", List).WithName("ListSavedPlans").RequireRole(WorkspaceRole.Reader).WithSummary("The workspace's saved plans, the latest changed first, 20 a page.")
            .Produces<SavedPlanListResponse>().ProducesValidationProblem();
        plans.MapGet("/{id}", Latest).WithName("GetSavedPlan").RequireRole(WorkspaceRole.Reader).WithSummary("The latest version of a saved plan, its figures, and its ETag.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{id}", Update).WithName("AmendSavedPlan").RequireRole(WorkspaceRole.Editor)
            .WithSummary("Saves a new version. If-Match must name the version amended (its ETag): a stale one is a 412 naming the current version, none a 428.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapDelete("/{id}", Archive).WithName("ArchiveSavedPlan").RequireRole(WorkspaceRole.Admin).WithSummary("Archives a saved plan: nothing is destroyed, signed versions least of all.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/versions", Versions).WithName("ListVersions").RequireRole(WorkspaceRole.Reader).WithSummary("Every version of a saved plan, with its author, comment and signature.")
            .Produces<VersionSummaryOutput[]>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/versions/{number:int}", Version).WithName("GetVersion").RequireRole(WorkspaceRole.Reader)
            .WithSummary("A version. A signed version answers the exact bytes computed when it was signed, forever, whatever the rules today.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/versions/{a:int}/compare/{b:int}", Compare).WithName("CompareVersions").RequireRole(WorkspaceRole.Reader)
            .WithSummary("What an amendment changed, funder by funder: version a as the baseline, b as the variant.")
            .Produces<CompareResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id}/versions/{number:int}/sign", Sign).WithName("SignVersion").RequireRole(WorkspaceRole.Signer)
            .WithSummary("Freezes a voted version: its answer is stored as computed now, with its calculation version.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapGet("/{id}/versions/{number:int}/recompute", Recompute).WithName("RecomputeVersion").RequireRole(WorkspaceRole.Reader)
            .WithSummary("A signed version recomputed with today's rules, beside the signed figures.")
            .Produces<RecomputeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id}/executions", RecordExecution).WithName("RecordExecution").RequireRole(WorkspaceRole.Editor)
            .WithSummary("Records what was actually spent and received on a saved plan (a new entry of its history, never changed) and answers the balances.")
            .WithDescription("The entry applies to 'version', by default the latest signed version (the voted one), else the latest. The answer is POST /v1/plans/execution's for that version.")
            .Produces<ExecutionEntryResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapGet("/{id}/executions", Executions).WithName("ListExecutions").RequireRole(WorkspaceRole.Reader)
            .WithSummary("The execution history of a saved plan: every recorded entry, in order, without its figures.")
            .Produces<ExecutionEntryResponse[]>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/executions/{number:int}", Execution).WithName("GetExecution").RequireRole(WorkspaceRole.Reader)
            .WithSummary("A recorded execution entry with its balances, computed for the plan version it applies to.")
            .Produces<ExecutionEntryResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        var workspace = app.MapGroup("/v1/workspace").WithTags("Saved plans").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        workspace.MapGet("/export", Export).WithName("ExportWorkspace").RequireRole(WorkspaceRole.Admin)
            .WithSummary("Every saved plan of the workspace with all its versions and signatures: a backup, or the way to move to another database.")
            .Produces<WorkspaceExport>();
        workspace.MapPost("/import", Import).WithName("ImportWorkspace").RequireRole(WorkspaceRole.Admin)
            .WithSummary("Imports an export into this workspace as it was (ids, versions, signatures); nothing is imported if one of its plans exists already.")
            .Produces<WorkspaceImportResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem().ProducesStandardProblems();
        workspace.MapGet("/keys", Keys).WithName("ListKeys").RequireRole(WorkspaceRole.Admin)
            .WithSummary("The workspace's keys: who holds each, its role, when it was made and revoked (never the keys themselves).")
            .Produces<ApiKeyOutput[]>();
        workspace.MapPost("/keys", AddKey).WithName("AddKey").RequireRole(WorkspaceRole.Admin)
            .WithSummary("Makes a key for a person of the workspace (editor unless 'role' says otherwise); the key is shown in this answer only.")
            .Produces<ApiKeyCreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesStandardProblems();
        workspace.MapDelete("/keys/{key}", RevokeKey).WithName("RevokeKey").RequireRole(WorkspaceRole.Admin)
            .WithSummary("Revokes a key (by its id or its person's name): it opens nothing any more; its versions keep their author.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        var audit = app.MapGroup("/v1").WithTags("Saved plans").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        audit.MapGet("/audit", Audit).WithName("GetAudit").RequireRole(WorkspaceRole.Admin)
            .WithSummary("The workspace's audit log, oldest first: every save, amendment, signature, archive, execution, import and key change, with who and when.")
            .WithDescription("from and to are instants (ISO 8601, e.g. 2026-12-01T00:00:00Z), both inclusive; planId keeps one plan's lines. At most 1 000 lines: 'truncated' says when more match.")
            .Produces<AuditResponse>().ProducesValidationProblem();
        return app;
    }

    internal static async Task<IResult> Keys(HttpContext context, WorkspaceAdminService admin) =>
        (await admin.KeysAsync(Identity(context), context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> AddKey(ApiKeyRequest request, HttpContext context, WorkspaceAdminService admin) =>
        (await admin.AddKeyAsync(Identity(context), request, context.RequestAborted)).ToResult(created => TypedResults.Created($"/v1/workspace/keys/{created.Info.Id}", created));

    internal static async Task<IResult> RevokeKey(string key, HttpContext context, WorkspaceAdminService admin) =>
        (await admin.RevokeKeyAsync(Identity(context), key, context.RequestAborted)).ToResult(_ => TypedResults.NoContent());

    internal static async Task<IResult> Audit(HttpContext context, WorkspaceAdminService admin, DateTimeOffset? from = null, DateTimeOffset? to = null, string? planId = null) =>
        (await admin.AuditAsync(Identity(context), from, to, planId, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> Export(HttpContext context, WorkspaceTransferService transfer) =>
        TypedResults.Ok(await transfer.ExportAsync(Identity(context).Workspace, context.RequestAborted));

    internal static async Task<IResult> Import(WorkspaceExport export, HttpContext context, WorkspaceTransferService transfer) =>
        (await transfer.ImportAsync(Identity(context).Workspace, Identity(context).Actor, export, context.RequestAborted)).ToResult(TypedResults.Ok);

    private static Caller Identity(HttpContext context) => context.User.Caller();

    /// <summary>A version's answer with its ETag: computed now, or the bytes stored when it was signed, whatever the rules today.</summary>
    private static IResult Answer(HttpContext context, VersionAnswer answer)
    {
        context.Response.Headers.ETag = SavedPlanFailures.ETag(answer.Number);
        return answer.Signed is { } bytes ? TypedResults.Bytes(bytes, "application/json; charset=utf-8") : TypedResults.Ok(answer.Computed);
    }

    /// <summary>The problem of a failed outcome; a stale version's carries the current version's ETag.</summary>
    private static IResult Problem<T>(HttpContext context, Outcome<T> outcome)
    {
        if (outcome.Failure?.CurrentVersion is { } current)
        {
            context.Response.Headers.ETag = SavedPlanFailures.ETag(current);
        }
        return outcome.Problem();
    }

    internal static async Task<IResult> Create(SavePlanRequest request, HttpContext context, SavedPlanService service)
    {
        var outcome = await service.CreateAsync(Identity(context), request, context.RequestAborted);
        if (outcome.Value is not { } version)
        {
            return outcome.Problem();
        }
        context.Response.Headers.ETag = SavedPlanFailures.ETag(version.Number);
        return TypedResults.Created($"/v1/saved-plans/{version.PlanId}", version);
    }

    internal static async Task<IResult> List(HttpContext context, SavedPlanService service, string? search = null, int? page = null, bool? archived = null) =>
        (await service.ListAsync(Identity(context), search, page, archived, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> Latest(string id, HttpContext context, SavedPlanService service) =>
        (await service.VersionAsync(Identity(context), id, null, context.RequestAborted)).ToResult(answer => Answer(context, answer));

    internal static async Task<IResult> Version(string id, int number, HttpContext context, SavedPlanService service) =>
        (await service.VersionAsync(Identity(context), id, number, context.RequestAborted)).ToResult(answer => Answer(context, answer));

    internal static async Task<IResult> Update(string id, SavePlanRequest request, HttpContext context, SavedPlanService service)
    {
        string? ifMatch = context.Request.Headers.IfMatch;
        VersionMatch match;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            match = VersionMatch.Missing;
        }
        else if (ifMatch.Trim() == "*")
        {
            match = VersionMatch.Any;
        }
        else if (EntityTagHeaderValue.TryParseList([ifMatch], out var tags) && tags.Count == 1 && !tags[0].IsWeak
            && int.TryParse(tags[0].Tag.ToString().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
        {
            match = VersionMatch.Exactly(parsed);
        }
        else
        {
            var errors = new RequestErrors();
            errors.Add("If-Match", ErrorCodes.ValueNotAllowed, "If-Match doit être l'ETag d'une version, par exemple \"3\".", "If-Match must be a version's ETag, e.g. \"3\".");
            return errors.Problem();
        }
        var outcome = await service.UpdateAsync(Identity(context), id, match, request, context.RequestAborted);
        return outcome.Value is { } saved
            ? Answer(context, new VersionAnswer(saved.Number, saved, null))
            : Problem(context, outcome);
    }

    internal static async Task<IResult> Archive(string id, HttpContext context, SavedPlanService service) =>
        (await service.ArchiveAsync(Identity(context), id, context.RequestAborted)).ToResult(_ => TypedResults.NoContent());

    internal static async Task<IResult> Versions(string id, HttpContext context, SavedPlanService service) =>
        (await service.VersionsAsync(Identity(context), id, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> Compare(string id, int a, int b, HttpContext context, SavedPlanService service) =>
        (await service.CompareAsync(Identity(context), id, a, b, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> Sign(string id, int number, SignRequest request, HttpContext context, SavedPlanService service) =>
        (await service.SignAsync(Identity(context), id, number, request, context.RequestAborted)).ToResult(answer => Answer(context, answer));

    internal static async Task<IResult> Recompute(string id, int number, HttpContext context, SavedPlanService service) =>
        (await service.RecomputeAsync(Identity(context), id, number, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> RecordExecution(string id, RecordExecutionRequest request, HttpContext context, SavedPlanService service) =>
        (await service.RecordExecutionAsync(Identity(context), id, request, context.RequestAborted))
            .ToResult(entry => TypedResults.Created($"/v1/saved-plans/{id}/executions/{entry.Number}", entry));

    internal static async Task<IResult> Executions(string id, HttpContext context, SavedPlanService service) =>
        (await service.ExecutionsAsync(Identity(context), id, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> Execution(string id, int number, HttpContext context, SavedPlanService service) =>
        (await service.ExecutionAsync(Identity(context), id, number, context.RequestAborted)).ToResult(TypedResults.Ok);
}
