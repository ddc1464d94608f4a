using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Contracts.Mapping;
using Funding.Documents;
using Funding.Execution;
using Funding.Plans;
using Funding.Reports;

namespace Funding.Application.Execution;

/// <summary>The execution use cases: what each funder owes on the actual expenses, and the statement and letters that say it.</summary>
internal static class ExecutionService
{
    private static readonly FundingMessage LetterNeedsFunder = new(ErrorCodes.FieldRequired,
        "La lettre s'écrit pour un financeur : donnez funderId.", "The letter is written to one funder: give funderId.");

    /// <summary>Each funder's due, received and balance, with the actual treasury and the receipts' checks.</summary>
    public static Outcome<ExecutionResponse> Evaluate(ExecutionRequest request, Choice<ExplainLevel>? explain = null, Programmes.ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        var level = errors.Choose(explain, "explain");
        var read = Read(request, errors, programmes);
        if (read.Value is not { } execution)
        {
            return read.As<ExecutionResponse>();
        }
        try
        {
            return Outcome<ExecutionResponse>.Success(ExecutionMapping.ToResponse(ExecutionEvaluator.Evaluate(execution.Plan, execution.Input), level));
        }
        catch (FundingValidationException ex)
        {
            return Outcome<ExecutionResponse>.Invalid(ex);
        }
    }

    /// <summary>The « état récapitulatif des dépenses » in the format asked for, or the letter to <paramref name="funderId"/>.</summary>
    public static Outcome<FileAnswer> Report(ExecutionRequest request, Choice<ExecutionReportFormat>? format, string? funderId, Choice<CsvChoice>? csv, Programmes.ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        var chosen = errors.Choose(format, "format");
        var dialect = errors.Choose(csv, "csv");
        if (chosen == ExecutionReportFormat.Docx && funderId is null)
        {
            errors.Add("funderId", LetterNeedsFunder);
        }
        var read = Read(request, errors, programmes);
        if (read.Value is not { } execution)
        {
            return read.As<FileAnswer>();
        }
        try
        {
            var result = ExecutionEvaluator.Evaluate(execution.Plan, execution.Input);
            return Outcome<FileAnswer>.Success(chosen switch
            {
                ExecutionReportFormat.Xlsx => new(ExecutionDocuments.Workbook(result), PlanWorkbook.ContentType, "etat-recapitulatif-des-depenses.xlsx"),
                ExecutionReportFormat.Docx => new(ExecutionDocuments.Letter(result, execution.Input, funderId!), ExecutionDocuments.LetterContentType, $"solde-{funderId}.docx"),
                ExecutionReportFormat.Html => FileAnswer.Text(ExecutionReport.Html(result), MediaTypes.Html),
                ExecutionReportFormat.Csv => new(System.Text.Encoding.UTF8.GetBytes(ExecutionReport.Csv(result, MediaTypes.Dialect(dialect))), MediaTypes.Csv, "etat-recapitulatif-des-depenses.csv"),
                _ => FileAnswer.Text(ExecutionReport.Markdown(result, execution.Input, funderId), MediaTypes.Markdown),
            });
        }
        catch (FundingValidationException ex)
        {
            return Outcome<FileAnswer>.Invalid(ex);
        }
    }

    /// <summary>The plan (validated, its problems under <c>plan.</c>) and the execution input, or every problem found so far.</summary>
    private static Outcome<ExecutionCase> Read(ExecutionRequest request, RequestErrors errors, Programmes.ProgrammeLookup? programmes)
    {
        var plan = Programmes.ProgrammeService.Attach(request.Plan, PlanMapping.ToDomain(request.Plan, errors, "plan"), errors, "plan", programmes);
        var input = ExecutionMapping.ToDomain(request, errors);
        if (plan is null || input is null || errors.HasErrors)
        {
            return Outcome<ExecutionCase>.Invalid(errors);
        }
        return PlanValidator.Validate(plan) is { Count: > 0 } planErrors
            ? Outcome<ExecutionCase>.Invalid(new FundingValidationException(planErrors), "plan")
            : Outcome<ExecutionCase>.Success(new ExecutionCase(plan, input));
    }

    private sealed record ExecutionCase(Plan Plan, ExecutionInput Input);
}
