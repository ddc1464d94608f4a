using Funding.Contracts.Errors;

namespace Funding.Application;

/// <summary>
/// What a use case gives: its value, or the request's problems (each named by its JSON path, as a 400 lists them), or a
/// failure that is not the request's shape (a saved plan not found, a stale version…).
/// </summary>
/// <typeparam name="T">The value.</typeparam>
internal sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<FieldProblem>? problems, UseCaseFailure? failure, FundingMessage? title, FundingMessage? detail)
    {
        Value = value;
        Problems = problems;
        Failure = failure;
        Title = title;
        Detail = detail;
    }

    /// <summary>The value, when the use case succeeded.</summary>
    public T? Value { get; }

    /// <summary>Whether the use case gave its value.</summary>
    public bool Succeeded => Problems is null && Failure is null;

    /// <summary>The request's problems, or null.</summary>
    public IReadOnlyList<FieldProblem>? Problems { get; }

    /// <summary>A failure that is not about the request's fields, or null.</summary>
    public UseCaseFailure? Failure { get; }

    /// <summary>The problem's title, when the default (« données invalides ») does not say it.</summary>
    public FundingMessage? Title { get; }

    /// <summary>The problem's detail, when the default does not say it.</summary>
    public FundingMessage? Detail { get; }

    /// <summary>The value.</summary>
    public static Outcome<T> Success(T value) => new(value, null, null, null, null);

    /// <summary>The problems collected while reading the request.</summary>
    public static Outcome<T> Invalid(RequestErrors errors) => new(default, errors.ToList(), null, null, null);

    /// <summary>Problems with their own title and detail.</summary>
    public static Outcome<T> Invalid(IReadOnlyList<FieldProblem> problems, FundingMessage? title = null, FundingMessage? detail = null) =>
        new(default, problems, null, title, detail);

    /// <summary>A domain validation's problems, their paths under <paramref name="prefix"/> (<c>plan</c>).</summary>
    public static Outcome<T> Invalid(FundingValidationException exception, string prefix = "") => Invalid(RequestErrors.From(exception, prefix));

    /// <summary>A failure that is not about the request's fields.</summary>
    public static Outcome<T> Fail(UseCaseFailure failure) => new(default, null, failure, null, null);

    /// <summary>The same problems or failure, for a use case of another value.</summary>
    public Outcome<TOther> As<TOther>() => new(default, Problems, Failure, Title, Detail);
}
