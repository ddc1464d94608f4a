namespace Funding.Api.Errors;

/// <summary>
/// The last problem writer: a problem for a client whose <c>Accept</c> names no JSON type (« Accept: text/csv »).
/// ASP.NET Core's own writer refuses such a client, and each caller then did its own thing: the authentication's
/// challenge and the exception handler threw, so the problem became an empty 500; the endpoints' problem results wrote
/// it without the API's customization (no <c>code</c>, an internal extension shown); the status code pages wrote plain
/// text. An error is answered as <c>application/problem+json</c> all the same — RFC 9110 (§ 12.1) lets a server
/// disregard <c>Accept</c> rather than answer 406 — by the API's own writer, asked again as if the header were absent.
/// Registered after <c>AddProblemDetails</c>, so that it is asked only when that writer refuses.
/// </summary>
internal sealed class AnyAcceptProblemWriter : IProblemDetailsWriter
{
    private static readonly object Asked = new();

    public bool CanWrite(ProblemDetailsContext context) => !context.HttpContext.Items.ContainsKey(Asked);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        http.Items[Asked] = true;
        http.Request.Headers.Accept = Microsoft.Extensions.Primitives.StringValues.Empty;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(context);
    }
}
