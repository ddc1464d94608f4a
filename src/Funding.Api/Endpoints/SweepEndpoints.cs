using System.Text;
using Funding.Api.Errors;
using Funding.Application;
using Funding.Application.Sweeps;
using Funding.Plans;
using Funding.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Scenario sweeps: a plan over every value of one or two parameters, as JSON, an XLSX workbook or a streamed CSV.</summary>
internal static class SweepEndpoints
{
    private static readonly FundingMessage Title = new(ErrorCodes.AnswerTooLarge, "La réponse serait trop grosse.", "The answer would be too large.");

    private static readonly FundingMessage Detail = new(ErrorCodes.AnswerTooLarge,
        "Voir « errors » : le message dit comment obtenir une réponse plus petite.", "See 'errors': the message says how to get a smaller answer.");

    public static RouteGroupBuilder MapSweep(this RouteGroupBuilder plans)
    {
        plans.MapPost("/sweep", Sweep)
            .WithName("SweepPlan")
            .WithSummary("A plan over every value of one or two parameters — a funder's rate, cap or annual amount, the cost, the start date, a group's key: each funder's total per scenario, with its minimum and maximum.")
            .WithDescription(
                "Each parameter takes a list ('values', 'dates', 'keys') or a range ('range': from, to, step; 'dateRange': from, to, stepMonths); two parameters give every combination, " +
                "the last varying fastest, at most 100 000 scenarios. Every scenario is checked before anything is computed, and computed on the lean path (figures, no sentences). " +
                "'byBudgetYear' adds each funder's contribution to each budget year. 'format' chooses json (the default), xlsx (scenarios, and a summary with live MIN/MAX formulas) " +
                "or csv (streamed as it is computed; ';' and decimal comma with a byte order mark, or 'csv=rfc4180'). 'planScenario' is the scenario whose values are the plan's own.")
            .ProducesStandardProblems();
        return plans;
    }

    /// <param name="request">The plan and the parameters to vary.</param>
    /// <param name="format">json (the default), csv or xlsx; without it, the Accept header chooses.</param>
    /// <param name="csv">The CSV dialect: fr (default: ';', decimal comma, byte order mark) or rfc4180 (',', decimal point).</param>
    internal static async Task<Results<Ok<SweepResponse>, FileContentHttpResult, EmptyHttpResult, ValidationProblem>> Sweep(
        SweepRequest request, HttpContext context, Choice<SweepFormat>? format = null, Choice<CsvChoice>? csv = null)
    {
        format ??= PlanEndpoints.FromAccept(context, media => MediaTypes.ReportFormatOf(media) switch
        {
            ReportFormat.Csv => SweepFormat.Csv,
            ReportFormat.Xlsx => SweepFormat.Xlsx,
            ReportFormat.Json => SweepFormat.Json,
            _ => (SweepFormat?)null,
        });
        var prepared = SweepService.Prepare(request, format, csv);
        if (prepared.Value is not { } sweep)
        {
            return prepared.Invalid();
        }

        // The answer's size, bounded from above before anything is computed, within the request's answer budget whatever
        // the format: the CSV is streamed (never held whole), not unbounded.
        long budget = AnswerBudget.For(context.Request.ContentLength);
        if (sweep.EstimatedBytes > budget)
        {
            return ApiProblems.Result([new FieldProblem("parameters", TooLarge(sweep.EstimatedBytes, budget))], Title, Detail);
        }
        switch (sweep.Format)
        {
            case SweepFormat.Csv:
                await StreamCsv(context, sweep.Sweep, sweep.Dialect, MediaTypes.Csv);
                return TypedResults.Empty;
            case SweepFormat.Xlsx:
                return PlanEndpoints.File(SweepService.Workbook(sweep));
            default:
                return TypedResults.Ok(SweepService.Json(sweep));
        }
    }

    /// <summary>Writes the CSV line by line as the scenarios are computed, around the answer buffer: nothing is held whole.</summary>
    private static async Task StreamCsv(HttpContext context, PreparedSweep sweep, CsvDialect dialect, string contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = "attachment; filename=scenarios.csv";
        var body = AnswerBudget.Unbuffered(context);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        int lines = 0;
        foreach (string line in SweepCsv.Lines(sweep, dialect))
        {
            await writer.WriteAsync(line.AsMemory(), context.RequestAborted);
            if (++lines % 1024 == 0)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }
        await writer.FlushAsync(context.RequestAborted);
    }

    private static FundingMessage TooLarge(long estimate, long budget)
    {
        string size = (estimate / (1024m * 1024m)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string limit = (budget / (1024m * 1024m)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return new FundingMessage(ErrorCodes.AnswerTooLarge,
            $"La réponse occuperait jusqu'à {size.Replace('.', ',')} Mio, au-delà du budget de cette requête, {limit.Replace('.', ',')} Mio " +
            $"({AnswerBudget.RequestMultiple} fois la requête, entre {AnswerBudget.MinBytes / (1024 * 1024)} et {AnswerBudget.MaxBytes / (1024 * 1024)} Mio) : réduisez le nombre de scénarios ou retirez byBudgetYear.",
            $"The answer would take up to {size} MiB, beyond this request's budget of {limit} MiB " +
            $"({AnswerBudget.RequestMultiple} times the request, between {AnswerBudget.MinBytes / (1024 * 1024)} and {AnswerBudget.MaxBytes / (1024 * 1024)} MiB): ask for fewer scenarios or drop byBudgetYear.");
    }
}
