namespace Funding;

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
    /// <param name="problem">What is wrong.</param>
    public FundingValidationException(FieldPath path, FundingMessage problem)
        : this([new ValidationError(path, problem)])
    {
    }

    /// <summary>Every problem found, in input order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        Preconditions.CheckArgument(errors is { Count: > 0 }, nameof(errors), "A validation exception needs at least one error.");
        return "Les données ne sont pas valides : " + string.Join(" ; ", errors.Select(e => $"{e.Path} : {e.Message}"));
    }
}
