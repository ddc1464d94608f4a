using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Funding.Api.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details: unreadable bodies and invalid input become 400s with
/// the path of the offending field, oversized bodies 413, unsupported media types 415; anything unexpected is logged and
/// answered with a 500 that leaks no stack trace.
/// </summary>
/// <remarks>
/// A body the JSON serializer refuses is read again and checked against the endpoint's contract by
/// <see cref="JsonShape"/>: the problems come from the body's structure and the contract's metadata, never from the
/// runtime's (English) exception text.
/// </remarks>
internal sealed partial class FundingExceptionHandler(
    IProblemDetailsService problemDetails, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<FundingExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away: nobody to answer
        }
        ProblemDetails problem = await ClassifyAsync(httpContext, exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private async Task<ProblemDetails> ClassifyAsync(HttpContext context, Exception exception)
    {
        var inner = exception is BadHttpRequestException { InnerException: { } cause } ? cause : exception;
        // Any body the endpoint could not read (the serializer refused it, or its text could not be decoded) is checked
        // against the contract; what the check finds is the answer, whatever the serializer's exception was.
        bool unreadBody = exception is BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } || inner is JsonException or NotSupportedException;
        var bodyType = (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        if (unreadBody && bodyType is not null && await BodyAsync(context.Request) is { } body)
        {
            return BodyProblem(context, exception, body, bodyType);
        }
        return Classify(exception, readsJsonBody: bodyType is not null);
    }

    /// <summary>The problem of a body the endpoint could not read, named by path; never throws, whatever the bytes.</summary>
    private ProblemDetails BodyProblem(HttpContext context, Exception exception, ReadOnlyMemory<byte> body, Type bodyType)
    {
        var inner = exception is BadHttpRequestException { InnerException: { } cause } ? cause : exception;
        try
        {
            var problems = JsonShape.Check(body, bodyType, json.Value.SerializerOptions);
            if (problems.Count > 0)
            {
                // The query's choices are reported with the body's problems, as the use case would have.
                return ApiProblems.Validation([.. problems.Select(p => new FieldProblem(p.Path, p.Message)), .. ChoiceProblems(context)]);
            }
            if (inner is JsonException { Path: var path })
            {
                // The shape is right but a value was refused (our own converters): the path is still known.
                return ApiProblems.Validation([new FieldProblem(string.IsNullOrEmpty(path) || path == "$" ? "$" : path.TrimStart('$', '.'),
                    new FundingMessage(ErrorCodes.ValueWrongType,
                        "Cette valeur ne peut pas être lue à cet endroit : voyez le schéma de ce champ dans la documentation de l'API.",
                        "This value cannot be read here: see this field's schema in the API documentation."))]);
            }
            return Classify(exception);
        }
        catch (Exception unexpected) when (unexpected is InvalidOperationException or ArgumentException or FormatException or JsonException)
        {
            // The check itself could not read these bytes: still a problem naming the body, never an error page.
            LogUnexpected(logger, unexpected, context.Request.Method, context.Request.Path);
        }
        return ApiProblems.Validation([new FieldProblem("$", new FundingMessage(ErrorCodes.InvalidRequest,
            "Le corps de la requête n'a pas pu être lu : vérifiez qu'il est du JSON en UTF-8 conforme au schéma de ce point d'accès.",
            "The request body could not be read: check that it is UTF-8 JSON matching this endpoint's schema."))]);
    }

    /// <summary>The unknown values of the endpoint's choice parameters (<c>format</c>, <c>csv</c>, <c>explain</c>), read from its handler's signature.</summary>
    private static IEnumerable<FieldProblem> ChoiceProblems(HttpContext context)
    {
        var method = (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<System.Reflection.MethodInfo>();
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Choice<>) && parameter.Name is { } name
                && context.Request.Query.TryGetValue(name, out var values) && values.ToString() is var text && !Choices.IsName(type.GetGenericArguments()[0], text))
            {
                yield return new FieldProblem(name, Choices.Unknown(type.GetGenericArguments()[0], text));
            }
        }
    }

    /// <summary>The request body again, when it was kept (every JSON POST's is, within the body limit).</summary>
    private static async Task<ReadOnlyMemory<byte>?> BodyAsync(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<RefusedBody>() is { } refused)
        {
            return refused.Bytes;
        }
        if (!request.Body.CanSeek || request.Body.Length > ApiLimits.MaxBodyBytes)
        {
            return null;
        }
        request.Body.Position = 0;
        using var copy = new MemoryStream((int)request.Body.Length);
        await request.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// The problem an exception stands for, when the body is not at stake. A <see cref="JsonException"/> is the request's
    /// fault only where the endpoint reads a JSON body (<paramref name="readsJsonBody"/>); elsewhere it came from data the
    /// server keeps, which is the server's fault: a 500, logged, not a 400 about a body the request did not have.
    /// </summary>
    internal static ProblemDetails Classify(Exception exception, bool readsJsonBody = true)
    {
        var inner = exception is BadHttpRequestException { InnerException: { } cause } ? cause : exception;
        if (inner is FundingValidationException validation)
        {
            return ApiProblems.Validation(validation.Errors.Select(e => new FieldProblem(JsonPaths.From(e.Field), e.Problem)).ToArray());
        }
        if (exception is BadHttpRequestException bad)
        {
            return bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ApiProblems.BodyTooLarge(),
                StatusCodes.Status408RequestTimeout => ApiProblems.Create(StatusCodes.Status408RequestTimeout, ErrorCodes.BodyTooSlow,
                    new(ErrorCodes.BodyTooSlow, "Le corps de la requête est arrivé trop lentement.", "The request body arrived too slowly."),
                    new(ErrorCodes.BodyTooSlow,
                        "Le corps s'est interrompu : envoyez-le d'un coup, à plus de 240 octets par seconde après les 5 premières secondes.",
                        "The body stalled: send it at once, at more than 240 bytes a second after the first 5 seconds.")),
                StatusCodes.Status415UnsupportedMediaType => ApiProblems.NotJson(),
                _ => ApiProblems.Create(bad.StatusCode, ErrorCodes.InvalidRequest,
                    new(ErrorCodes.InvalidRequest, "La requête n'a pas pu être lue.", "The request could not be read.")),
            };
        }
        if (inner is JsonException && readsJsonBody)
        {
            return ApiProblems.Validation([new FieldProblem("$", new FundingMessage(ErrorCodes.JsonSyntax,
                "Le corps n'a pas pu être lu comme du JSON.", "The body could not be read as JSON."))]);
        }
        return ApiProblems.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
            new(ErrorCodes.InternalError, "Une erreur inattendue s'est produite.", "An unexpected error occurred."),
            new(ErrorCodes.InternalError,
                "L'erreur a été consignée. Si elle se reproduit, signalez-la avec son identifiant de trace (traceId).",
                "The error has been logged. Please report it with the trace id if it persists."));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
