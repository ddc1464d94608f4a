using Funding.Allocation;
using Funding.Contracts;
using Funding.Api.Errors;
using Funding.Contracts.Mapping;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Splitting an amount by a key.</summary>
internal static class AllocationEndpoints
{
    public static IEndpointRouteBuilder MapAllocations(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/allocations")
            .WithTags("Allocations")
            .MapPost("/", Split)
            .CachesAnswers()
            .WithName("SplitAmount")
            .WithSummary("Splits an amount between parties by a key, exactly to the cent.")
            .WithDescription(
                "Largest-remainder split by equal parts, weights (population…) or a mixed key, with optional caps and floors per party. " +
                "The shares come back in input order and always sum to the allocated amount; each says which leftover cent it received and why. " +
                "Ties between equal remainders go to the larger weight, then to the earlier party. Amounts are euros with at most two decimals.")
            .ProducesStandardProblems();
        return app;
    }

    /// <param name="request">The amount, the key and the parties.</param>
    /// <param name="explain">none (figures only), summary (one sentence for the split) or full (a sentence per share, the default).</param>
    internal static Results<JsonAnswer<AllocationResponse>, ValidationProblem> Split(AllocationRequest request, HttpContext context, Choice<ExplainLevel>? explain = null)
    {
        var errors = new RequestErrors();
        var level = errors.Choose(explain, "explain");
        var (amount, parties, key) = AllocationMapping.ToDomain(request, errors);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        long budget = AnswerBudget.For(context.Request.ContentLength);
        long estimate = AllocationMapping.EstimateAnswerBytes(request, key, level);
        if (estimate > budget)
        {
            return AnswerBudget.Problem(budget, estimate, level);
        }
        try
        {
            return JsonAnswer.Of(AllocationMapping.ToResponse(Allocator.Split(amount, parties, key), level));
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
    }
}
