using System.Globalization;
using System.Numerics;

namespace Funding.Allocation;

/// <summary>
/// A key turned into exact integer weights, one per party: 64-bit when they fit (the fast path), arbitrary precision
/// otherwise. Party <c>i</c>'s share of the key is <c>Numerator(i) / Total</c> exactly.
/// </summary>
internal sealed class ResolvedKey
{
    private readonly ulong[]? _small;
    private readonly BigInteger[]? _big;

    private ResolvedKey(ulong[] small, ulong total, ulong max)
    {
        _small = small;
        SmallTotal = total;
        SmallMax = max;
        Total = total;
    }

    private ResolvedKey(BigInteger[] big, BigInteger total)
    {
        _big = big;
        Total = total;
    }

    internal bool IsSmall => _small is not null;

    internal ulong[] Small => _small ?? throw new InvalidOperationException("The key is not held in 64 bits.");

    internal ulong SmallTotal { get; }

    internal ulong SmallMax { get; }

    internal BigInteger Total { get; }

    internal int Count => _small?.Length ?? _big!.Length;

    internal BigInteger Numerator(int index) => _small is not null ? _small[index] : _big![index];

    internal BigInteger[] ToBig() => _big ?? _small!.Select(n => new BigInteger(n)).ToArray();

    /// <summary>Resolves a key for the given parties, reporting every invalid weight with its path.</summary>
    internal static ResolvedKey? Resolve(IReadOnlyList<AllocationParty> parties, AllocationKey key, FieldPath keyPath, ValidationErrors errors)
    {
        switch (key)
        {
            case EqualPartsKey:
            {
                var ones = new ulong[parties.Count];
                Array.Fill(ones, 1UL);
                return new ResolvedKey(ones, (ulong)parties.Count, 1);
            }
            case WeightKey weightKey:
                if (!ValidLabel(weightKey, keyPath, errors))
                {
                    return null;
                }
                return ResolveWeights(parties, weightKey, errors);
            case MixedKey mixed:
                return ResolveMixed(parties, mixed, keyPath, errors);
            default:
                errors.Add(keyPath, CommonMessages.UnknownType("clé", "key", key.GetType()));
                return null;
        }
    }

    /// <summary>A key's label and weight name are single-line text of at most 200 characters (they are quoted in every sentence).</summary>
    private static bool ValidLabel(WeightKey key, FieldPath keyPath, ValidationErrors errors)
    {
        bool valid = true;
        foreach (var (text, field) in new[] { (key.Label, "label"), (key.WeightName, "weightName") })
        {
            if (text is null)
            {
                continue;
            }
            if (TextRules.NameProblem(text, field == "label" ? new Subject("le libellé", "the label") : new Subject("le nom du poids", "the weight name")) is { } problem)
            {
                errors.Add(keyPath.Field(field), problem);
                valid = false;
            }
        }
        return valid;
    }

    private static ResolvedKey? ResolveWeights(IReadOnlyList<AllocationParty> parties, WeightKey key, ValidationErrors errors)
    {
        var weights = new decimal[parties.Count];
        bool valid = true;
        for (int i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            decimal weight;
            if (key.WeightName is null)
            {
                weight = party.Weight;
            }
            else if (party.Weights is null || !party.Weights.TryGetValue(key.WeightName, out weight))
            {
                errors.Add(WeightPath(i, key), ErrorCodes.WeightMissing,
                    $"« {party.Id} » n'a pas de poids « {key.WeightName} », dont la clé « {key.Label} » a besoin.",
                    $"Party '{party.Id}' has no weight named '{key.WeightName}', which the key « {key.Label} » needs.");
                valid = false;
                continue;
            }
            if (weight < 0m)
            {
                errors.Add(WeightPath(i, key), ErrorCodes.WeightOutOfRange,
                    $"Le poids de « {party.Id} », {FundingMessage.Fr(weight)}, est négatif : un poids vaut zéro ou plus.",
                    $"The weight {weight.ToString(CultureInfo.InvariantCulture)} of party '{party.Id}' is negative: weights must be zero or positive.");
                valid = false;
            }
            else if (weight > FundingLimits.MaxWeight)
            {
                errors.Add(WeightPath(i, key), ErrorCodes.WeightOutOfRange,
                    $"Le poids de « {party.Id} », {FundingMessage.Fr(weight)}, dépasse la limite de {FundingMessage.Fr(FundingLimits.MaxWeight)}.",
                    $"The weight {weight.ToString(CultureInfo.InvariantCulture)} of party '{party.Id}' is beyond the limit of {FundingLimits.MaxWeight.ToString(CultureInfo.InvariantCulture)}.");
                valid = false;
            }
            weights[i] = weight;
        }
        return valid ? FromWeights(weights) : null;
    }

