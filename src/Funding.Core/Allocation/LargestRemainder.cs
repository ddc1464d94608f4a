using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Funding.Allocation;

/// <summary>
/// The bare exact split: an amount divided by weights, to the cent, by the largest-remainder rule — without ids,
/// bounds or explanations. <see cref="Allocator"/> builds on the same engine and adds them.
/// </summary>
/// <remarks>
/// The tie rule is the one of <see cref="Allocator"/>: larger weight first, then earlier position. A negative amount (a
/// refund) is split as the mirror image of the positive one. This entry point is meant for hot paths (budget years,
/// months, a million parties): it allocates nothing per party beyond the result, using pooled buffers.
/// </remarks>
public static class LargestRemainder
{
    /// <summary>Splits an amount by weights.</summary>
    /// <param name="amount">The amount (negative for a refund).</param>
    /// <param name="weights">Non-negative weights, at least one positive, each at most <see cref="FundingLimits.MaxWeight"/>.</param>
    /// <returns>One share per weight, in order, summing exactly to <paramref name="amount"/>.</returns>
    /// <exception cref="ArgumentException">No weights, a negative or too large weight, or all weights zero.</exception>
    public static Money[] Split(Money amount, ReadOnlySpan<decimal> weights)
    {
        var result = new Money[weights.Length];
        Split(amount, weights, result);
        return result;
    }

    /// <summary>Splits an amount by weights into a destination span.</summary>
    /// <param name="amount">The amount (negative for a refund).</param>
    /// <param name="weights">Non-negative weights, at least one positive.</param>
    /// <param name="destination">Receives one share per weight; at least as long as <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">See <see cref="Split(Money, ReadOnlySpan{decimal})"/>, or a destination too short.</exception>
    public static void Split(Money amount, ReadOnlySpan<decimal> weights, Span<Money> destination)
    {
        Preconditions.CheckArgument(weights.Length > 0, nameof(weights), "At least one weight is needed to split an amount.");
        Preconditions.CheckArgument(destination.Length >= weights.Length, nameof(destination), "The destination is shorter than the weights.");
        Preconditions.CheckArgument(weights.Length <= FundingLimits.MaxParties, nameof(weights), $"At most {FundingLimits.MaxParties} weights can be split.");
        // A negative weight is seen on its sign bit; the upper bound is checked on the exact integers below (a decimal
        // comparison per weight was a sixth of a million-party split), and this loop runs in full only to name a culprit.
        bool negative = false;
        foreach (decimal weight in weights)
        {
            negative |= decimal.IsNegative(weight) && weight < 0m;
        }
        if (negative)
        {
            CheckWeights(weights);
        }

        Span<long> cents = MemoryMarshal.Cast<Money, long>(destination[..weights.Length]);
        long magnitude = Math.Abs(amount.TotalCents);
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(weights.Length);
        try
        {
            Span<ulong> numerators = rented.AsSpan(0, weights.Length);
            if (ExactWeights.TryToUInt64(weights, numerators, out ulong total, out ulong max, out int scale))
            {
                if ((UInt128)max > (UInt128)(ulong)FundingLimits.MaxWeight * ExactWeights.PowerOfTen(scale))
                {
                    CheckWeights(weights);
                }
                Preconditions.CheckArgument(total > 0, nameof(weights), "Every weight is zero, so nothing can be split.");
                LargestRemainderEngine.Split(magnitude, numerators, total, max, cents, default);
            }
            else
            {
                CheckWeights(weights);
                var big = ExactWeights.ToBigIntegers(weights, out BigInteger bigTotal);
                LargestRemainderEngine.Split(magnitude, big, bigTotal, cents, default);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
        if (amount.IsNegative)
        {
            for (int i = 0; i < cents.Length; i++)
            {
                cents[i] = -cents[i];
            }
        }
    }

    /// <summary>Throws for the first weight outside 0 to <see cref="FundingLimits.MaxWeight"/>.</summary>
    private static void CheckWeights(ReadOnlySpan<decimal> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            decimal weight = weights[i];
            if (weight < 0m || weight > FundingLimits.MaxWeight)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights),
                    weight,
                    $"Weight #{i.ToString(CultureInfo.InvariantCulture)} is {weight.ToString(CultureInfo.InvariantCulture)}: weights must be between 0 and {FundingLimits.MaxWeight.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }

    /// <summary>Splits an amount by whole-number weights (months, days, counts).</summary>
    /// <param name="amount">The amount (negative for a refund).</param>
    /// <param name="weights">Non-negative weights, at least one positive.</param>
    /// <returns>One share per weight, in order, summing exactly to <paramref name="amount"/>.</returns>
    /// <exception cref="ArgumentException">No weights, a negative weight, or all weights zero.</exception>
    public static Money[] Split(Money amount, ReadOnlySpan<long> weights)
    {
        Preconditions.CheckArgument(weights.Length > 0, nameof(weights), "At least one weight is needed to split an amount.");
        // Budget years and group members: a few weights, on the stack.
        Span<ulong> numerators = weights.Length <= 64 ? stackalloc ulong[weights.Length] : new ulong[weights.Length];
        ulong total = 0, max = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            Preconditions.CheckArgument(weights[i] >= 0, nameof(weights), "Weights must be zero or positive.");
            numerators[i] = (ulong)weights[i];
            total = checked(total + numerators[i]);
            max = Math.Max(max, numerators[i]);
        }
        Preconditions.CheckArgument(total > 0, nameof(weights), "Every weight is zero, so nothing can be split.");
        var result = new Money[weights.Length];
        Span<long> cents = MemoryMarshal.Cast<Money, long>(result.AsSpan());
        LargestRemainderEngine.Split(Math.Abs(amount.TotalCents), numerators, total, max, cents, default);
        if (amount.IsNegative)
        {
            for (int i = 0; i < cents.Length; i++)
            {
                cents[i] = -cents[i];
            }
        }
        return result;
    }

    /// <summary>Splits an amount in equal parts; the extra cents go to the first parts (100,00 € / 3 → 33,34 + 33,33 + 33,33).</summary>
    /// <param name="amount">The amount (negative for a refund).</param>
    /// <param name="parts">The number of parts, at least 1.</param>
    /// <returns>The parts, summing exactly to <paramref name="amount"/>.</returns>
    public static Money[] SplitEqually(Money amount, int parts)
    {
        Preconditions.CheckArgumentRange(nameof(parts), parts, 1, FundingLimits.MaxParties);
        var result = new Money[parts];
        long magnitude = Math.Abs(amount.TotalCents);
        long each = magnitude / parts;
        long extra = magnitude % parts;
        int sign = amount.IsNegative ? -1 : 1;
        for (int i = 0; i < parts; i++)
        {
            result[i] = Money.FromCents(sign * (each + (i < extra ? 1 : 0)));
        }
        return result;
    }
}
