namespace Funding.Api;

/// <summary>Wires services, middleware and endpoints; <c>Program.cs</c> only calls these.</summary>
internal static class FundingApiSetup
{
    public static IServiceCollection AddFundingApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseFundingApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Funding v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "Funding API";
        });
        return app;
    }

    public static WebApplication MapFundingEndpoints(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
        app.MapHealth();
        return app;
    }
}
