using System.Globalization;
using System.Text.Json;
using Funding.Api.Errors;
using Funding.Api.Security;
using Funding.Contracts.Mapping;
using Funding.Formatting;
using Funding.Plans;
using Funding.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Funding.Api.Endpoints;

/// <summary>
/// Living plans: saved in a workspace, amended version by version (each immutable), signed when a council votes them
/// (the answer is then frozen, byte for byte), compared, archived. Every request needs the workspace's API key.
/// </summary>
internal static class SavedPlanEndpoints
{
    private const int PageSize = 20;
    private const int MaxPage = 100_000;

    public static IEndpointRouteBuilder MapSavedPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/v1/saved-plans").WithTags("Saved plans").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        plans.MapPost("/", Create).WithName("SavePlan").WithSummary("Saves a plan as version 1 of a new saved plan.")
            .Produces<SavedPlanVersionResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapGet("/", List).WithName("ListSavedPlans").WithSummary("The workspace's saved plans, the latest changed first, 20 a page.")
            .ProducesValidationProblem();
        plans.MapGet("/{id}", Latest).WithName("GetSavedPlan").WithSummary("The latest version of a saved plan, its figures, and its ETag.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{id}", Update).WithName("AmendSavedPlan")
            .WithSummary("Saves a new version. If-Match must name the version amended (its ETag): a stale one is a 412 naming the current version, none a 428.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapDelete("/{id}", Archive).WithName("ArchiveSavedPlan").WithSummary("Archives a saved plan: nothing is destroyed, signed versions least of all.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/versions", Versions).WithName("ListVersions").WithSummary("Every version of a saved plan, with its author, comment and signature.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/versions/{number:int}", Version).WithName("GetVersion")
            .WithSummary("A version. A signed version answers the exact bytes computed when it was signed, forever, whatever the rules today.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/versions/{a:int}/compare/{b:int}", Compare).WithName("CompareVersions")
            .WithSummary("What an amendment changed, funder by funder: version a as the baseline, b as the variant.")
            .Produces<CompareResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id}/versions/{number:int}/sign", Sign).WithName("SignVersion")
            .WithSummary("Freezes a voted version: its answer is stored as computed now, with its calculation version.")
            .Produces<SavedPlanVersionResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapGet("/{id}/versions/{number:int}/recompute", Recompute).WithName("RecomputeVersion")
            .WithSummary("A signed version recomputed with today's rules, beside the signed figures.")
            .Produces<RecomputeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id}/executions", RecordExecution).WithName("RecordExecution")
            .WithSummary("Records what was actually spent and received on a saved plan (a new entry of its history, never changed) and answers the balances.")
            .WithDescription("The entry applies to 'version', by default the latest signed version (the voted one), else the latest. The answer is POST /v1/plans/execution's for that version.")
            .Produces<ExecutionEntryResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesStandardProblems();
        plans.MapGet("/{id}/executions", Executions).WithName("ListExecutions")
            .WithSummary("The execution history of a saved plan: every recorded entry, in order, without its figures.")
            .Produces<ExecutionEntryResponse[]>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id}/executions/{number:int}", Execution).WithName("GetExecution")
            .WithSummary("A recorded execution entry with its balances, computed for the plan version it applies to.")
            .Produces<ExecutionEntryResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        var workspace = app.MapGroup("/v1/workspace").WithTags("Saved plans").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        workspace.MapGet("/export", Export).WithName("ExportWorkspace")
            .WithSummary("Every saved plan of the workspace with all its versions and signatures: a backup, or the way to move to another database.")
            .Produces<WorkspaceExport>();
        workspace.MapPost("/import", Import).WithName("ImportWorkspace")
            .WithSummary("Imports an export into this workspace as it was (ids, versions, signatures); nothing is imported if one of its plans exists already.")
            .Produces<WorkspaceImportResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem().ProducesStandardProblems();
        return app;
    }

    internal static async Task<IResult> Export(HttpContext context, [AsParameters] SavedPlanStores store) =>
        TypedResults.Ok(await WorkspaceTransfer.ExportAsync(store.Transfer, Identity(context).Workspace, Options(context)));

    internal static async Task<IResult> Import(WorkspaceExport export, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        if (export.FormatVersion != 1)
        {
            var errors = new RequestErrors();
            errors.Add("formatVersion", ErrorCodes.ValueNotAllowed, "Seul le format 1 est connu.", "Only format 1 is known.");
            return errors.Problem();
        }
        var imported = await WorkspaceTransfer.ImportAsync(store.Transfer, Identity(context).Workspace, export, Options(context));
        return imported is not null ? TypedResults.Ok(imported) : TypedResults.Problem(ApiProblems.Create(StatusCodes.Status409Conflict, ErrorCodes.ImportConflict,
            new(ErrorCodes.ImportConflict, "Un de ces plans existe déjà.", "One of these plans exists already."),
            new(ErrorCodes.ImportConflict, "Rien n'a été importé : un plan de l'export a le même identifiant qu'un plan de cette base.",
                "Nothing was imported: a plan of the export has the id of a plan in this database.")));
    }

    private static Caller Identity(HttpContext context) => context.User.Caller();

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(ApiProblems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound,
        new(ErrorCodes.NotFound, "Plan enregistré introuvable.", "No such saved plan."),
        new(ErrorCodes.NotFound, $"Aucun plan de cet espace de travail n'a l'identifiant « {Short(id)} » (ou cette version).",
            $"No plan of this workspace has the id '{Short(id)}' (or that version).")));

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>The plan of a save request, validated; null with the errors (under <c>plan.</c>) otherwise.</summary>
    private static (Plan? Plan, string Comment, RequestErrors Errors) Read(SavePlanRequest request)
    {
        var errors = new RequestErrors();
        var plan = PlanMapping.ToDomain(request.Plan, errors, "plan");
        if (plan is not null && !errors.HasErrors)
        {
            errors.AddRange(PlanValidator.Validate(plan), "plan");
        }
        string comment = Comment(request.Comment, errors);
        return (errors.HasErrors ? null : plan, comment, errors);
    }

    /// <summary>A version's or an entry's comment: empty when absent, refused (on <c>comment</c>) when too long or holding forbidden characters.</summary>
    private static string Comment(string? text, RequestErrors errors)
    {
        string comment = text ?? "";
        if (comment.Length > FundingLimits.MaxDescriptionLength)
        {
            errors.Add("comment", FundingText.TooLong(new Subject("le commentaire", "the comment"), comment.Length, FundingLimits.MaxDescriptionLength));
        }
        else if (FundingText.TextProblem(comment, multiLine: true) is { } problem)
        {
            errors.Add("comment", problem);
        }
        return comment;
    }

    private static string Json(HttpContext context, PlanRequest plan) => JsonSerializer.Serialize(plan, Options(context));

    private static JsonSerializerOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>A version with its figures computed now (or, for a signed one, the signature it carries).</summary>
    private static SavedPlanVersionResponse Response(HttpContext context, PlanVersion version, SignatureOutput? signature = null)
    {
        var plan = JsonSerializer.Deserialize<PlanRequest>(version.PlanJson, Options(context))!;
        var result = (PlanEndpoints.Evaluate(plan).Result as Ok<PlanResponse>)!.Value!;
        return new SavedPlanVersionResponse
        {
            PlanId = version.PlanId,
            Number = version.Number,
            CreatedAt = version.CreatedAt,
            Author = version.Author,
            Comment = version.Comment,
            Plan = plan,
            Result = result,
            Signature = signature,
        };
    }

    private static SignatureOutput Output(VersionSignature signature) => new()
    {
        VotedOn = NodaTime.Text.LocalDatePattern.Iso.Parse(signature.VotedOn).Value,
        Reference = signature.Reference,
        SignedAt = signature.SignedAt,
        SignedBy = signature.SignedBy,
        CalculationVersion = signature.CalculationVersion,
    };

    private static string ETag(int number) => $"\"{number.ToString(CultureInfo.InvariantCulture)}\"";

    private static IResult WithETag(HttpContext context, int number, IResult result)
    {
        context.Response.Headers.ETag = ETag(number);
        return result;
    }

    internal static async Task<IResult> Create(SavePlanRequest request, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var (plan, comment, errors) = Read(request);
        if (plan is null)
        {
            return errors.Problem();
        }
        var identity = Identity(context);
        var version = await store.Plans.CreateAsync(identity.Workspace, plan.Name, Json(context, request.Plan), identity.Name, comment, context.RequestAborted);
        context.Response.Headers.ETag = ETag(1);
        return TypedResults.Created($"/v1/saved-plans/{version.PlanId}", Response(context, version));
    }

    internal static async Task<IResult> List(HttpContext context, [AsParameters] SavedPlanStores store, string? search = null, int? page = null, bool? archived = null)
    {
        var errors = new RequestErrors();
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", ErrorCodes.ValueNotAllowed, $"La page {page} n'existe pas : elle va de 1 à {MaxPage}.", $"Page {page} is out of range: from 1 to {MaxPage}.");
        }
        if (search is { Length: > FundingLimits.MaxTextLength })
        {
            errors.Add("search", FundingText.TooLong(new Subject("la recherche", "the search"), search.Length, FundingLimits.MaxTextLength));
        }
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        var (plans, total) = await store.Plans.ListAsync(Identity(context).Workspace, search, page ?? 1, PageSize, archived ?? false, context.RequestAborted);
        return TypedResults.Ok(new SavedPlanListResponse
        {
            Plans = plans.Select(p => new SavedPlanSummaryOutput
            {
                Id = p.Id, Name = p.Name, LatestVersion = p.LatestVersion, Status = p.Status, CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt, Href = $"/v1/saved-plans/{p.Id}",
            }).ToArray(),
            Page = page ?? 1,
            PageSize = PageSize,
            Total = total,
        });
    }

    internal static async Task<IResult> RecordExecution(string id, RecordExecutionRequest request, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var identity = Identity(context);
        var versions = await store.Plans.ListVersionsAsync(identity.Workspace, id, context.RequestAborted);
        if (versions.Count == 0)
        {
            return NotFound(id);
        }
        int number = request.Version ?? (versions.LastOrDefault(v => v.Signature is not null) ?? versions[^1]).Number;
        var version = versions.FirstOrDefault(v => v.Number == number);
        var errors = new RequestErrors();
        if (version is null)
        {
            errors.Add("version", ErrorCodes.ValueNotAllowed, $"Le plan n'a pas de version {number} : ses versions vont de 1 à {versions[^1].Number}.",
                $"The plan has no version {number}: its versions run from 1 to {versions[^1].Number}.");
            return errors.Problem();
        }
        string comment = Comment(request.Comment, errors);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        // Computed before it is recorded: an entry the engine refuses is not kept.
        var computed = ComputeExecution(context, version, request);
        if (computed.Result is not Ok<ExecutionResponse> ok)
        {
            return computed.Result;
        }
        var entry = await store.Executions.RecordAsync(identity.Workspace, id, number, identity.Name, comment,
            JsonSerializer.Serialize(request with { Version = number, Comment = comment }, Options(context)), context.RequestAborted);
        return entry is null ? NotFound(id) : TypedResults.Created($"/v1/saved-plans/{id}/executions/{entry.Number}", EntryResponse(context, entry, ok.Value));
    }

    internal static async Task<IResult> Executions(string id, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var workspace = Identity(context).Workspace;
        if (await store.Plans.GetSummaryAsync(workspace, id, context.RequestAborted) is null)
        {
            return NotFound(id);
        }
        var entries = await store.Executions.ListAsync(workspace, id, context.RequestAborted);
        return TypedResults.Ok(entries.Select(e => EntryResponse(context, e, null)).ToArray());
    }

    internal static async Task<IResult> Execution(string id, int number, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var workspace = Identity(context).Workspace;
        var entry = await store.Executions.GetAsync(workspace, id, number, context.RequestAborted);
        var version = entry is null ? null : await store.Plans.GetVersionAsync(workspace, id, entry.Version, context.RequestAborted);
        if (entry is null || version is null)
        {
            return NotFound(id);
        }
        var request = JsonSerializer.Deserialize<RecordExecutionRequest>(entry.ExecutionJson, Options(context))!;
        var computed = ComputeExecution(context, version, request);
        return computed.Result is Ok<ExecutionResponse> ok ? TypedResults.Ok(EntryResponse(context, entry, ok.Value)) : computed.Result;
    }

    private static Results<Ok<ExecutionResponse>, ValidationProblem> ComputeExecution(HttpContext context, PlanVersion version, RecordExecutionRequest request) =>
        PlanEndpoints.Execution(new ExecutionRequest
        {
            Plan = JsonSerializer.Deserialize<PlanRequest>(version.PlanJson, Options(context))!,
            ActualExpenses = request.ActualExpenses,
            MonthlyExpenses = request.MonthlyExpenses,
            Receipts = request.Receipts,
        });

    private static ExecutionEntryResponse EntryResponse(HttpContext context, ExecutionEntry entry, ExecutionResponse? result) => new()
    {
        PlanId = entry.PlanId,
        Number = entry.Number,
        Version = entry.Version,
        CreatedAt = entry.CreatedAt,
        Author = entry.Author,
        Comment = entry.Comment,
        Execution = JsonSerializer.Deserialize<RecordExecutionRequest>(entry.ExecutionJson, Options(context))!,
        Result = result,
    };

    internal static async Task<IResult> Latest(string id, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var summary = await store.Plans.GetSummaryAsync(Identity(context).Workspace, id, context.RequestAborted);
        return summary is null ? NotFound(id) : await Version(id, summary.LatestVersion, context, store);
    }

    internal static async Task<IResult> Version(string id, int number, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var version = await store.Plans.GetVersionAsync(Identity(context).Workspace, id, number, context.RequestAborted);
        if (version is null)
        {
            return NotFound(id);
        }
        if (version.Signature is { } signature)
        {
            // The bytes stored at signing, whatever the rules today.
            return WithETag(context, number, TypedResults.Bytes(signature.Answer, "application/json; charset=utf-8"));
        }
        return WithETag(context, number, TypedResults.Ok(Response(context, version)));
    }

    internal static async Task<IResult> Update(string id, SavePlanRequest request, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var identity = Identity(context);
        string? ifMatch = context.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            var current = await store.Plans.GetSummaryAsync(identity.Workspace, id, context.RequestAborted);
            return current is null ? NotFound(id) : TypedResults.Problem(ApiProblems.Create(StatusCodes.Status428PreconditionRequired, ErrorCodes.IfMatchRequired,
                new(ErrorCodes.IfMatchRequired, "Précisez la version modifiée (If-Match).", "Say which version you amend (If-Match)."),
                new(ErrorCodes.IfMatchRequired,
                    $"Envoyez « If-Match: {ETag(current.LatestVersion)} », l'ETag de la version lue, pour ne pas écraser un avenant enregistré entre-temps.",
                    $"Send 'If-Match: {ETag(current.LatestVersion)}', the ETag of the version you read, so as not to overwrite an amendment saved meanwhile.")));
        }
        int? expected = null;
        if (ifMatch.Trim() == "*")
        {
            expected = (await store.Plans.GetSummaryAsync(identity.Workspace, id, context.RequestAborted))?.LatestVersion;
            if (expected is null)
            {
                return NotFound(id);
            }
        }
        else if (EntityTagHeaderValue.TryParseList([ifMatch], out var tags) && tags.Count == 1 && !tags[0].IsWeak
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
        var (plan, comment, invalid) = Read(request);
        if (plan is null)
        {
            return invalid.Problem();
        }
        var outcome = await store.Plans.UpdateAsync(identity.Workspace, id, expected.Value, plan.Name, Json(context, request.Plan), identity.Name, comment, context.RequestAborted);
        if (!outcome.Found)
        {
            return NotFound(id);
        }
        if (outcome.Archived)
        {
            return TypedResults.Problem(ApiProblems.Create(StatusCodes.Status409Conflict, ErrorCodes.PlanArchived,
                new(ErrorCodes.PlanArchived, "Ce plan est archivé.", "This plan is archived."),
                new(ErrorCodes.PlanArchived, "Un plan archivé ne se modifie plus ; ses versions restent lisibles.", "An archived plan is no longer amended; its versions stay readable.")));
        }
        if (outcome.Saved is null)
        {
            context.Response.Headers.ETag = ETag(outcome.CurrentVersion!.Value);
            var problem = ApiProblems.Create(StatusCodes.Status412PreconditionFailed, ErrorCodes.VersionConflict,
                new(ErrorCodes.VersionConflict, "Ce plan a changé depuis la version lue.", "This plan changed since the version you read."),
                new(ErrorCodes.VersionConflict,
                    $"La version {expected} n'est plus la dernière : la version actuelle est la {outcome.CurrentVersion}. Relisez-la, reportez vos modifications, et renvoyez avec « If-Match: {ETag(outcome.CurrentVersion.Value)} ».",
                    $"Version {expected} is no longer the latest: the current version is {outcome.CurrentVersion}. Read it, carry your changes over, and send again with 'If-Match: {ETag(outcome.CurrentVersion.Value)}'."));
            problem.Extensions["currentVersion"] = outcome.CurrentVersion;
            return TypedResults.Problem(problem);
        }
        return WithETag(context, outcome.Saved.Number, TypedResults.Ok(Response(context, outcome.Saved)));
    }

    internal static async Task<IResult> Archive(string id, HttpContext context, [AsParameters] SavedPlanStores store) =>
        await store.Plans.ArchiveAsync(Identity(context).Workspace, id, context.RequestAborted) ? TypedResults.NoContent() : NotFound(id);

    internal static async Task<IResult> Versions(string id, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var versions = await store.Plans.ListVersionsAsync(Identity(context).Workspace, id, context.RequestAborted);
        return versions.Count == 0 ? NotFound(id) : TypedResults.Ok(versions.Select(v => new VersionSummaryOutput
        {
            Number = v.Number, CreatedAt = v.CreatedAt, Author = v.Author, Comment = v.Comment, Signature = v.Signature is { } s ? Output(s) : null,
        }).ToArray());
    }

    internal static async Task<IResult> Compare(string id, int a, int b, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        string workspace = Identity(context).Workspace;
        var first = await store.Plans.GetVersionAsync(workspace, id, a, context.RequestAborted);
        var second = await store.Plans.GetVersionAsync(workspace, id, b, context.RequestAborted);
        if (first is null || second is null)
        {
            return NotFound(id);
        }
        var options = Options(context);
        return PlanEndpoints.Compare(new CompareRequest
        {
            Baseline = JsonSerializer.Deserialize<PlanRequest>(first.PlanJson, options)!,
            Variant = JsonSerializer.Deserialize<PlanRequest>(second.PlanJson, options)!,
        }).Result;
    }

    internal static async Task<IResult> Sign(string id, int number, SignRequest request, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var identity = Identity(context);
        var errors = new RequestErrors();
        string reference = errors.Text(request.Reference, "reference", new Subject("la référence", "the reference"));
        if (request.Reference is { } text && FundingText.TextProblem(text) is { } problem)
        {
            errors.Add("reference", problem);
        }
        if (request.VotedOn.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
        {
            errors.Add("votedOn", ErrorCodes.DateOutOfRange, $"La date du vote est hors limites ({FundingLimits.MinYear}–{FundingLimits.MaxYear}).", $"The vote's date is out of range ({FundingLimits.MinYear}–{FundingLimits.MaxYear}).");
        }
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        var version = await store.Plans.GetVersionAsync(identity.Workspace, id, number, context.RequestAborted);
        if (version is null)
        {
            return NotFound(id);
        }
        if (version.Signature is null)
        {
            var signedAt = store.Database.Now();
            var signature = new SignatureOutput
            {
                VotedOn = request.VotedOn,
                Reference = reference,
                SignedAt = signedAt,
                SignedBy = identity.Name,
                CalculationVersion = CalculationVersion.Current,
            };
            byte[] answer = JsonSerializer.SerializeToUtf8Bytes(Response(context, version, signature), Options(context));
            if (await store.Plans.SignAsync(identity.Workspace, id, number, NodaTime.Text.LocalDatePattern.Iso.Format(request.VotedOn), reference, identity.Name, CalculationVersion.Current, answer, signedAt, context.RequestAborted))
            {
                return WithETag(context, number, TypedResults.Bytes(answer, "application/json; charset=utf-8"));
            }
        }
        return TypedResults.Problem(ApiProblems.Create(StatusCodes.Status409Conflict, ErrorCodes.AlreadySigned,
            new(ErrorCodes.AlreadySigned, "Cette version est déjà signée.", "This version is signed already."),
            new(ErrorCodes.AlreadySigned, "Une signature n'est jamais remplacée : enregistrez un avenant (une nouvelle version) et signez-le.",
                "A signature is never replaced: save an amendment (a new version) and sign it.")));
    }

    internal static async Task<IResult> Recompute(string id, int number, HttpContext context, [AsParameters] SavedPlanStores store)
    {
        var version = await store.Plans.GetVersionAsync(Identity(context).Workspace, id, number, context.RequestAborted);
        if (version is null)
        {
            return NotFound(id);
        }
        if (version.Signature is not { } signature)
        {
            return TypedResults.Problem(ApiProblems.Create(StatusCodes.Status409Conflict, ErrorCodes.ValueNotAllowed,
                new(ErrorCodes.ValueNotAllowed, "Cette version n'est pas signée.", "This version is not signed."),
                new(ErrorCodes.ValueNotAllowed, "Seule une version signée a des chiffres figés à comparer ; les autres sont toujours calculées avec les règles du jour.",
                    "Only a signed version has frozen figures to compare; the others are always computed with today's rules.")));
        }
        var options = Options(context);
        var signed = JsonSerializer.Deserialize<SavedPlanVersionResponse>(signature.Answer, options)!;
        var current = Response(context, version, signed.Signature);
        byte[] currentBytes = JsonSerializer.SerializeToUtf8Bytes(current with { Result = current.Result with { CalculationVersion = signed.Result.CalculationVersion } }, options);
        var before = signed.Result.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var after = current.Result.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var funders = before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))).Select(fid => new RecomputedFunderOutput
        {
            Id = fid,
            Name = (after.GetValueOrDefault(fid) ?? before[fid]).Name,
            // Through Money, so that every amount is written with its two decimals, like the plan's answers.
            SignedTotal = before.GetValueOrDefault(fid) is { } b ? Money.Euros(b.Total).Amount : null,
            CurrentTotal = after.GetValueOrDefault(fid) is { } c ? Money.Euros(c.Total).Amount : null,
            Difference = Money.Euros((after.GetValueOrDefault(fid)?.Total ?? 0m) - (before.GetValueOrDefault(fid)?.Total ?? 0m)).Amount,
        }).ToArray();
        var changed = funders.Where(f => f.Difference != 0m).ToArray();
        bool identical = currentBytes.AsSpan().SequenceEqual(signature.Answer);
        string sentence = changed.Length == 0
            ? $"Avec les règles {CalculationVersion.Current}, les montants votés (règles {signature.CalculationVersion}) sont inchangés{(identical ? ", au caractère près" : " ; seuls des textes ou des champs ajoutés diffèrent")}."
            : $"Avec les règles {CalculationVersion.Current}, {changed.Length} montant(s) diffère(nt) de ceux votés (règles {signature.CalculationVersion}) : " +
              string.Join(" ; ", changed.Select(f => $"{f.Name} {FrenchFormat.Money(Money.Euros(f.SignedTotal ?? 0m))} → {FrenchFormat.Money(Money.Euros(f.CurrentTotal ?? 0m))}")) + ".";
        return TypedResults.Ok(new RecomputeResponse
        {
            Number = number,
            SignedCalculationVersion = signature.CalculationVersion,
            CurrentCalculationVersion = CalculationVersion.Current,
            Identical = identical && signature.CalculationVersion == CalculationVersion.Current,
            Funders = funders,
            Sentence = sentence,
        });
    }
}
