using Funding.Api.Contracts;
using Funding.Api.Errors;
using Funding.Api.Mapping;
using Funding.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Evaluating and comparing co-financing plans.</summary>
internal static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/v1/plans").WithTags("Plans");
        plans.MapPost("/", Evaluate)
            .WithName("EvaluatePlan")
            .WithSummary("Evaluates a co-financing plan: every funder's total, schedule, the budget-year table, the treasury and the checks.")
            .WithDescription(
                "Rules apply in the order of the funders (the waterfall): rates, fixed amounts per year or in total, key shares of a pool, and the carrier's remainder. " +
                "Every figure comes with its explanation as data and as a French sentence, and French-formatted figures ready to paste into a council report. " +
                "A failed check is part of the result (200), not an error. Try it with the seed case: GET /v1/samples/territoire-industrie-finistere.")
            .ProducesStandardProblems();
        plans.MapPost("/compare", Compare)
            .WithName("ComparePlans")
            .WithSummary("Compares two plans: per-funder and total deltas, with both explanations.")
            .WithDescription("Funders are matched by id. Use it for what-if questions: a higher cap, a start in January, one EPCI more. Errors name the plan: 'baseline.funders[0].id'.")
            .ProducesStandardProblems();
        return app;
    }

    internal static Results<Ok<PlanResponse>, ValidationProblem> Evaluate(PlanRequest request)
    {
        var errors = new RequestErrors();
        var plan = PlanMapping.ToDomain(request, errors);
        if (plan is null)
        {
            return errors.Problem();
        }
        try
        {
            return TypedResults.Ok(PlanResultMapping.ToResponse(PlanEvaluator.Evaluate(plan)));
        }
        catch (FundingValidationException ex)
        {
            return RequestErrors.From(ex);
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
            return RequestErrors.From(ex);
        }
    }
}
