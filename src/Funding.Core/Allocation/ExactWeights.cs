using System.Numerics;

namespace Funding.Allocation;

/// <summary>
/// Turns decimal weights into exact integers at a common scale (1,5 and 2 become 15 and 20), so that shares and
/// remainders are computed with integer arithmetic, never with an approximate quotient.
/// </summary>
internal static class ExactWeights
{
    private static readonly ulong[] PowersOfTen = BuildPowersOfTen();

    /// <summary>
    /// Converts weights to 64-bit integers at their common scale. Returns false when a weight or the total does not fit
    /// in 64 bits; the caller then uses <see cref="ToBigIntegers"/>.
    /// </summary>
    internal static bool TryToUInt64(ReadOnlySpan<decimal> weights, Span<ulong> numerators, out ulong total, out ulong max) =>
        TryToUInt64(weights, numerators, out total, out max, out _);

    /// <summary>10^<paramref name="k"/>, for k from 0 to 19.</summary>
    internal static ulong PowerOfTen(int k) => PowersOfTen[k];

    /// <summary>As above, with the common scale the integers are at (weight × 10^scale).</summary>
    internal static bool TryToUInt64(ReadOnlySpan<decimal> weights, Span<ulong> numerators, out ulong total, out ulong max, out int commonScale)
    {
        total = 0;
        max = 0;
        commonScale = CommonScale(weights);
        if (commonScale > 19)
        {
            return false;
        }
        for (int i = 0; i < weights.Length; i++)
        {
            var (mantissa, scale) = Normalize(weights[i]);
            // The bound is a table lookup: a division per weight was a third of a million-party split.
            if (mantissa > LargestBeforeScaling[commonScale - scale])
            {
                return false;
            }
            ulong value = (ulong)mantissa * PowersOfTen[commonScale - scale];
            numerators[i] = value;
            if (value > max)
            {
                max = value;
            }
            if (value > ulong.MaxValue - total)
            {
                return false;
            }
            total += value;
        }
        return true;
    }

    /// <summary>Converts weights to arbitrary-precision integers at their common scale.</summary>
    internal static BigInteger[] ToBigIntegers(ReadOnlySpan<decimal> weights, out BigInteger total)
    {
        int commonScale = CommonScale(weights);
        var result = new BigInteger[weights.Length];
        total = BigInteger.Zero;
        for (int i = 0; i < weights.Length; i++)
        {
            var (mantissa, scale) = Normalize(weights[i]);
            result[i] = (BigInteger)mantissa * BigInteger.Pow(10, commonScale - scale);
            total += result[i];
        }
        return result;
    }

    /// <summary>The mantissa and scale of a non-negative decimal without trailing zeros (1.500 → (15, 1)).</summary>
    internal static (UInt128 Mantissa, int Scale) Normalize(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new UInt128(unchecked((uint)bits[2]), unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
        int scale = (bits[3] >> 16) & 0xFF;
        if (scale == 0)
        {
            return (mantissa, 0);
        }
        while (scale > 0 && mantissa % 10 == 0 && mantissa != 0)
        {
            mantissa /= 10;
            scale--;
        }
        return (mantissa, mantissa == 0 ? 0 : scale);
    }

    private static int CommonScale(ReadOnlySpan<decimal> weights)
    {
        int common = 0;
        foreach (decimal weight in weights)
        {
            // Cheap test first: integers (populations) have scale 0 and need no normalisation.
            if (weight.Scale > common)
            {
                common = Math.Max(common, Normalize(weight).Scale);
            }
        }
        return common;
    }

    /// <summary>The largest mantissa that can be multiplied by 10^k within 64 bits, for each k.</summary>
    private static readonly ulong[] LargestBeforeScaling = [.. BuildPowersOfTen().Select(p => ulong.MaxValue / p)];

    private static ulong[] BuildPowersOfTen()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
