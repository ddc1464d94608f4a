using System.Buffers;
using System.Numerics;

namespace Funding.Allocation;

/// <summary>
/// The exact core of every split: largest remainder on integer cents and integer weights.
/// </summary>
/// <remarks>
/// <para>
/// For an amount of <c>A</c> cents and weights <c>n[i]</c> summing to <c>D</c>, party <c>i</c>'s exact share is
/// <c>A·n[i]/D</c> cents. It first receives the quotient <c>q[i] = ⌊A·n[i]/D⌋</c>; the remainder
/// <c>m[i] = A·n[i] mod D</c> is its fractional part, times <c>D</c>. The cents left over,
/// <c>L = A − Σq[i] = Σm[i]/D</c>, go one each to the <c>L</c> largest remainders. Ties are broken by the larger weight,
/// then by the earlier position in the input. Everything is integer arithmetic, so comparisons of remainders are exact
/// and the result depends only on the ratios of the weights.
/// </para>
/// <para>
/// A party with a zero remainder (in particular a zero weight) never receives a leftover cent: since every
/// <c>m[i] &lt; D</c>, at least <c>L + 1</c> parties have a positive remainder.
/// </para>
/// <para>
/// The fast path holds weights in 64 bits and multiplies in 128 bits; picking the <c>L</c> largest remainders is a
/// radix selection in linear time that needs no memory per party beyond pooled buffers. Weights too large for 64 bits
/// take the arbitrary-precision path, which sorts.
/// </para>
/// </remarks>
internal static class LargestRemainderEngine
{
    /// <summary>Set in a party's flags when it received one of the leftover cents.</summary>
    internal const byte RemainderCentFlag = 1;

    private const int SmallInputSize = 64;
    private const int DigitBits = 16;

    /// <summary>
    /// Splits <paramref name="amount"/> cents (≥ 0) by 64-bit weights; writes each share into <paramref name="cents"/>
    /// and, when <paramref name="flags"/> is not empty, marks the parties that received a leftover cent.
    /// </summary>
    /// <returns>The number of leftover cents that were distributed.</returns>
    internal static long Split(long amount, ReadOnlySpan<ulong> weights, ulong total, ulong maxWeight, Span<long> cents, Span<byte> flags)
    {
        int count = weights.Length;
        if (amount == 0 || total == 0)
        {
            cents[..count].Clear();
            return 0;
        }

        ulong a = (ulong)amount;
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            Span<ulong> remainders = rented.AsSpan(0, count);
            long distributed = 0;
            if (maxWeight <= ulong.MaxValue / a)
            {
                // Common case: A·n fits in 64 bits; one hardware division per party.
                for (int i = 0; i < count; i++)
                {
                    ulong product = unchecked(a * weights[i]);
                    ulong quotient = product / total;
                    remainders[i] = unchecked(product - quotient * total);
                    cents[i] = (long)quotient;
                    distributed += (long)quotient;
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    ulong high = Math.BigMul(a, weights[i], out ulong low);
                    ulong quotient;
                    if (high == 0)
                    {
                        quotient = low / total;
                        remainders[i] = unchecked(low - quotient * total);
                    }
                    else
                    {
                        var (q, r) = UInt128.DivRem(new UInt128(high, low), total);
                        quotient = (ulong)q;
                        remainders[i] = (ulong)r;
                    }
                    cents[i] = (long)quotient;
                    distributed += (long)quotient;
                }
            }

            long leftover = amount - distributed;
            if (leftover > 0)
            {
                if (count <= SmallInputSize)
                {
                    SelectLargestBySorting(remainders, weights, leftover, cents, flags);
                }
                else
                {
                    SelectLargestByRadix(remainders, weights, leftover, cents, flags);
                }
            }
            return leftover;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>The same split with arbitrary-precision weights (for weights or mixed keys beyond 64 bits).</summary>
    /// <returns>The number of leftover cents that were distributed.</returns>
    internal static long Split(long amount, ReadOnlySpan<BigInteger> weights, BigInteger total, Span<long> cents, Span<byte> flags)
    {
        int count = weights.Length;
        if (amount == 0 || total.IsZero)
        {
            cents[..count].Clear();
            return 0;
        }
        var remainders = new BigInteger[count];
        long distributed = 0;
        for (int i = 0; i < count; i++)
        {
            var quotient = BigInteger.DivRem(amount * weights[i], total, out remainders[i]);
            cents[i] = (long)quotient;
            distributed += (long)quotient;
        }
        long leftover = amount - distributed;
        if (leftover > 0)
        {
            var order = new int[count];
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }
            var weightsCopy = weights.ToArray();
            Array.Sort(order, (x, y) =>
            {
                int byRemainder = remainders[y].CompareTo(remainders[x]);
                if (byRemainder != 0)
                {
                    return byRemainder;
                }
                int byWeight = weightsCopy[y].CompareTo(weightsCopy[x]);
                return byWeight != 0 ? byWeight : x.CompareTo(y);
            });
            for (long k = 0; k < leftover; k++)
            {
                Give(order[k], cents, flags);
            }
        }
        return leftover;
    }

