using Funding.Api.Errors;
using Funding.Contracts;
using Funding.Contracts.Mapping;
using Funding.Documents;
using Funding.Plans;
using Funding.Reports;
using Funding.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Evaluating and comparing co-financing plans.</summary>
internal static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/v1/plans").WithTags("Plans");
        plans.MapPost("/", Evaluate)
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

    /// <summary>The report formats, with their content types.</summary>
    private static readonly Dictionary<string, string> ReportFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["markdown"] = "text/markdown; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
        ["csv"] = "text/csv; charset=utf-8; header=present",
        ["json"] = "application/json",
        ["xlsx"] = PlanWorkbook.ContentType,
        ["docx"] = DeliberationDocument.ContentType,
    };

    /// <param name="request">The plan.</param>
    /// <param name="context">The request, for its Accept header.</param>
    /// <param name="format">markdown, html, csv, json, xlsx or docx. Without it, the Accept header chooses (text/markdown, text/html, text/csv, application/json or the XLSX and DOCX media types); with neither, markdown.</param>
    /// <param name="funderId">The funder the deliberation paragraph is written for; with format=docx, the funder whose deliberation draft is written (a group's id gives a zip of one draft per member).</param>
    /// <param name="csv">The CSV dialect: fr (default: ';', decimal comma, byte order mark) or rfc4180 (',', decimal point).</param>
    internal static Results<ContentHttpResult, FileContentHttpResult, Ok<ReportResponse>, ValidationProblem> Report(
        PlanRequest request, HttpContext context, string? format = null, string? funderId = null, string? csv = null)
    {
        var errors = new RequestErrors();
        (format, string contentType, var dialect) = ReadFormat(context, format, funderId, csv, ReportFormats, errors,
            new(ErrorCodes.FieldRequired,
                "Un projet de délibération s'écrit pour un financeur : donnez funderId (l'identifiant d'un financeur, ou d'un groupe pour un projet par membre).",
                "A deliberation draft is written for one funder: give funderId (a funder's id, or a group's for one draft per member)."));
        var plan = PlanMapping.ToDomain(request, errors);
        if (plan is null || errors.HasErrors)
        {
            return errors.Problem();
        }
        PlanReport report;
        PlanResult result;
        bool groupDrafts = false;
        try
        {
            result = PlanEvaluator.Evaluate(plan);
            // A group's drafts are its members'; every other format and funder goes through the report (which checks the id).
            groupDrafts = format.Equals("docx", StringComparison.OrdinalIgnoreCase) && DeliberationDocument.IsGroup(result, funderId!);
            report = groupDrafts ? PlanReport.From(result) : PlanReport.From(result, funderId);
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
        return format.ToUpperInvariant() switch
        {
            "XLSX" => TypedResults.File(PlanWorkbook.Write(result), contentType, "plan-de-financement.xlsx"),
            "DOCX" when groupDrafts =>
                TypedResults.File(DeliberationDocument.WriteGroup(result, funderId!), DeliberationDocument.ZipContentType, $"deliberations-{funderId}.zip"),
            "DOCX" => TypedResults.File(DeliberationDocument.Write(result, funderId!), contentType, $"deliberation-{funderId}.docx"),
            "JSON" => TypedResults.Ok(ReportMapping.ToResponse(report)),
            "HTML" => TypedResults.Text(HtmlReport.Render(report), contentType),
            "CSV" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CsvReport.Render(report, dialect)), contentType, "plan-de-financement.csv"),
            _ => TypedResults.Text(MarkdownReport.Render(report), contentType),
        };
    }

    /// <summary>
    /// The format the Accept header asks for, by preference (q-values honoured): a client generated from the OpenAPI
    /// document that asks for application/json gets the JSON report, one that asks for text/csv the CSV. Anything else,
    /// or no Accept header, gets Markdown, the default.
    /// </summary>
    internal static string FormatFromAccept(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList(accept, out var media))
        {
            return "markdown";
        }
        foreach (var type in media.OrderByDescending(m => m.Quality ?? 1.0))
        {
            string? format = type.MediaType.Value?.ToLowerInvariant() switch
            {
                "text/markdown" => "markdown",
                "text/html" => "html",
                "text/csv" => "csv",
                "application/json" => "json",
                PlanWorkbook.ContentType => "xlsx",
                DeliberationDocument.ContentType => "docx",
                _ => null,
            };
            if (format is not null)
            {
                return format;
            }
        }
        return "markdown";
    }

    /// <summary>
    /// The format asked for (the query, else the Accept header) with its content type, and the CSV dialect; the errors
    /// name <c>format</c>, <c>funderId</c> (required for a DOCX document) and <c>csv</c>.
    /// </summary>
    internal static (string Format, string ContentType, CsvDialect Dialect) ReadFormat(HttpContext context, string? format, string? funderId, string? csv,
        Dictionary<string, string> formats, RequestErrors errors, FundingMessage docxNeedsFunder)
    {
        format ??= FormatFromAccept(context.Request.Headers.Accept);
        string list = string.Join(", ", formats.Keys);
        if (!formats.TryGetValue(format, out string? contentType))
        {
            errors.Add("format", ErrorCodes.ValueNotAllowed,
                $"Format inconnu « {format} » : il vaut l'un de {list}.",
                $"Unknown format '{format}': expected one of {list}.");
        }
        else if (format.Equals("docx", StringComparison.OrdinalIgnoreCase) && funderId is null)
        {
            errors.Add("funderId", docxNeedsFunder);
        }
        var dialect = CsvDialect.French;
        if (csv is not null && !TryDialect(csv, out dialect))
        {
            errors.Add("csv", ErrorCodes.ValueNotAllowed,
                $"Dialecte CSV inconnu « {csv} » : il vaut fr ou rfc4180.",
                $"Unknown CSV dialect '{csv}': expected fr or rfc4180.");
        }
        return (format, contentType ?? "", dialect);
    }

    /// <summary>The plan (validated, its errors under <c>plan.</c>) and the execution input of a request, or the problem.</summary>
    private static (Plan? Plan, Funding.Execution.ExecutionInput? Input, ValidationProblem? Problem) ReadExecution(ExecutionRequest request, RequestErrors errors)
    {
        var plan = PlanMapping.ToDomain(request.Plan, errors, "plan");
        var input = ExecutionMapping.ToDomain(request, errors);
        if (plan is null || input is null || errors.HasErrors)
        {
            return (null, null, errors.Problem());
        }
        var planErrors = PlanValidator.Validate(plan);
        return planErrors.Count > 0 ? (null, null, ApiProblems.Problem(new FundingValidationException(planErrors), "plan")) : (plan, input, null);
    }

    private static bool TryDialect(string name, out CsvDialect dialect)
    {
        dialect = name.ToUpperInvariant() switch
        {
            "FR" or "FRENCH" => CsvDialect.French,
            "RFC4180" => CsvDialect.Rfc4180,
            _ => (CsvDialect)(-1),
        };
        return Enum.IsDefined(dialect);
    }

    /// <param name="request">The plan.</param>
    /// <param name="explain">full (the default: every sentence and the terms behind it), summary (one sentence per funder, group, budget year and the treasury; none per payment) or none (the lean path: each funder's total and contributions by budget year, the year balances and totals; no sentence, payment schedule, treasury or checks).</param>
    internal static Results<Ok<PlanResponse>, ValidationProblem> Evaluate(PlanRequest request, string? explain = null)
    {
        var errors = new RequestErrors();
        var level = errors.Explain(explain);
        var plan = PlanMapping.ToDomain(request, errors);
        if (plan is null || errors.HasErrors)
        {
            return errors.Problem();
        }
        try
        {
            // explain=none is the lean path: the figures alone, no sentence built, no schedule, treasury or checks.
            return TypedResults.Ok(level == ExplainLevel.None
                ? PlanResultMapping.ToResponse(PlanEvaluator.Figures(plan), plan)
                : PlanResultMapping.ToResponse(PlanEvaluator.Evaluate(plan), level));
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
    }

    internal static Results<Ok<KeyComparisonResponse>, ValidationProblem> CompareKeys(KeyComparisonRequest request)
    {
        var errors = new RequestErrors();
        var plan = PlanMapping.ToDomain(request.Plan, errors, "plan");
        bool keysReadable = errors.NoNullItems(request.Keys, "keys")
            && request.Keys.Select((k, i) => KeyMapping.NoNulls(k.Key, $"keys[{i}].key", errors)).All(ok => ok);
        var keys = keysReadable ? request.Keys.Select((k, i) => new NamedKey(k.Name, KeyMapping.ToDomain(k.Key, $"keys[{i}].key", errors))).ToArray() : [];
        if (plan is null || errors.HasErrors)
        {
            return errors.Problem();
        }
        var planErrors = PlanValidator.Validate(plan);
        if (planErrors.Count > 0)
        {
            return ApiProblems.Problem(new FundingValidationException(planErrors), "plan");
        }
        try
        {
            var result = KeyComparison.Compare(plan, request.GroupId, keys);
            return TypedResults.Ok(new KeyComparisonResponse
            {
                CalculationVersion = CalculationVersion.Current,
                GroupId = result.GroupId,
                PlanKey = result.PlanKey,
                PlanAllocated = result.Allocated[0].Amount,
                Keys = [.. result.Keys.Select((name, k) => new ComparedKeyOutput { Name = name, Allocated = result.Allocated[k + 1].Amount })],
                Members = [.. result.Members.Select(m => new KeyComparisonMemberOutput
                {
                    Id = m.MemberId,
                    Name = m.Name,
                    Plan = m.Plan.Amount,
                    ByKey = [.. result.Keys.Select((name, k) => new MemberUnderKeyOutput { Key = name, Amount = m.ByKey[k].Amount, Difference = m.Differences[k].Amount })],
                    Sentence = m.Sentence,
                })],
            });
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
    }

    /// <param name="request">The plan, the actual expenses and the receipts.</param>
    /// <param name="explain">full (the default), summary or none: the explanation of each due.</param>
    internal static Results<Ok<ExecutionResponse>, ValidationProblem> Execution(ExecutionRequest request, string? explain = null)
    {
        var errors = new RequestErrors();
        var level = errors.Explain(explain);
        var (plan, input, problem) = ReadExecution(request, errors);
        if (problem is not null)
        {
            return problem;
        }
        try
        {
            return TypedResults.Ok(ExecutionMapping.ToResponse(Funding.Execution.ExecutionEvaluator.Evaluate(plan!, input!), level));
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
    }

    private static readonly Dictionary<string, string> ExecutionFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["markdown"] = "text/markdown; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
        ["csv"] = "text/csv; charset=utf-8; header=present",
        ["xlsx"] = PlanWorkbook.ContentType,
        ["docx"] = DeliberationDocument.ContentType,
    };

    /// <param name="request">The plan, the actual expenses and the receipts.</param>
    /// <param name="context">The request, for its Accept header.</param>
    /// <param name="format">markdown, html, csv, xlsx or docx; without it, the Accept header chooses; with neither, markdown.</param>
    /// <param name="funderId">The funder the letter is written to (required with docx).</param>
    /// <param name="csv">The CSV dialect: fr (default) or rfc4180.</param>
    internal static Results<ContentHttpResult, FileContentHttpResult, ValidationProblem> ExecutionReportEndpoint(
        ExecutionRequest request, HttpContext context, string? format = null, string? funderId = null, string? csv = null)
    {
        var errors = new RequestErrors();
        (format, string contentType, var dialect) = ReadFormat(context, format, funderId, csv, ExecutionFormats, errors,
            new(ErrorCodes.FieldRequired, "La lettre s'écrit pour un financeur : donnez funderId.", "The letter is written to one funder: give funderId."));
        var (plan, input, problem) = ReadExecution(request, errors);
        if (problem is not null)
        {
            return problem;
        }
        try
        {
            var result = Funding.Execution.ExecutionEvaluator.Evaluate(plan!, input!);
            return format.ToUpperInvariant() switch
            {
                "XLSX" => TypedResults.File(ExecutionDocuments.Workbook(result), contentType, "etat-recapitulatif-des-depenses.xlsx"),
                "DOCX" => TypedResults.File(ExecutionDocuments.Letter(result, input!, funderId!), contentType, $"solde-{funderId}.docx"),
                "HTML" => TypedResults.Text(ExecutionReport.Html(result), contentType),
                "CSV" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ExecutionReport.Csv(result, dialect)), contentType, "etat-recapitulatif-des-depenses.csv"),
                _ => TypedResults.Text(ExecutionReport.Markdown(result, input!, funderId), contentType),
            };
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
    }

    internal static Results<Ok<CompareResponse>, ValidationProblem> Compare(CompareRequest request)
    {
        var errors = new RequestErrors();
        var baseline = PlanMapping.ToDomain(request.Baseline, errors, "baseline");
        var variant = PlanMapping.ToDomain(request.Variant, errors, "variant");
        if (baseline is null || variant is null)
        {
            return errors.Problem();
        }
        try
        {
            return TypedResults.Ok(PlanResultMapping.ToResponse(PlanComparison.Compare(baseline, variant)));
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
    }
}
