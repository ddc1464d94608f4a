using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Funding.Api.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details: unreadable bodies and invalid input become 400s with
/// the path of the offending field, oversized bodies 413, unsupported media types 415; anything unexpected is logged and
/// answered with a 500 that leaks no stack trace.
/// </summary>
internal sealed partial class FundingExceptionHandler(IProblemDetailsService problemDetails, ILogger<FundingExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away: nobody to answer
        }
        ProblemDetails problem = Classify(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    internal static ProblemDetails Classify(Exception exception)
    {
        var inner = exception is BadHttpRequestException { InnerException: { } cause } ? cause : exception;
        if (JsonErrors.IsJsonReadError(inner))
        {
            return Validation(JsonErrors.Translate(inner).GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        if (inner is FundingValidationException validation)
        {
            return Validation(validation.Errors.GroupBy(e => JsonPaths.From(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        if (exception is BadHttpRequestException bad)
        {
            return bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(),
                StatusCodes.Status408RequestTimeout => new ProblemDetails
                {
                    Status = StatusCodes.Status408RequestTimeout,
                    Title = "The request body arrived too slowly.",
                    Detail = "The body stalled: send it at once, at more than 240 bytes a second after the first 5 seconds.",
                },
                StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "The request body must be JSON.",
                    Detail = "Send the body with 'Content-Type: application/json'.",
                },
                _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => Validation(new Dictionary<string, string[]>
                {
                    ["$"] = ["The request body is empty: send the JSON described in the API documentation."],
                }),
                _ => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
            };
        }
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The error has been logged. Please report it with the trace id if it persists.",
        };
    }

    internal static ProblemDetails TooLarge() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large.",
        Detail = $"The limit is {ApiLimits.MaxBodyBytes / (1024 * 1024)} MiB ({ApiLimits.MaxBodyBytes} bytes).",
    };

    private static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid.",
        Detail = "See 'errors': each key is the JSON path of an offending field.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
