namespace Funding;

/// <summary>One problem with an input, located by the domain field it concerns.</summary>
/// <param name="Field">Where the problem is, e.g. <c>parties[2].cap</c> or <c>funders[1].payment.advance</c>.</param>
/// <param name="Message">What is wrong, in words a person understands, with the offending value.</param>
public sealed record ValidationError(FieldPath Field, string Message)
{
    /// <summary>The field as text (<c>funders[1].payment.advance</c>), in the domain's names.</summary>
    public string Path => Field.ToString();
}

/// <summary>
/// Thrown when an input (an allocation request, a plan) is not valid. It lists every problem found, each with the
/// path of the offending field, so that a caller can show them next to the fields.
/// </summary>
/// <remarks>
/// Validation happens before any computation. A failed <em>check</em> of a plan (over-funding, a legal ceiling) is
/// not an error: it is part of the result.
/// </remarks>
public sealed class FundingValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">At least one problem.</param>
    public FundingValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    /// <param name="path">The offending field.</param>
    /// <param name="message">What is wrong.</param>
    public FundingValidationException(FieldPath path, string message)
        : this([new ValidationError(path, message)])
    {
    }

    /// <summary>Every problem found, in input order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        Preconditions.CheckArgument(errors is { Count: > 0 }, nameof(errors), "A validation exception needs at least one error.");
        return "The input is not valid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"));
    }
}

/// <summary>Collects validation errors, keeping at most <see cref="MaxErrors"/> so a huge bad input stays readable.</summary>
internal sealed class ValidationErrors
{
    internal const int MaxErrors = 50;
    private readonly List<ValidationError> _errors = [];

    internal bool Any => _errors.Count > 0;

    internal bool IsFull => _errors.Count >= MaxErrors;

    internal void Add(FieldPath path, string message)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(new ValidationError(path, message));
        }
    }

    internal IReadOnlyList<ValidationError> ToList() => _errors.ToArray();

    internal void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new FundingValidationException(_errors.ToArray());
        }
    }
}
