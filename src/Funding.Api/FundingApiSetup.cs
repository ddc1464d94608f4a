using Funding.Api.Endpoints;
using Funding.Api.Errors;
using Funding.Api.OpenApi;
using Funding.Api.Security;
using Funding.Application;
using Funding.Contracts.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.OpenApi;

namespace Funding.Api;

/// <summary>Wires services, middleware and endpoints; <c>Program.cs</c> only calls these.</summary>
internal static class FundingApiSetup
{
    public static WebApplicationBuilder AddFundingApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes;
            // Kestrel answers a request line or headers beyond its own limits with an empty 414 or 431. Its limits are set
            // above the API's, so that HttpHygiene answers those with a problem body; only the absurd reach Kestrel's.
            kestrel.Limits.MaxRequestLineSize = 4 * ApiLimits.MaxUrlBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 4 * ApiLimits.MaxHeaderBytes;
            // A body that stalls (less than 240 B/s after the grace period) is a 408 problem, not a thread held forever.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(builder.Configuration.GetValue("Funding:RequestBodyGraceSeconds", 5)));
        });
        var services = builder.Services;
        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        // Bad bodies throw, so that the exception handler answers with the path of the offending field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Every problem, whoever made it, is written in the client's language with its stable code.
            ApiProblems.Localize(context);
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
        services.AddExceptionHandler<FundingExceptionHandler>();
        services.AddOpenApi(options => FundingOpenApi.Configure(options));
        services.AddSingleton<ResponseCache>();
        // Saved plans: SQLite by default (ConnectionStrings:Funding, "Data Source=funding.db"), PostgreSQL with
        // Funding:Database:Provider=postgresql and its connection string.
        services.AddSingleton(TimeProvider.System);
        // One data source for the process (an NpgsqlDataSource for PostgreSQL), the stores on it.
        var storage = StorageOptionsFrom(builder.Configuration);
        if (storage.Provider == Funding.Storage.DatabaseProvider.PostgreSql)
        {
            services.AddNpgsqlDataSource(storage.ConnectionString);
        }
        else
        {
            services.AddSingleton<System.Data.Common.DbDataSource>(new Funding.Storage.SqliteDataSource(storage.ConnectionString));
        }
        services.AddSingleton(provider => new Funding.Storage.Database(provider.GetRequiredService<System.Data.Common.DbDataSource>(), storage.Provider, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Funding.Storage.AuditStore>();
        services.AddSingleton<Funding.Storage.PortfolioStore>();
        services.AddSingleton<Funding.Storage.EnvelopeStore>();
        services.AddSingleton<Funding.Storage.ProgrammeStore>();
        services.AddSingleton<Funding.Storage.KeyStore>();
        services.AddSingleton<Funding.Storage.PlanStore>();
        services.AddSingleton<Funding.Storage.ExecutionStore>();
        services.AddSingleton<Funding.Storage.WorkspaceTransferStore>();
        services.AddFundingApplication();
        services.AddSingleton<Funding.Storage.StorageMigrator>();
        services.AddHostedService<StorageMigration>();
        // Saved plans need the workspace's key, or a person's OpenID Connect token (Funding:Oidc): authentication schemes,
        // and RequireAuthorization() on their route groups.
        services.AddFundingAuthentication(builder.Configuration);
        // Roles: a policy per role (reader < editor < signer < admin), a 403 problem naming the role needed.
        services.AddAuthorizationBuilder().AddWorkspaceRoles();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Security.WorkspaceRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Security.ForbiddenProblemHandler>();
        // Cross-origin calls are off unless origins are listed (Funding:Cors:AllowedOrigins); preflights are answered either way.
        string[] origins = builder.Configuration.GetSection("Funding:Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            policy.WithOrigins(origins).WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Content-Type", "Accept", "Accept-Language", "Authorization", "If-Match")
                .WithExposedHeaders(ResponseCache.HeaderName, "ETag", "Location");
        }));
        return builder;
    }

    /// <summary>The saved plans' database, from configuration.</summary>
    internal static Funding.Storage.StorageOptions StorageOptionsFrom(IConfiguration configuration) => new(
        Funding.Storage.StorageOptions.ParseProvider(configuration["Funding:Database:Provider"]),
        configuration.GetConnectionString("Funding") ?? Funding.Storage.StorageOptions.Default.ConnectionString);

    public static WebApplication UseFundingApi(this WebApplication app)
    {
        app.Use(HttpHygiene.InvokeAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.Use(RejectOversizedBodies);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(RequireJsonBodies);
        // The cache answers before the answer budget: a cached answer was produced under the same budget (the same
        // request, the same size), so a hit is written once, straight to the client.
        if (app.Configuration.GetValue("Funding:ResponseCache", defaultValue: true))
        {
            var responseCache = app.Services.GetRequiredService<ResponseCache>();
            app.Use(responseCache.InvokeAsync);
        }
        app.Use(AnswerBudget.InvokeAsync);
        app.Use(KeepBodiesReadable);
        // The simulator page for finance officers: plain HTML, CSS and JavaScript, no build step.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        MapOpenApiDocument(app);
        // Swagger UI only where it answers: its middleware tests every request's path with regular expressions, about 3 %
        // of a /health request's CPU under load (docs/performance.md).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase), swagger =>
            swagger.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/openapi/v1.json", "Funding v1");
                options.RoutePrefix = "swagger";
                options.DocumentTitle = "Funding API";
                options.EnableTryItOutByDefault();
            }));
        return app;
    }

    /// <summary>
    /// Serves /openapi/v1.json: the generated document after <see cref="OpenApiContract.PolishText"/>, computed once
    /// (the document does not change while the process runs).
    /// </summary>
    private static void MapOpenApiDocument(WebApplication app)
    {
        var provider = app.Services.GetRequiredKeyedService<Microsoft.AspNetCore.OpenApi.IOpenApiDocumentProvider>("v1");
        var document = new Lazy<Task<string>>(async () =>
        {
            var generated = await provider.GetOpenApiDocumentAsync();
            string json = await generated.SerializeAsJsonAsync(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1);
            return OpenApiContract.PolishText(json, FundingOpenApi.SchemaExamples());
        });
        app.MapGet("/openapi/v1.json", async () => TypedResults.Text(await document.Value, "application/json; charset=utf-8"))
            .ExcludeFromDescription();
    }

    public static WebApplication MapFundingEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapAllocations();
        app.MapCaps();
        app.MapPlans();
        app.MapSamples();
        app.MapRules();
        app.MapProgrammes();
        app.MapWeightImport();
        app.MapSavedPlans();
        app.MapPortfolio();
        return app;
    }

    /// <summary>
    /// Every endpoint that reads a JSON body (its metadata says so: <c>IAcceptsMetadata</c>, from its body parameter)
    /// reads it in UTF-8: any other media type or charset is a 415 problem here, before the response cache and the endpoint,
    /// so the same body always gets the same answer. <c>application/json</c> with no charset or <c>charset=utf-8</c> is
    /// accepted, in any case.
    /// </summary>
    private static async Task RequireJsonBodies(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        bool readsJson = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase) == true;
        if (readsJson && !IsJsonUtf8(request.ContentType))
        {
            await Problems.WriteAsync(context, ApiProblems.NotJson());
            return;
        }
        await next(context);
        // Another media type than JSON does not even select the endpoint: routing answers an empty 415, said here.
        if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted)
        {
            context.Response.ContentLength = null;
            await Problems.WriteAsync(context, ApiProblems.NotJson());
        }
    }

    /// <summary>
    /// Keeps a JSON body readable a second time, so that a body the serializer refuses can be read again and its problems
    /// named from its structure (JsonShape). The response cache has already made small bodies seekable (a memory copy
    /// it keeps anyway); larger ones are buffered here, in memory up to 1 MiB and in a temporary file beyond. An endpoint
    /// that reads its body once (<see cref="ReadsBodyOnce"/>) keeps a refused body itself, and reads the connection's.
    /// </summary>
    private static Task KeepBodiesReadable(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && !request.Body.CanSeek
            && context.GetEndpoint()?.Metadata.GetMetadata<ReadsBodyOnce>() is null)
        {
            request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: ApiLimits.MaxBodyBytes);
        }
        return next(context);
    }

    internal static bool IsJsonUtf8(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Refuses a body above the limit before reading it (413), whatever the server: Kestrel enforces the same limit on
    /// bodies without a length, the in-memory test server does not.
    /// </summary>
    private static async Task RejectOversizedBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > ApiLimits.MaxBodyBytes)
        {
            await Problems.WriteAsync(context, ApiProblems.BodyTooLarge());
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ApiLimits.MaxBodyBytes;
        }
        await next(context);
    }
}
