using Funding.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Liveness of the service.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Tells whether the service is up.")
            .WithDescription("Returns the service status and the version of the calculation rules (`calculationVersion`), so a client can record which rules produced a figure.");
        return app;
    }

    internal static Ok<HealthResponse> GetHealth() => TypedResults.Ok(new HealthResponse("ok", CalculationVersion.Current));
}
