using Funding.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Funding.Api.Errors;

/// <summary>A use case's outcome as an HTTP answer: its problems as a 400 naming each field, its failure by kind (404, 409, 412, 428).</summary>
internal static class OutcomeResults
{
    /// <summary>The 400 of an outcome that holds the request's problems.</summary>
    public static ValidationProblem Invalid<T>(this Outcome<T> outcome) =>
        ApiProblems.Result(outcome.Problems ?? throw new InvalidOperationException("The outcome holds no problems."), outcome.Title, outcome.Detail);

    /// <summary>The problem of an outcome that did not succeed: its 400, or its failure's status.</summary>
    public static IResult Problem<T>(this Outcome<T> outcome) =>
        outcome.Problems is not null ? outcome.Invalid() : TypedResults.Problem(Details(outcome.Failure ?? throw new InvalidOperationException("The outcome succeeded.")));

    /// <summary>The answer of an outcome: <paramref name="success"/> of its value, or its problem.</summary>
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> success) => outcome.Succeeded ? success(outcome.Value!) : outcome.Problem();

    /// <summary>A failure's problem details, with its status, code and French message.</summary>
    public static ProblemDetails Details(UseCaseFailure failure)
    {
        int status = failure.Kind switch
        {
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            FailureKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, null),
        };
        var problem = ApiProblems.Create(status, failure.Title.Code, failure.Title, failure.Detail);
        if (failure.CurrentVersion is { } current)
        {
            problem.Extensions["currentVersion"] = current;
        }
        return problem;
    }
}
