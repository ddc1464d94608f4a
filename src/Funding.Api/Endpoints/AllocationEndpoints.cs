using Funding.Allocation;
using Funding.Api.Contracts;
using Funding.Api.Errors;
using Funding.Api.Mapping;
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
            .WithName("SplitAmount")
            .WithSummary("Splits an amount between parties by a key, exactly to the cent.")
            .WithDescription(
                "Largest-remainder split by equal parts, weights (population…) or a mixed key, with optional caps and floors per party. " +
                "The shares come back in input order and always sum to the allocated amount; each says which leftover cent it received and why. " +
                "Ties between equal remainders go to the larger weight, then to the earlier party. Amounts are euros with at most two decimals.")
            .ProducesStandardProblems();
        return app;
    }

    internal static Results<Ok<AllocationResponse>, ValidationProblem> Split(AllocationRequest request)
    {
        var errors = new RequestErrors();
        var (amount, parties, key) = AllocationMapping.ToDomain(request, errors);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        try
        {
            return TypedResults.Ok(AllocationMapping.ToResponse(Allocator.Split(amount, parties, key)));
        }
        catch (FundingValidationException ex)
        {
            return RequestErrors.From(ex);
        }
    }
}
