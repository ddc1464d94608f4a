using Funding.Allocation;
using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Formatting;

namespace Funding.Contracts.Mapping;

/// <summary>Allocation requests and results between the JSON contract and the domain.</summary>
internal static class AllocationMapping
{
    public static (Money Amount, AllocationParty[] Parties, AllocationKey Key) ToDomain(AllocationRequest request, RequestErrors errors)
    {
        var amount = errors.Money(request.Amount, "amount");
        if (!errors.NoNullItems(request.Parties, "parties") || !KeyMapping.NoNulls(request.Key, "key", errors))
        {
            return (amount, [], AllocationKey.EqualParts);
        }
        if (request.Parties.Count > ApiLimits.MaxParties)
        {
            errors.Add("parties", ErrorCodes.TooMany,
                $"{request.Parties.Count} parties, au-delà de la limite de {ApiLimits.MaxParties} par requête.",
                $"{request.Parties.Count} parties is beyond the limit of {ApiLimits.MaxParties} per request.");
            return (amount, [], AllocationKey.EqualParts);
        }
        bool needsWeight = KeyMapping.UsesSingleWeight(request.Key);
        var parties = new AllocationParty[request.Parties.Count];
        for (int i = 0; i < parties.Length; i++)
        {
            var party = request.Parties[i];
            string path = $"parties[{i}]";
            errors.Text(party.Id, $"{path}.id", new Subject("l'identifiant", "the id"));
            if (party.Name is { Length: > ApiLimits.MaxTextLength })
            {
                errors.Add($"{path}.name", TextRules.TooLong(new Subject("le nom", "the name"), party.Name.Length, ApiLimits.MaxTextLength));
            }
            if (needsWeight && party.Weight is null)
            {
                errors.Add($"{path}.weight", ErrorCodes.WeightMissing,
                "Le poids manque : une clé « weight » sans « weightName » demande le poids de chacun.",
                "This field is required by a 'weight' key without 'weightName'.");
            }
            parties[i] = new AllocationParty(party.Id, party.Weight ?? 0m)
            {
                Name = party.Name,
                Weights = party.Weights,
                Cap = errors.Money(party.Cap, $"{path}.cap"),
                Floor = errors.Money(party.Floor, $"{path}.floor"),
            };
        }
        return (amount, parties, KeyMapping.ToDomain(request.Key, "key", errors));
    }

    /// <summary>
    /// An upper estimate of the answer's size in bytes, from the request alone: each share's fixed fields (about 330
    /// bytes of JSON with long figures), its id and name, and at <see cref="ExplainLevel.Full"/> its sentence, which
    /// quotes the name and the key's label, each character counted as the JSON writer escapes it.
    /// </summary>
    public static long EstimateAnswerBytes(AllocationRequest request, AllocationKey? key, ExplainLevel explain)
    {
        static long Text(string? text)
        {
            long bytes = 0;
            foreach (char c in text ?? "")
            {
                // The API's writer escapes non-ASCII and HTML-sensitive characters as \uXXXX.
                bytes += c is < ' ' or > '~' or '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`' ? 6 : 1;
            }
            return bytes;
        }
        long label = key is null ? 0 : Text(key.Label);
        long total = 4096 + 2 * label;
        foreach (var party in request.Parties)
        {
            long name = Text(party?.Name ?? party?.Id);
            total += 330 + Text(party?.Id) + name;
            if (explain == ExplainLevel.Full)
            {
                total += 200 + name + label;
            }
        }
        return total;
    }

    public static AllocationResponse ToResponse(Allocation.Allocation allocation, ExplainLevel explain = ExplainLevel.Full) => new()
    {
        CalculationVersion = CalculationVersion.Current,
        Amount = allocation.Amount.Amount,
        Allocated = allocation.Allocated.Amount,
        Unallocated = allocation.Unallocated.Amount,
        LeftoverCents = allocation.LeftoverCents,
        KeyLabel = allocation.Key.Label,
        Sentence = explain == ExplainLevel.None ? null : allocation.Describe(),
        Shares = allocation.Shares.Select(share => new ShareOutput
        {
            Id = share.Id,
            Name = share.Party.DisplayName,
            Amount = share.Amount.Amount,
            AmountFormatted = FrenchFormat.Money(share.Amount),
            Weight = share.Weight,
            ShareOfKeyPercent = Figures.Percent(share.ShareOfKey),
            ExactAmount = share.ExactAmount,
            RemainderCents = share.RemainderCents,
            Bound = share.Bound,
            Sentence = explain == ExplainLevel.Full ? share.Sentence : null,
        }).ToArray(),
    };
}

/// <summary>Shared conversions of figures for responses.</summary>
internal static class Figures
{
    /// <summary>A rate in percent, rounded half away from zero to 6 decimal places (the named display rounding of the API).</summary>
    public static decimal Percent(Ratio rate) => Plain(RoundingPolicy.Default.Round(rate.PercentValue, 6));

    /// <summary>The same number without trailing zeros (50.0 → 50), so a percentage round-trips as it was typed.</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}

/// <summary>Number helpers for the contract.</summary>
internal static class DecimalExtensions
{
    /// <summary>See <see cref="Figures.Plain"/>.</summary>
    public static decimal Plain(this decimal value) => Figures.Plain(value);
}
