using Microsoft.AspNetCore.Mvc;
using Funding.Contracts.Errors;
using Microsoft.Net.Http.Headers;

namespace Funding.Api.Errors;

/// <summary>
/// Every problem the API answers, in one language: French by default, English when the client prefers it
/// (<c>Accept-Language: en</c>). A problem is built with both languages and a stable code; the language is chosen when
/// it is written (<see cref="Localize"/>, called by the problem details service for every problem, whoever made it).
/// </summary>
/// <remarks>
/// Every problem carries <c>code</c>; a validation problem also carries <c>errors</c> (path → sentences, the ASP.NET
/// convention) and <c>fieldErrors</c> (path, code and sentence of each problem, in order).
/// </remarks>
internal static class ApiProblems
{
    private const string Key = "__funding.localized";

    private static readonly FundingMessage InvalidTitle = new(ErrorCodes.InvalidRequest,
        "La requête n'est pas valide.", "The request is not valid.");

    private static readonly FundingMessage InvalidDetail = new(ErrorCodes.InvalidRequest,
        "Voir « errors » : chaque clé est le chemin JSON d'un champ en cause ; « fieldErrors » donne aussi le code de chaque problème.",
        "See 'errors': each key is the JSON path of an offending field; 'fieldErrors' also gives each problem's code.");

    private sealed record Localized(string Code, FundingMessage Title, FundingMessage? Detail, IReadOnlyList<FieldProblem>? Fields);

