using Microsoft.AspNetCore.Mvc;

namespace Funding.Api.Errors;

/// <summary>Writes a problem from a middleware, before any endpoint runs: one place for the status and the body.</summary>
internal static class Problems
{
    /// <summary>Answers <paramref name="problem"/> (its status is the response's) through the API's problem details service.</summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
