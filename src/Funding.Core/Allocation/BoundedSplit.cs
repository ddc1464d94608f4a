using System.Numerics;

namespace Funding.Allocation;

/// <summary>
/// Finds which parties are held at their cap or floor when an amount is split proportionally within bounds.
/// </summary>
/// <remarks>
/// <para>
/// With caps <c>c[i]</c> and floors <c>f[i]</c>, the split gives party <c>i</c> the amount <c>clamp(λ·n[i], f[i], c[i])</c>
/// for the one level <c>λ</c> at which the amounts add up to the total. It is what "re-split the excess above a cap
/// (or the amount needed for a floor) among the others, repeatedly, until stable" converges to, found directly: the
/// function <c>g(λ) = Σ clamp(λ·n[i], f[i], c[i])</c> is continuous and non-decreasing, so a sweep over the sorted
/// breakpoints <c>f[i]/n[i]</c> and <c>c[i]/n[i]</c> finds <c>λ</c> in O(N log N), whatever the caps. Every comparison
/// is exact, with integers (<see cref="Int128"/> on the fast path, <see cref="BigInteger"/>
/// otherwise).
/// </para>
/// <para>
/// A party with a zero weight receives its floor (zero when it has none). When the caps cannot absorb the amount,
/// every weighted party gets its cap and the rest is reported as unallocated. Floors above the amount are rejected
/// before this runs.
/// </para>
/// </remarks>
internal static class BoundedSplit
{
    internal const long NoCap = -1;

    /// <summary>Classifies every party; returns false when the caps cannot absorb the amount.</summary>
    internal static bool Resolve<T>(long amount, T[] numerators, long[] floors, long[] caps, ShareBound[] bounds)
        where T : IBinaryInteger<T>, ISignedNumber<T>
    {
        int count = numerators.Length;
        T a = T.CreateChecked(amount);
        T k = T.Zero; // what bound parties receive at the current level
        T s = T.Zero; // total weight of the free parties at the current level
        var events = new List<(int Party, bool IsCap)>();
        for (int i = 0; i < count; i++)
        {
            if (numerators[i] == T.Zero)
            {
                k += T.CreateChecked(floors[i]);
                continue;
            }
            if (floors[i] > 0)
            {
                k += T.CreateChecked(floors[i]);
                events.Add((i, false));
            }
            else
            {
                s += numerators[i];
            }
            if (caps[i] != NoCap)
            {
                events.Add((i, true));
            }
        }

        T Value(int party, bool isCap) => T.CreateChecked(isCap ? Math.Min(caps[party], amount) : floors[party]);
        events.Sort((x, y) =>
        {
            // x.value / n[x] against y.value / n[y], cross-multiplied.
            int byLevel = (Value(x.Party, x.IsCap) * numerators[y.Party]).CompareTo(Value(y.Party, y.IsCap) * numerators[x.Party]);
            if (byLevel != 0)
            {
                return byLevel;
            }
            int byParty = x.Party.CompareTo(y.Party);
            return byParty != 0 ? byParty : x.IsCap.CompareTo(y.IsCap);
        });

        // Level λ = levelNumerator / levelDenominator, found on the first segment where g reaches the amount.
        T levelNumerator = T.Zero;
        T levelDenominator = T.One;
        bool found = k >= a;
        if (!found)
        {
            foreach (var (party, isCap) in events)
            {
                T value = Value(party, isCap);
                T weight = numerators[party];
                // g at this breakpoint, value/weight, is k + s·value/weight: has it reached the amount?
                if ((k * weight) + (value * s) >= a * weight)
                {
                    (levelNumerator, levelDenominator, found) = (a - k, s, true);
                    break;
                }
                if (isCap)
                {
                    s -= weight;
                    k += value;
                }
                else
                {
                    k -= value;
                    s += weight;
                }
            }
            if (!found && s > T.Zero)
            {
                (levelNumerator, levelDenominator, found) = (a - k, s, true);
            }
        }

        for (int i = 0; i < count; i++)
        {
            T weight = numerators[i];
            if (weight == T.Zero)
            {
                bounds[i] = floors[i] > 0 ? ShareBound.Floor : ShareBound.None;
            }
            else if (!found)
            {
                bounds[i] = ShareBound.Cap;
            }
            else if (floors[i] > 0 && levelNumerator * weight <= T.CreateChecked(floors[i]) * levelDenominator)
            {
                bounds[i] = ShareBound.Floor;
            }
            else if (caps[i] != NoCap && levelNumerator * weight >= T.CreateChecked(caps[i]) * levelDenominator)
            {
                bounds[i] = ShareBound.Cap;
            }
            else
            {
                bounds[i] = ShareBound.None;
            }
        }
        return found;
    }
}