    /// <summary>A problem with a status, a code, a title and a detail in both languages.</summary>
    public static ProblemDetails Create(int status, string code, FundingMessage title, FundingMessage? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title.French, Detail = detail?.French };
        problem.Extensions[Key] = new Localized(code, title, detail, null);
        return problem;
    }

    /// <summary>A 400 validation problem listing the offending fields.</summary>
    public static HttpValidationProblemDetails Validation(IReadOnlyList<FieldProblem> fields, FundingMessage? title = null, FundingMessage? detail = null)
    {
        var problem = new HttpValidationProblemDetails(Group(fields, MessageLanguage.French))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = (title ?? InvalidTitle).French,
            Detail = (detail ?? InvalidDetail).French,
        };
        problem.Extensions[Key] = new Localized(title?.Code ?? ErrorCodes.InvalidRequest, title ?? InvalidTitle, detail ?? InvalidDetail, fields);
        return problem;
    }

    /// <summary>The extensions of a validation problem made with <see cref="Validation"/>, for <c>TypedResults.ValidationProblem</c>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Result(IReadOnlyList<FieldProblem> fields, FundingMessage? title = null, FundingMessage? detail = null)
    {
        var problem = Validation(fields, title, detail);
        return TypedResults.ValidationProblem(problem.Errors, problem.Detail, title: problem.Title, extensions: problem.Extensions);
    }

    /// <summary>The validation problem of the errors collected while reading a request.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(this RequestErrors errors) => Result(errors.ToList());

    /// <summary>The validation problem of a domain validation exception, its paths under <paramref name="prefix"/>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(FundingValidationException exception, string prefix = "") =>
        RequestErrors.From(exception, prefix).Problem();

    /// <summary>The language the client prefers among French and English (French when it says nothing or prefers another).</summary>
    public static MessageLanguage LanguageOf(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.AcceptLanguage))
        {
            return MessageLanguage.French;
        }
        IList<StringWithQualityHeaderValue> languages;
        try
        {
            languages = context.Request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return MessageLanguage.French;
        }
        foreach (var language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            string tag = language.Value.Value ?? "";
            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
            {
                return MessageLanguage.French;
            }
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return MessageLanguage.English;
            }
        }
        return MessageLanguage.French;
    }

    /// <summary>Writes the problem in the client's language, with its code (and field errors), whoever built it.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var language = LanguageOf(context.HttpContext);
        var localized = problem.Extensions.TryGetValue(Key, out var value) && value is Localized l ? l : ForStatus(problem.Status ?? 500, problem);
        problem.Extensions.Remove(Key);
        problem.Title = localized.Title.In(language);
        problem.Detail = localized.Detail?.In(language) ?? problem.Detail;
        problem.Extensions["code"] = localized.Code;
        if (localized.Fields is { } fields)
        {
            if (problem is HttpValidationProblemDetails validation)
            {
                validation.Errors = Group(fields, language);
            }
            problem.Extensions["fieldErrors"] = fields.Select(f => new FieldErrorOutput(f.Path, f.Message.Code, f.Message.In(language))).ToArray();
        }
        var headers = context.HttpContext.Response.Headers;
        headers.ContentLanguage = language == MessageLanguage.English ? "en" : "fr";
        headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
    }

    private static Dictionary<string, string[]> Group(IReadOnlyList<FieldProblem> fields, MessageLanguage language) =>
        fields.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => f.Message.In(language)).ToArray(), StringComparer.Ordinal);

    /// <summary>The text of a problem the framework made (a 404 from routing, a 405…), by its status.</summary>
    private static Localized ForStatus(int status, ProblemDetails problem) => status switch
    {
        StatusCodes.Status400BadRequest => new(ErrorCodes.InvalidRequest, InvalidTitle, null, null),
        StatusCodes.Status404NotFound => new(ErrorCodes.NotFound,
            new(ErrorCodes.NotFound, "Introuvable.", "Not found."),
            new(ErrorCodes.NotFound, "Cette adresse ne mène à rien : voyez /swagger pour les points d'accès de l'API.", "No such endpoint: see /swagger for the API's endpoints."), null),
        StatusCodes.Status405MethodNotAllowed => new(ErrorCodes.MethodNotAllowed,
            new(ErrorCodes.MethodNotAllowed, "Méthode non admise.", "Method not allowed."),
            new(ErrorCodes.MethodNotAllowed, "Ce point d'accès n'accepte pas cette méthode : voyez /swagger.", "This endpoint does not accept that method: see /swagger."), null),
        StatusCodes.Status406NotAcceptable => new(ErrorCodes.NotAcceptable,
            new(ErrorCodes.NotAcceptable, "Format de réponse impossible.", "Not acceptable."), null, null),
        StatusCodes.Status413PayloadTooLarge => TooLarge(),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
        _ => new(status >= 500 ? ErrorCodes.InternalError : ErrorCodes.InvalidRequest,
            new(status >= 500 ? ErrorCodes.InternalError : ErrorCodes.InvalidRequest, problem.Title ?? "Erreur.", problem.Title ?? "Error."), null, null),
    };

    private static Localized TooLarge() => new(ErrorCodes.BodyTooLarge,
        new(ErrorCodes.BodyTooLarge, "Le corps de la requête est trop gros.", "The request body is too large."),
        new(ErrorCodes.BodyTooLarge,
            $"La limite est de {ApiLimits.MaxBodyBytes / (1024 * 1024)} Mio ({ApiLimits.MaxBodyBytes} octets).",
            $"The limit is {ApiLimits.MaxBodyBytes / (1024 * 1024)} MiB ({ApiLimits.MaxBodyBytes} bytes)."), null);

    private static Localized UnsupportedMediaType() => new(ErrorCodes.UnsupportedMediaType,
        new(ErrorCodes.UnsupportedMediaType, "Le corps de la requête doit être du JSON.", "The request body must be JSON."),
        new(ErrorCodes.UnsupportedMediaType,
            "Envoyez le corps en JSON UTF-8, avec « Content-Type: application/json » (éventuellement « ; charset=utf-8 »).",
            "Send the body as JSON in UTF-8, with 'Content-Type: application/json' (optionally '; charset=utf-8')."), null);

    /// <summary>413: the body is beyond the limit.</summary>
    public static ProblemDetails BodyTooLarge() => FromLocalized(StatusCodes.Status413PayloadTooLarge, TooLarge());

    /// <summary>415: the body is not JSON in UTF-8.</summary>
    public static ProblemDetails NotJson() => FromLocalized(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType());

    private static ProblemDetails FromLocalized(int status, Localized localized) => Create(status, localized.Code, localized.Title, localized.Detail);
}