    /// <summary>Whether party <paramref name="x"/> ranks before <paramref name="y"/> for a leftover cent.</summary>
    private static bool RanksBefore(ReadOnlySpan<ulong> remainders, ReadOnlySpan<ulong> weights, int x, int y) =>
        remainders[x] != remainders[y] ? remainders[x] > remainders[y]
        : weights[x] != weights[y] ? weights[x] > weights[y]
        : x < y;

    private static void SelectLargestBySorting(ReadOnlySpan<ulong> remainders, ReadOnlySpan<ulong> weights, long leftover, Span<long> cents, Span<byte> flags)
    {
        Span<int> order = stackalloc int[remainders.Length];
        for (int i = 0; i < order.Length; i++)
        {
            // Insertion sort: at most 64 parties.
            int j = i;
            while (j > 0 && RanksBefore(remainders, weights, i, order[j - 1]))
            {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        for (int k = 0; k < leftover; k++)
        {
            Give(order[k], cents, flags);
        }
    }

    /// <summary>
    /// Gives a cent to the <paramref name="leftover"/> best-ranked parties in linear time: an MSD radix selection on the
    /// 128-bit key (remainder, weight), 16 bits at a time, then one pass that takes every key above the threshold and,
    /// at the threshold itself, the earliest parties.
    /// </summary>
    private static void SelectLargestByRadix(ReadOnlySpan<ulong> remainders, ReadOnlySpan<ulong> weights, long leftover, Span<long> cents, Span<byte> flags)
    {
        ulong maxRemainder = 0;
        ulong maxWeight = 0;
        for (int i = 0; i < remainders.Length; i++)
        {
            maxRemainder |= remainders[i];
            maxWeight |= weights[i];
        }
        int remainderBits = 64 - BitOperations.LeadingZeroCount(maxRemainder);
        int weightBits = 64 - BitOperations.LeadingZeroCount(maxWeight);

        // The threshold key is built digit by digit: bits fixed so far (masks) and their values (prefixes).
        ulong remainderMask = 0, remainderPrefix = 0, weightMask = 0, weightPrefix = 0;
        long stillNeeded = leftover;
        bool wholeBucketTaken = false;
        int[] histogram = ArrayPool<int>.Shared.Rent(1 << DigitBits);
        try
        {
            foreach (var (isWeight, shift, width) in Digits(remainderBits, weightBits))
            {
                Span<int> counts = histogram.AsSpan(0, 1 << width);
                counts.Clear();
                ulong digitMask = (1UL << width) - 1;
                for (int i = 0; i < remainders.Length; i++)
                {
                    if ((remainders[i] & remainderMask) == remainderPrefix && (weights[i] & weightMask) == weightPrefix)
                    {
                        ulong field = isWeight ? weights[i] : remainders[i];
                        counts[(int)((field >> shift) & digitMask)]++;
                    }
                }
                int digit = counts.Length - 1;
                while (counts[digit] < stillNeeded)
                {
                    stillNeeded -= counts[digit];
                    digit--;
                }
                if (isWeight)
                {
                    weightMask |= digitMask << shift;
                    weightPrefix |= (ulong)digit << shift;
                }
                else
                {
                    remainderMask |= digitMask << shift;
                    remainderPrefix |= (ulong)digit << shift;
                }
                if (counts[digit] == stillNeeded)
                {
                    wholeBucketTaken = true;
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(histogram);
        }

        // Keys above the threshold (remainderPrefix, weightPrefix) all get a cent. At the threshold: every party when the
        // whole bucket is taken, otherwise the earliest 'stillNeeded' parties whose key equals it exactly.
        long tiesToTake = wholeBucketTaken ? long.MaxValue : stillNeeded;
        for (int i = 0; i < remainders.Length; i++)
        {
            ulong r = remainders[i];
            if (r > remainderPrefix || (r == remainderPrefix && weights[i] > weightPrefix))
            {
                Give(i, cents, flags);
            }
            else if (r == remainderPrefix && weights[i] == weightPrefix && tiesToTake > 0)
            {
                Give(i, cents, flags);
                tiesToTake--;
            }
        }
    }

    private static IEnumerable<(bool IsWeight, int Shift, int Width)> Digits(int remainderBits, int weightBits)
    {
        for (int top = remainderBits; top > 0; top -= DigitBits)
        {
            int width = Math.Min(DigitBits, top);
            yield return (false, top - width, width);
        }
        for (int top = weightBits; top > 0; top -= DigitBits)
        {
            int width = Math.Min(DigitBits, top);
            yield return (true, top - width, width);
        }
    }

    private static void Give(int party, Span<long> cents, Span<byte> flags)
    {
        cents[party]++;
        if (!flags.IsEmpty)
        {
            flags[party] |= RemainderCentFlag;
        }
    }
}