    private static FieldPath WeightPath(int index, WeightKey key) =>
        key.WeightName is null ? FieldPath.Of("parties").Item(index).Field("weight") : FieldPath.Of("parties").Item(index).Field("weights").Field(key.WeightName);

    internal static ResolvedKey FromWeights(ReadOnlySpan<decimal> weights)
    {
        var small = new ulong[weights.Length];
        if (ExactWeights.TryToUInt64(weights, small, out ulong total, out ulong max))
        {
            return new ResolvedKey(small, total, max);
        }
        var big = ExactWeights.ToBigIntegers(weights, out var bigTotal);
        return new ResolvedKey(big, bigTotal);
    }

    private static ResolvedKey? ResolveMixed(IReadOnlyList<AllocationParty> parties, MixedKey key, FieldPath keyPath, ValidationErrors errors)
    {
        var components = key.Components;
        if (components.Count is 0 or > FundingLimits.MaxKeyComponents)
        {
            errors.Add(keyPath.Field("components"), ErrorCodes.MixedKeyInvalid,
                $"Une clé mixte compte de 1 à {FundingLimits.MaxKeyComponents} composantes ; celle-ci en a {components.Count}.",
                $"A mixed key needs between 1 and {FundingLimits.MaxKeyComponents} components; it has {components.Count}.");
            return null;
        }
        decimal percentSum = components.Sum(c => c.Share.PercentValue);
        if (percentSum != 100m)
        {
            errors.Add(keyPath.Field("components"), ErrorCodes.MixedKeyInvalid,
                $"Les pourcentages d'une clé mixte font 100 % ensemble ; ceux-ci font {FundingMessage.Fr(percentSum)} %.",
                $"The percentages of a mixed key must sum to 100 %; they sum to {percentSum.ToString(CultureInfo.InvariantCulture)} %.");
        }

        var resolved = new ResolvedKey?[components.Count];
        for (int k = 0; k < components.Count; k++)
        {
            var componentPath = keyPath.Field("components").Item(k);
            if (components[k].Key is MixedKey)
            {
                errors.Add(componentPath.Field("key"), ErrorCodes.MixedKeyInvalid,
                    "Une composante d'une clé mixte ne peut pas être elle-même une clé mixte.",
                    "A component of a mixed key cannot itself be a mixed key.");
                continue;
            }
            resolved[k] = Resolve(parties, components[k].Key, componentPath.Field("key"), errors);
            if (resolved[k] is { Total.IsZero: true })
            {
                errors.Add(componentPath.Field("key"), ErrorCodes.WeightsAllZero,
                    $"Tous les poids de la composante « {components[k].Key.Label} » sont nuls : elle ne peut pas répartir sa part.",
                    $"Every weight of the component « {components[k].Key.Label} » is zero, so it cannot split its share.");
            }
        }
        if (errors.Any)
        {
            return null;
        }

        // Percentages as integers in millionths of a percent, reduced by their common divisor (50 % + 50 % → 1 + 1).
        var percents = components.Select(c => new BigInteger(c.Share.PercentValue * 1_000_000m)).ToArray();
        var divisor = percents.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
        if (!divisor.IsZero)
        {
            percents = percents.Select(p => p / divisor).ToArray();
        }
        var commonDenominator = resolved.Aggregate(BigInteger.One, (lcm, r) => Lcm(lcm, r!.Total));
        var factors = resolved.Select((r, k) => percents[k] * (commonDenominator / r!.Total)).ToArray();

        var combined = new BigInteger[parties.Count];
        for (int i = 0; i < combined.Length; i++)
        {
            var sum = BigInteger.Zero;
            for (int k = 0; k < factors.Length; k++)
            {
                sum += factors[k] * resolved[k]!.Numerator(i);
            }
            combined[i] = sum;
        }
        var total = commonDenominator * percents.Aggregate(BigInteger.Zero, (s, p) => s + p);
        return Narrow(combined, total);
    }

    private static ResolvedKey Narrow(BigInteger[] numerators, BigInteger total)
    {
        if (total > ulong.MaxValue)
        {
            return new ResolvedKey(numerators, total);
        }
        var small = new ulong[numerators.Length];
        ulong max = 0;
        for (int i = 0; i < small.Length; i++)
        {
            small[i] = (ulong)numerators[i];
            max = Math.Max(max, small[i]);
        }
        return new ResolvedKey(small, (ulong)total, max);
    }

    private static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;
}
