namespace Funding;

/// <summary>One problem with an input, located by the domain field it concerns.</summary>
/// <param name="Field">Where the problem is, e.g. <c>parties[2].cap</c> or <c>funders[1].payment.advance</c>.</param>
/// <param name="Problem">What is wrong: a stable code and a sentence in French and English naming the offending value.</param>
public sealed record ValidationError(FieldPath Field, FundingMessage Problem)
{
    /// <summary>The stable code of the problem (<see cref="ErrorCodes"/>).</summary>
    public string Code => Problem.Code;

    /// <summary>What is wrong, in French.</summary>
    public string Message => Problem.French;

    /// <summary>The field as text (<c>funders[1].payment.advance</c>), in the domain's names.</summary>
    public string Path => Field.ToString();
}

/// <summary>Collects validation errors, keeping at most <see cref="MaxErrors"/> so a huge bad input stays readable.</summary>
internal sealed class ValidationErrors
{
    internal const int MaxErrors = 50;

    // Created with the first error: most validations find none.
    private List<ValidationError>? _errors;

    internal bool Any => _errors is { Count: > 0 };

    internal bool IsFull => _errors is { Count: >= MaxErrors };

    internal void Add(FieldPath path, FundingMessage problem)
    {
        _errors ??= [];
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(new ValidationError(path, problem));
        }
    }

    internal void Add(FieldPath path, string code, string french, string english) => Add(path, new FundingMessage(code, french, english));

    internal IReadOnlyList<ValidationError> ToList() => _errors is null ? [] : _errors.ToArray();

    internal void ThrowIfAny()
    {
        if (_errors is { Count: > 0 })
        {
            throw new FundingValidationException(_errors.ToArray());
        }
    }
}

/// <summary>The messages several validators share, so that one rule has one code and one sentence.</summary>
internal static class CommonMessages
{
    internal static FundingMessage Negative(Subject what, Money amount) => new(ErrorCodes.AmountNegative,
        $"{what.FrenchCapitalized} vaut {FundingMessage.Fr(amount)} : un montant négatif n'est pas admis (zéro ou plus).",
        $"{what.EnglishCapitalized}, {FundingMessage.En(amount)}, is negative: it must be zero or positive.");

    internal static FundingMessage CapBelowFloor(Money cap, Money floor) => new(ErrorCodes.CapBelowFloor,
        $"Le plafond, {FundingMessage.Fr(cap)}, est inférieur au plancher, {FundingMessage.Fr(floor)}.",
        $"The cap {FundingMessage.En(cap)} is below the floor {FundingMessage.En(floor)}.");

    internal static FundingMessage TooMany(long count, long limit, string frenchItems, string englishItems) => new(ErrorCodes.TooMany,
        $"{FundingMessage.Fr(count)} {frenchItems}, au-delà de la limite de {FundingMessage.Fr(limit)}.",
        $"{FundingMessage.Fr(count)} {englishItems} is beyond the limit of {FundingMessage.Fr(limit)}.");

    internal static FundingMessage Missing(string french, string english) => new(ErrorCodes.Missing, french, english);

    internal static FundingMessage DuplicateId(string id, string otherPlace) => new(ErrorCodes.IdDuplicate,
        $"L'identifiant « {id} » est déjà pris (par {otherPlace}) : chaque identifiant est unique.",
        $"The id '{id}' is used twice (also by {otherPlace}): ids must be unique.");

    internal static FundingMessage UnknownType(string french, string english, Type type) => new(ErrorCodes.TypeUnknown,
        $"Type de {french} inconnu : {type.Name}.",
        $"Unknown {english} type {type.Name}.");
}
