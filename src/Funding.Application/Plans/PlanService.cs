using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Documents;
using Funding.Plans;
using Funding.Reports;
using Funding.Rules;

namespace Funding.Application.Plans;

/// <summary>
/// The plan use cases: evaluate, compare two plans, compare keys, and write the report in every format. Each reads the
/// contract (every problem named by its JSON path), runs the engine once, and maps the result; none knows HTTP.
/// </summary>
internal static class PlanService
{
    private static readonly FundingMessage DocxNeedsFunder = new(ErrorCodes.FieldRequired,
        "Un projet de délibération s'écrit pour un financeur : donnez funderId (l'identifiant d'un financeur, ou d'un groupe pour un projet par membre).",
        "A deliberation draft is written for one funder: give funderId (a funder's id, or a group's for one draft per member).");

    /// <summary>The plan's figures, schedules, budget years, treasury and checks, explained to <paramref name="explain"/>.</summary>
    /// <param name="request">The plan.</param>
    /// <param name="explain">The explanation level; none takes the lean path (figures only).</param>
    /// <param name="programmes">Where the plan's programme is found (the national catalogue when null).</param>
    public static Outcome<PlanResponse> Evaluate(PlanRequest request, Choice<ExplainLevel>? explain = null, Programmes.ProgrammeLookup? programmes = null)
    {
        var outcome = Answer(request, explain, programmes);
        return outcome.Value is { } answer ? Outcome<PlanResponse>.Success(answer.Response()) : outcome.As<PlanResponse>();
    }

    /// <summary>
    /// What <see cref="Evaluate"/> answers, as the API writes it: the engine's figures (explain=none) or its explained
    /// result, which <see cref="PlanAnswerWriter"/> writes straight to JSON without building the contract's records
    /// first (issue #28).
    /// </summary>
    public static Outcome<PlanAnswer> Answer(PlanRequest request, Choice<ExplainLevel>? explain = null, Programmes.ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        var level = errors.Choose(explain, "explain");
        var plan = Read(request, errors, programmes);
        if (plan is null || errors.HasErrors)
        {
            return Outcome<PlanAnswer>.Invalid(errors);
        }
        try
        {
            // explain=none is the lean path: the figures alone, no sentence built, no schedule, treasury or checks.
            return Outcome<PlanAnswer>.Success(level == ExplainLevel.None
                ? PlanAnswer.Lean(PlanEvaluator.Figures(plan), plan)
                : PlanAnswer.Explained(PlanEvaluator.Evaluate(plan, level == ExplainLevel.Summary ? ExplanationDepth.Summary : ExplanationDepth.Full), level));
        }
        catch (FundingValidationException ex)
        {
            return Outcome<PlanAnswer>.Invalid(ex);
        }
    }

    /// <summary>Two plans side by side: per-funder and total deltas; errors under <c>baseline.</c> and <c>variant.</c>.</summary>
    public static Outcome<CompareResponse> Compare(CompareRequest request, Programmes.ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        var baseline = Programmes.ProgrammeService.Attach(request.Baseline, PlanMapping.ToDomain(request.Baseline, errors, "baseline"), errors, "baseline", programmes);
        var variant = Programmes.ProgrammeService.Attach(request.Variant, PlanMapping.ToDomain(request.Variant, errors, "variant"), errors, "variant", programmes);
        if (baseline is null || variant is null || errors.HasErrors)
        {
            return Outcome<CompareResponse>.Invalid(errors);
        }
        try
        {
            return Outcome<CompareResponse>.Success(PlanResultMapping.ToResponse(PlanComparison.Compare(baseline, variant)));
        }
        catch (FundingValidationException ex)
        {
            return Outcome<CompareResponse>.Invalid(ex);
        }
    }

