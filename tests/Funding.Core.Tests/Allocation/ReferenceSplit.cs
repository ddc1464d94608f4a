using System.Numerics;
using Funding.Allocation;

namespace Funding.Core.Tests.Allocation;

/// <summary>
/// A slow, obviously-correct reference written independently of the engine: exact fractions with BigInteger, a plain
/// sort for the leftover cents, and the textbook "fix the violators and re-split" loop for caps and floors.
/// </summary>
public static class ReferenceSplit
{
    /// <summary>Integer weights: every generated weight has at most six decimals.</summary>
    public static BigInteger[] Integers(IEnumerable<decimal> weights) =>
        weights.Select(w => new BigInteger(w * 1_000_000m)).ToArray();

    public static long[] LargestRemainder(long amount, BigInteger[] weights)
    {
        var total = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var cents = new long[weights.Length];
        var remainders = new BigInteger[weights.Length];
        if (total.IsZero || amount == 0)
        {
            return cents;
        }
        for (int i = 0; i < weights.Length; i++)
        {
            cents[i] = (long)BigInteger.DivRem(amount * weights[i], total, out remainders[i]);
        }
        long leftover = amount - cents.Sum();
        var order = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => weights[i])
            .ThenBy(i => i)
            .Take((int)leftover);
        foreach (int i in order)
        {
            cents[i]++;
        }
        return cents;
    }

    /// <summary>Re-split until stable. Returns the cents and whether each party was held at a bound.</summary>
    public static (long[] Cents, ShareBound[] Bounds, long Unallocated) Bounded(long amount, AllocationParty[] parties)
    {
        var weights = Integers(parties.Select(p => p.Weight));
        int n = parties.Length;
        var bounds = new ShareBound[n];
        var fixedAmount = new long[n];
        var free = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (weights[i].IsZero)
            {
                fixedAmount[i] = parties[i].Floor?.TotalCents ?? 0;
                bounds[i] = fixedAmount[i] > 0 ? ShareBound.Floor : ShareBound.None;
            }
            else
            {
                free[i] = true;
            }
        }

        while (true)
        {
            long remaining = amount - fixedAmount.Sum();
            var freeWeight = Enumerable.Range(0, n).Where(i => free[i]).Aggregate(BigInteger.Zero, (s, i) => s + weights[i]);
            if (freeWeight.IsZero)
            {
                return (fixedAmount, bounds, remaining);
            }
            // exact share = remaining * w / freeWeight; compare with bounds multiplied by freeWeight.
            BigInteger excess = 0, deficit = 0;
            var capViolators = new List<int>();
            var floorViolators = new List<int>();
            for (int i = 0; i < n; i++)
            {
                if (!free[i])
                {
                    continue;
                }
                var share = remaining * weights[i];
                if (parties[i].Cap is { } cap && share >= cap.TotalCents * freeWeight)
                {
                    capViolators.Add(i);
                    excess += share - cap.TotalCents * freeWeight;
                }
                else if (parties[i].Floor is { } floor && floor.TotalCents > 0 && share <= floor.TotalCents * freeWeight)
                {
                    floorViolators.Add(i);
                    deficit += floor.TotalCents * freeWeight - share;
                }
            }
            if (capViolators.Count == 0 && floorViolators.Count == 0)
            {
                var freeWeights = Enumerable.Range(0, n).Select(i => free[i] ? weights[i] : BigInteger.Zero).ToArray();
                var split = LargestRemainder(remaining, freeWeights);
                return (split.Select((c, i) => c + fixedAmount[i]).ToArray(), bounds, 0);
            }
            // Fix the side whose violations are larger: the true level lies beyond them.
            if (excess >= deficit)
            {
                foreach (int i in capViolators)
                {
                    free[i] = false;
                    fixedAmount[i] = parties[i].Cap!.Value.TotalCents;
                    bounds[i] = ShareBound.Cap;
                }
            }
            if (deficit >= excess)
            {
                foreach (int i in floorViolators)
                {
                    free[i] = false;
                    fixedAmount[i] = parties[i].Floor!.Value.TotalCents;
                    bounds[i] = ShareBound.Floor;
                }
            }
        }
    }
}
