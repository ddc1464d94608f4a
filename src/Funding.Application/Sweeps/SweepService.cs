using System.Text.RegularExpressions;
using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Contracts.Mapping;
using Funding.Documents;
using Funding.Plans;

namespace Funding.Application.Sweeps;

/// <summary>
/// Scenario sweeps: the plan and its parameters read and every scenario checked before anything is computed; the caller
/// then bounds the answer (its size is known from the prepared sweep) and streams or builds it.
/// </summary>
internal static partial class SweepService
{
    /// <summary>The sweep, checked and ready to run, with the format and dialect asked for; or every problem.</summary>
    public static Outcome<SweepPlan> Prepare(SweepRequest request, Choice<SweepFormat>? format, Choice<CsvChoice>? csv)
    {
        var errors = new RequestErrors();
        var chosen = errors.Choose(format, "format");
        var dialect = errors.Choose(csv, "csv");
        var (plan, axes) = SweepMapping.ToDomain(request, errors);
        if (plan is null || axes is null || errors.HasErrors)
        {
            return Outcome<SweepPlan>.Invalid(errors);
        }
        if (PlanValidator.Validate(plan) is { Count: > 0 } planErrors)
        {
            return Outcome<SweepPlan>.Invalid(new FundingValidationException(planErrors), "plan");
        }
        try
        {
            var sweep = PlanSweep.Prepare(plan, axes, request.ByBudgetYear);
            long estimate = SweepMapping.EstimatedJsonBytes(sweep.Count, sweep.Funders.Count, sweep.Years.Count, sweep.ByBudgetYear, sweep.Axes.Count);
            return Outcome<SweepPlan>.Success(new SweepPlan(sweep, chosen, MediaTypes.Dialect(dialect), estimate));
        }
        catch (FundingValidationException ex)
        {
            // A value from a range is named by its range: the request has no list to point into.
            return Outcome<SweepPlan>.Invalid(new FundingValidationException([.. ex.Errors.Select(e => e with { Field = InRange(e.Field, request) })]));
        }
    }

    /// <summary>The sweep's answer as JSON.</summary>
    public static SweepResponse Json(SweepPlan sweep) => SweepMapping.ToResponse(sweep.Sweep.Run());

    /// <summary>The sweep's workbook: the scenarios, and a summary with live MIN/MAX formulas.</summary>
    public static FileAnswer Workbook(SweepPlan sweep) => new(SweepWorkbook.Build(sweep.Sweep.Run()), SweepWorkbook.ContentType, "scenarios.xlsx");

    private static FieldPath InRange(FieldPath field, SweepRequest request)
    {
        var match = ListItem().Match(field.ToString());
        if (!match.Success)
        {
            return field;
        }
        int a = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var input = request.Parameters[a];
        return input.Range is not null ? FieldPath.Of("parameters").Item(a).Field("range")
            : input.DateRange is not null ? FieldPath.Of("parameters").Item(a).Field("dateRange")
            : field;
    }

    [GeneratedRegex(@"^parameters\[(\d+)\]\.(values|dates)\[\d+\]$")]
    private static partial Regex ListItem();
}