    /// <summary>A group split by several keys side by side, each member with its difference to the plan's key.</summary>
    public static Outcome<KeyComparisonResponse> CompareKeys(KeyComparisonRequest request)
    {
        var errors = new RequestErrors();
        var plan = PlanMapping.ToDomain(request.Plan, errors, "plan");
        bool keysReadable = errors.NoNullItems(request.Keys, "keys")
            && request.Keys.Select((k, i) => KeyMapping.NoNulls(k.Key, $"keys[{i}].key", errors)).All(ok => ok);
        var keys = keysReadable ? request.Keys.Select((k, i) => new NamedKey(k.Name, KeyMapping.ToDomain(k.Key, $"keys[{i}].key", errors))).ToArray() : [];
        if (plan is null || errors.HasErrors)
        {
            return Outcome<KeyComparisonResponse>.Invalid(errors);
        }
        if (PlanValidator.Validate(plan) is { Count: > 0 } planErrors)
        {
            return Outcome<KeyComparisonResponse>.Invalid(new FundingValidationException(planErrors), "plan");
        }
        try
        {
            var result = KeyComparison.Compare(plan, request.GroupId, keys);
            return Outcome<KeyComparisonResponse>.Success(new KeyComparisonResponse
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
            return Outcome<KeyComparisonResponse>.Invalid(ex);
        }
    }

    /// <summary>The report of a plan request in the format asked for; the query's problems and the plan's are reported together.</summary>
    /// <param name="request">The plan.</param>
    /// <param name="format">The format (its default when null).</param>
    /// <param name="funderId">The funder of the deliberation paragraph or draft; required for DOCX.</param>
    /// <param name="csv">The CSV dialect.</param>
    public static Outcome<ReportAnswer> Report(PlanRequest request, Choice<ReportFormat>? format, string? funderId, Choice<CsvChoice>? csv, Programmes.ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        var chosen = errors.Choose(format, "format");
        var dialect = errors.Choose(csv, "csv");
        if (chosen == ReportFormat.Docx && funderId is null)
        {
            errors.Add("funderId", DocxNeedsFunder);
        }
        var plan = Read(request, errors, programmes);
        if (plan is null || errors.HasErrors)
        {
            return Outcome<ReportAnswer>.Invalid(errors);
        }
        return Report(plan, chosen, funderId, dialect);
    }

    /// <summary>The report of a valid plan (the command line reads its file with <see cref="PlanFile"/>).</summary>
    public static Outcome<ReportAnswer> Report(Plan plan, ReportFormat format, string? funderId, CsvChoice csv)
    {
        try
        {
            var result = PlanEvaluator.Evaluate(plan);
            if (format == ReportFormat.Docx)
            {
                // A group's drafts are its members', in a zip; a funder's is one document.
                return Outcome<ReportAnswer>.Success(DeliberationDocument.IsGroup(result, funderId!)
                    ? ReportAnswer.Of(new(DeliberationDocument.WriteGroup(result, funderId!), DeliberationDocument.ZipContentType, $"deliberations-{funderId}.zip"))
                    : ReportAnswer.Of(new(DeliberationDocument.Write(result, funderId!), DeliberationDocument.ContentType, $"deliberation-{funderId}.docx")));
            }
            if (format == ReportFormat.Xlsx)
            {
                return Outcome<ReportAnswer>.Success(ReportAnswer.Of(new(PlanWorkbook.Write(result), PlanWorkbook.ContentType, "plan-de-financement.xlsx")));
            }
            var report = PlanReport.From(result, funderId);
            return Outcome<ReportAnswer>.Success(format switch
            {
                ReportFormat.Json => new ReportAnswer(null, ReportMapping.ToResponse(report)),
                ReportFormat.Html => ReportAnswer.Of(FileAnswer.Text(HtmlReport.Render(report), MediaTypes.Html)),
                ReportFormat.Csv => ReportAnswer.Of(new(System.Text.Encoding.UTF8.GetBytes(CsvReport.Render(report, MediaTypes.Dialect(csv))), MediaTypes.Csv, "plan-de-financement.csv")),
                _ => ReportAnswer.Of(FileAnswer.Text(MarkdownReport.Render(report), MediaTypes.Markdown)),
            });
        }
        catch (FundingValidationException ex)
        {
            return Outcome<ReportAnswer>.Invalid(ex);
        }
    }

    /// <summary>
    /// The plan of a request. When the query is wrong already, the plan's own problems are added, so that one answer
    /// lists them all; otherwise the engine validates it (once) as it evaluates.
    /// </summary>
    private static Plan? Read(PlanRequest request, RequestErrors errors, Programmes.ProgrammeLookup? programmes)
    {
        bool queryWrong = errors.HasErrors;
        var plan = Programmes.ProgrammeService.Attach(request, PlanMapping.ToDomain(request, errors), errors, "", programmes);
        if (plan is not null && queryWrong)
        {
            errors.AddRange(PlanValidator.Validate(plan));
        }
        return plan;
    }
}
