using Funding.Api.Endpoints;
using Funding.Api.Errors;
using Funding.Api.Json;
using Funding.Api.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;

namespace Funding.Api;

/// <summary>Wires services, middleware and endpoints; <c>Program.cs</c> only calls these.</summary>
internal static class FundingApiSetup
{
    public static WebApplicationBuilder AddFundingApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes);
        var services = builder.Services;
        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        // Bad bodies throw, so that the exception handler answers with the path of the offending field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => FundingExceptionHandler.TooLarge().Detail,
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with 'Content-Type: application/json'.",
                StatusCodes.Status404NotFound => "No such endpoint: see /swagger for the API's endpoints.",
                StatusCodes.Status405MethodNotAllowed => "This endpoint does not accept that method: see /swagger.",
                _ => null,
            };
        });
        services.AddExceptionHandler<FundingExceptionHandler>();
        services.AddOpenApi(options => FundingOpenApi.Configure(options));
        services.AddSingleton<ResponseCache>();
        return builder;
    }

    public static WebApplication UseFundingApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        if (app.Configuration.GetValue("Funding:ResponseCache", defaultValue: true))
        {
            var responseCache = app.Services.GetRequiredService<ResponseCache>();
            app.Use(responseCache.InvokeAsync);
        }
        // The simulator page for finance officers: plain HTML, CSS and JavaScript, no build step.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Funding v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "Funding API";
            options.EnableTryItOutByDefault();
        });
        return app;
    }

    public static WebApplication MapFundingEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapAllocations();
        app.MapCaps();
        app.MapPlans();
        app.MapSamples();
        return app;
    }

    /// <summary>
    /// Refuses a body above the limit before reading it (413), whatever the server: Kestrel enforces the same limit on
    /// bodies without a length, the in-memory test server does not.
    /// </summary>
    private static async Task RejectOversizedBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > ApiLimits.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = FundingExceptionHandler.TooLarge() });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ApiLimits.MaxBodyBytes;
        }
        await next(context);
    }
}
