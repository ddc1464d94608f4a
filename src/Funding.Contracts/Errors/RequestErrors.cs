
namespace Funding.Contracts.Errors;

/// <summary>
/// Collects validation errors keyed by the JSON path of the offending field (<c>funders[2].rule.ratePercent</c>), and turns
/// them into an RFC 9457 validation problem.
/// </summary>
/// <summary>One offending field of a request: its JSON path and what is wrong with it.</summary>
internal sealed record FieldProblem(string Path, FundingMessage Message);

/// <summary>One offending field as the problem details write it: the JSON path, the stable code and the sentence.</summary>
/// <param name="Path">The JSON path of the field, as in <c>errors</c>: <c>funders[2].rule.ratePercent</c>.</param>
/// <param name="Code">The stable code of the problem (docs/errors.md), e.g. <c>amount-negative</c>.</param>
/// <param name="Message">The sentence, in the language of the answer.</param>
public sealed record FieldErrorOutput(string Path, string Code, string Message);

internal sealed class RequestErrors
{
    private readonly List<FieldProblem> _errors = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    /// <summary>How many fields have errors.</summary>
    public int Count => _paths.Count;

    public void Add(string path, FundingMessage message)
    {
        _errors.Add(new FieldProblem(path, message));
        _paths.Add(path);
    }

    public void Add(string path, string code, string french, string english) => Add(path, new FundingMessage(code, french, english));

    public void AddRange(IEnumerable<ValidationError> errors, string prefix = "")
    {
        foreach (var error in errors)
        {
            Add(JsonPaths.From(error.Field, prefix), error.Problem);
        }
    }

    /// <summary>The problems, in the order they were found.</summary>
    public IReadOnlyList<FieldProblem> ToList() => _errors.ToArray();

    public static RequestErrors From(FundingValidationException exception, string prefix = "")
    {
        var errors = new RequestErrors();
        errors.AddRange(exception.Errors, prefix);
        return errors;
    }

    public static string Join(string prefix, string path) =>
        prefix.Length == 0 ? path : path.Length == 0 ? prefix : $"{prefix}.{path}";

    /// <summary>
    /// Reports the null items of a list (JSON allows <c>[null]</c> even where the contract does not), and says whether
    /// there were none.
    /// </summary>
    public bool NoNullItems<T>(IReadOnlyList<T?>? items, string path)
        where T : class
    {
        bool none = true;
        for (int i = 0; items is not null && i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Add($"{path}[{i}]", ErrorCodes.FieldNull, "Cet élément ne peut pas être null.", "Must not be null.");
                none = false;
            }
        }
        return none;
    }

    /// <summary>Money from a JSON number: whole cents within ±10¹² €.</summary>
    public Money Money(decimal value, string path)
    {
        if (Funding.Money.TryEuros(value, out var money, out var error))
        {
            return money;
        }
        Add(path, error == MoneyError.SubCent ? Funding.Money.SubCentMessage(value) : Funding.Money.OutOfRangeMessage(value));
        return Funding.Money.Zero;
    }

    public Money? Money(decimal? value, string path) => value is { } v ? Money(v, path) : null;

    /// <summary>A rate from a percentage: 0 to 100, at most six decimals.</summary>
    public Rate Percent(decimal value, string path)
    {
        if (Rate.TryPercent(value, out var rate, out var error))
        {
            return rate;
        }
        Add(path, error == RateError.OutOfRange ? Rate.OutOfRangeMessage(value) : Rate.TooPreciseMessage(value));
        return Rate.Zero;
    }

    public Rate? Percent(decimal? value, string path) => value is { } v ? Percent(v, path) : null;

    /// <summary>
    /// The value a choice parameter names (<c>format</c>, <c>csv</c>, <c>explain</c>): its default when absent; an unknown
    /// name is an error on <paramref name="name"/> listing the names it may take.
    /// </summary>
    public T Choose<T>(Choice<T>? choice, string name)
        where T : struct, Enum
    {
        if (choice is not { } given)
        {
            return Choices.Default<T>();
        }
        if (given.Value is { } value)
        {
            return value;
        }
        Add(name, Choices.Unknown(typeof(T), given.Text));
        return Choices.Default<T>();
    }

    public RoundingPolicy Rounding(string? name, string path)
    {
        if (name is null)
        {
            return RoundingPolicy.Default;
        }
        if (RoundingPolicy.TryParse(name, out var policy))
        {
            return policy;
        }
        string names = string.Join(", ", RoundingPolicy.All.Select(p => p.Name));
        Add(path, ErrorCodes.ValueNotAllowed,
            $"Règle d'arrondi inconnue « {name} » : elle vaut l'une de {names}.",
            $"Unknown rounding policy '{name}': expected one of {names}.");
        return RoundingPolicy.Default;
    }

    public string Text(string? text, string path, Subject what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, TextRules.Empty(what));
            return "";
        }
        if (text.Length > ApiLimits.MaxTextLength)
        {
            Add(path, TextRules.TooLong(what, text.Length, ApiLimits.MaxTextLength));
        }
        return text;
    }
}
