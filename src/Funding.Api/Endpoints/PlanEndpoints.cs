using Funding.Api.Errors;
using Funding.Application;
using Funding.Application.Execution;
using Funding.Application.Plans;
using Funding.Application.Programmes;
using Funding.Api.Security;
using Funding.Contracts.Json;
using Funding.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Evaluating and comparing co-financing plans.</summary>
internal static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/v1/plans").WithTags("Plans");
        plans.MapPost("/", Evaluate)
            .Accepts<PlanRequest>("application/json")
            .WithMetadata(ReadsBodyOnce.Instance)
            .CachesAnswers(bypassWhenLean: true)
            .WithName("EvaluatePlan")
            .WithSummary("Evaluates a co-financing plan: every funder's total, schedule, the budget-year table, the treasury and the checks.")
            .WithDescription(
                "Rules apply in the order of the funders (the waterfall): rates, fixed amounts per year or in total, key shares of a pool, and the carrier's remainder. " +
                "Every figure comes with its explanation as data and as a French sentence, and French-formatted figures ready to paste into a council report. " +
                "A failed check is part of the result (200), not an error. Try it with the seed case: GET /v1/samples/territoire-industrie-finistere.")
            .ProducesStandardProblems();
        plans.MapPost("/compare", Compare)
            .CachesAnswers()
            .WithName("ComparePlans")
            .WithSummary("Compares two plans: per-funder and total deltas, with both explanations.")
            .WithDescription("Funders are matched by id. Use it for what-if questions: a higher cap, a start in January, one EPCI more. Errors name the plan: 'baseline.funders[0].id'.")
            .ProducesStandardProblems();
        plans.MapPost("/keys", CompareKeys)
            .WithName("CompareKeys")
            .WithSummary("A group of the plan split by several keys side by side — population, a named weight, equal parts, a mix — each member with its difference to the plan's key.")
            .WithDescription("Each key is evaluated as the whole plan would be with it (caps and floors included). Errors name 'groupId' or the key ('keys[1].key') with the engine's reason, such as a weight the members do not have.")
            .ProducesStandardProblems();
        plans.MapSweep();
        plans.MapPost("/execution", Execution)
            .WithName("PlanExecution")
            .WithSummary("What each funder owes on the actual expenses, what it paid, and what is still to claim or to pay back.")
            .WithDescription(
                "The voted plan is evaluated again on the actual expenses ('actualExpenses' by budget year, or 'monthlyExpenses'), each funder's rule adjusted by its 'execution' terms: " +
                "a rate capped at the grant (the default for state funders, décret n° 2018-514) applies to the actual expense within the planned one and never gives more than granted; " +
                "a fixed contribution is due as promised or, with 'proRata', in proportion to actual over planned expenses; groups and the remainder follow their rules. " +
                "Each funder's balance (due − received) is a 'solde à percevoir' or a 'trop-perçu à reverser', as data and as a French sentence; the carrier's actual treasury and the receipts' checks follow.")
            .ProducesStandardProblems();
        plans.MapPost("/execution/report", ExecutionReportEndpoint)
            .WithName("PlanExecutionReport")
            .WithSummary("The « état récapitulatif des dépenses » (Markdown, HTML, CSV or an XLSX workbook) and a funder's « demande de versement du solde » or statement of the amount to pay back (DOCX, or Markdown with funderId).")
            .WithDescription(
                "Same body as POST /v1/plans/execution. 'format' chooses markdown (the default), html, csv ('csv=rfc4180' for ',' and '.'), xlsx " +
                "(statement, expenses by budget year, actual treasury, checks; balances as live formulas) or docx (the letter to 'funderId', required: " +
                "the request for its balance, or the statement of what it was overpaid, with its receipts). With markdown, 'funderId' appends that letter.")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html", "text/csv", PlanWorkbook.ContentType, DeliberationDocument.ContentType)
            .ProducesStandardProblems();
        plans.MapPost("/report", Report)
            .WithName("PlanReport")
            .WithSummary("The plan's report for a council report or a spreadsheet: Markdown, HTML, CSV, JSON, an XLSX workbook or a DOCX deliberation draft.")
            .WithDescription(
                "The financing table with one column per budget year, the explanation of every figure in plan order, the checks as sentences and the amounts in words, " +
                "in French. 'format' chooses markdown (text/markdown, the default), html (text/html: a fragment with a <table> and its caption, to paste into a word processor), " +
                "csv (text/csv: ';' and decimal comma with a byte order mark for French spreadsheets, or 'csv=rfc4180' for ',' and '.'), or json. " +
                "'funderId' adds a deliberation paragraph for that funder: « Le coût pour … serait de … ». " +
                "xlsx is the workbook (financing table, budget years, payments, treasury, checks; totals as live formulas); " +
                "docx is the deliberation draft for 'funderId' (required), with the amount in words and the financing-agreement annex; a group's id gives a zip of one draft per member.")
            .ProducesStandardProblems();
        return app;
    }

    /// <param name="request">The plan.</param>
    /// <param name="format">markdown, html, csv, json, xlsx or docx. Without it, the Accept header chooses (text/markdown, text/html, text/csv, application/json or the XLSX and DOCX media types); with neither, markdown.</param>
    /// <param name="funderId">The funder the deliberation paragraph is written for; with format=docx, the funder whose deliberation draft is written (a group's id gives a zip of one draft per member).</param>
    /// <param name="csv">The CSV dialect: fr (default: ';', decimal comma, byte order mark) or rfc4180 (',', decimal point).</param>
    internal static async Task<Results<FileContentHttpResult, Ok<ReportResponse>, ValidationProblem>> Report(
        HttpContext context, WorkspaceProgrammeService programmes, PlanRequest request, Choice<ReportFormat>? format = null, string? funderId = null, Choice<CsvChoice>? csv = null)
    {
        var outcome = PlanService.Report(request, format ?? FromAccept(context, MediaTypes.ReportFormatOf), funderId, csv, await Programmes(context, programmes, request));
        if (outcome.Value is not { } answer)
        {
            return outcome.Invalid();
        }
        return answer.Json is { } json ? TypedResults.Ok(json) : File(answer.File!);
    }

    /// <summary>A document as the answer: shown in place (no file name) or downloaded under its name.</summary>
    internal static FileContentHttpResult File(FileAnswer file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName);

    /// <summary>
    /// The format the Accept header asks for, by preference (q-values honoured): a client generated from the OpenAPI
    /// document that asks for application/json gets the JSON report, one that asks for text/csv the CSV; null when no
    /// media type it accepts is written (the format's default then applies).
    /// </summary>
    internal static Choice<T>? FromAccept<T>(HttpContext context, Func<string, T?> formatOf)
        where T : struct, Enum
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList(context.Request.Headers.Accept, out var media))
        {
            return null;
        }
        foreach (var type in media.OrderByDescending(m => m.Quality ?? 1.0))
        {
            if (type.MediaType.Value is { } name && formatOf(name) is { } format)
            {
                return Choices.Of(format);
            }
        }
        return null;
    }

    /// <param name="explain">full (the default: every sentence and the terms behind it), summary (one sentence per funder, group, budget year and the treasury; none per payment) or none (the lean path: each funder's total and contributions by budget year, the year balances and totals; no sentence, payment schedule, treasury or checks).</param>
    internal static async Task<Results<PlanAnswerResult, ValidationProblem>> Evaluate(HttpContext context, WorkspaceProgrammeService programmes,
        Choice<ExplainLevel>? explain = null)
    {
        // The hot path (issue #28): the body read once and synchronously; the answer written once with its length,
        // straight from the engine's results.
        var request = await JsonAnswers.ReadAsync(context, ApiJson.TypeInfo<PlanRequest>());
        var outcome = PlanService.Answer(request, explain, await Programmes(context, programmes, request));
        return outcome.Value is { } answer ? new PlanAnswerResult(answer) : outcome.Invalid();
    }

    /// <summary>
    /// Where the plans' programmes are found: the national catalogue, and, for a caller who sent a key or a token, the
    /// workspace's own programmes the plans name (read only then).
    /// </summary>
    internal static ValueTask<ProgrammeLookup> Programmes(HttpContext context, WorkspaceProgrammeService programmes, params PlanRequest?[] plans) =>
        programmes.ForPlansAsync(context.User.WorkspaceOrNull(), plans, context.RequestAborted);

    internal static Results<JsonAnswer<KeyComparisonResponse>, ValidationProblem> CompareKeys(KeyComparisonRequest request)
    {
        var outcome = PlanService.CompareKeys(request);
        return outcome.Value is { } response ? JsonAnswer.Of(response) : outcome.Invalid();
    }

    /// <param name="request">The plan, the actual expenses and the receipts.</param>
    /// <param name="explain">full (the default), summary or none: the explanation of each due.</param>
    internal static async Task<Results<JsonAnswer<ExecutionResponse>, ValidationProblem>> Execution(HttpContext context, WorkspaceProgrammeService programmes, ExecutionRequest request,
        Choice<ExplainLevel>? explain = null)
    {
        var outcome = ExecutionService.Evaluate(request, explain, await Programmes(context, programmes, request.Plan));
        return outcome.Value is { } response ? JsonAnswer.Of(response) : outcome.Invalid();
    }

    /// <param name="request">The plan, the actual expenses and the receipts.</param>
    /// <param name="format">markdown, html, csv, xlsx or docx; without it, the Accept header chooses; with neither, markdown.</param>
    /// <param name="funderId">The funder the letter is written to (required with docx).</param>
    /// <param name="csv">The CSV dialect: fr (default) or rfc4180.</param>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExecutionReportEndpoint(
        HttpContext context, WorkspaceProgrammeService programmes, ExecutionRequest request, Choice<ExecutionReportFormat>? format = null, string? funderId = null,
        Choice<CsvChoice>? csv = null)
    {
        format ??= FromAccept(context, media => MediaTypes.ReportFormatOf(media) switch
        {
            ReportFormat.Markdown => ExecutionReportFormat.Markdown,
            ReportFormat.Html => ExecutionReportFormat.Html,
            ReportFormat.Csv => ExecutionReportFormat.Csv,
            ReportFormat.Xlsx => ExecutionReportFormat.Xlsx,
            ReportFormat.Docx => ExecutionReportFormat.Docx,
            _ => (ExecutionReportFormat?)null,
        });
        var outcome = ExecutionService.Report(request, format, funderId, csv, await Programmes(context, programmes, request.Plan));
        return outcome.Value is { } file ? File(file) : outcome.Invalid();
    }

    internal static async Task<Results<JsonAnswer<CompareResponse>, ValidationProblem>> Compare(HttpContext context, WorkspaceProgrammeService programmes, CompareRequest request)
    {
        var outcome = PlanService.Compare(request, await Programmes(context, programmes, request.Baseline, request.Variant));
        return outcome.Value is { } response ? JsonAnswer.Of(response) : outcome.Invalid();
    }
}
