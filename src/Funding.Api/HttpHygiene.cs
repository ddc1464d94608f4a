namespace Funding.Api;

/// <summary>
/// The headers every answer carries and the limits on the request line and headers, answered as problems.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c> and <c>X-Frame-Options: DENY</c> on
/// every answer;</item>
/// <item>a Content-Security-Policy: the simulator page and the API load only from this origin, and no page may be framed
/// (<c>frame-ancestors 'none'</c>); Swagger UI, which styles itself inline, gets <c>'unsafe-inline'</c> styles and
/// nothing else;</item>
/// <item>no <c>Server</c> header (Kestrel's is turned off in <see cref="FundingApiSetup"/>);</item>
/// <item>a request line over <see cref="ApiLimits.MaxUrlBytes"/> is a 414 problem, headers over
/// <see cref="ApiLimits.MaxHeaderBytes"/> a 431 problem, instead of Kestrel's empty answers.</item>
/// </list>
/// </remarks>
internal static class HttpHygiene
{
    internal const string PageCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    internal const string SwaggerCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase) ? SwaggerCsp : PageCsp;

        var request = context.Request;
        long lineBytes = request.Method.Length + (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) + 10;
        if (lineBytes > ApiLimits.MaxUrlBytes)
        {
            await Errors.Problems.WriteAsync(context, Errors.ApiProblems.Create(StatusCodes.Status414UriTooLong, ErrorCodes.RequestTooLarge,
                new(ErrorCodes.RequestTooLarge, "La ligne de requête est trop longue.", "The request line is too long."),
                new(ErrorCodes.RequestTooLarge,
                    $"La méthode, le chemin et les paramètres tiennent en {ApiLimits.MaxUrlBytes} octets au plus : envoyez les données dans un corps JSON.",
                    $"The method, path and query string may take at most {ApiLimits.MaxUrlBytes} bytes: send the data in a JSON body.")));
            return;
        }
        long headerBytes = 0;
        foreach (var header in request.Headers)
        {
            headerBytes += header.Key.Length + 4;
            foreach (string? value in header.Value)
            {
                headerBytes += value?.Length ?? 0;
            }
        }
        if (headerBytes > ApiLimits.MaxHeaderBytes)
        {
            await Errors.Problems.WriteAsync(context, Errors.ApiProblems.Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, ErrorCodes.RequestTooLarge,
                new(ErrorCodes.RequestTooLarge, "Les en-têtes de la requête sont trop gros.", "The request headers are too large."),
                new(ErrorCodes.RequestTooLarge,
                    $"Les en-têtes tiennent en {ApiLimits.MaxHeaderBytes} octets au plus en tout.",
                    $"The headers may take at most {ApiLimits.MaxHeaderBytes} bytes in all.")));
            return;
        }
        await next(context);
    }
}
