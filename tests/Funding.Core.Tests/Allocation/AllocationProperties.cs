using System.Numerics;
using Funding.Allocation;

namespace Funding.Core.Tests.Allocation;

[Properties(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 3000)]
public class AllocationProperties
{
    private static AllocationParty[] Parties(decimal[] weights) =>
        weights.Select((w, i) => new AllocationParty($"p{i}", w)).ToArray();

    private static global::Funding.Allocation.Allocation Split(SplitCase c) =>
        Allocator.Split(c.Amount, Parties(c.Weights), AllocationKey.ByWeight());

    [Property]
    public bool SharesSumExactlyToTheAmount(SplitCase c) => Split(c).Amounts.ToArray().Sum() == c.Amount;

    [Property]
    public bool EveryShareIsWithinOneCentOfItsExactShare(SplitCase c)
    {
        var weights = ReferenceSplit.Integers(c.Weights);
        var total = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var result = Split(c);
        // |share·D − A·w| < D  ⇔  |share − A·w/D| < 1 cent, exactly.
        return weights.Select((w, i) => BigInteger.Abs(result.Amounts[i].TotalCents * total - c.Amount.TotalCents * w) < total).All(x => x);
    }

    [Property]
    public bool MatchesTheIndependentReference(SplitCase c)
    {
        var expected = ReferenceSplit.LargestRemainder(c.Amount.TotalCents, ReferenceSplit.Integers(c.Weights));
        return Split(c).Amounts.ToArray().Select(m => m.TotalCents).SequenceEqual(expected);
    }

    [Property]
    public bool ZeroWeightGetsZero(SplitCase c)
    {
        var result = Split(c);
        return c.Weights.Select((w, i) => w != 0m || result.Amounts[i].IsZero).All(x => x);
    }

    [Property]
    public bool ScalingEveryWeightChangesNothing(SplitCase c, PositiveInt factor)
    {
        // A scale from 1 to 1 000 that keeps every weight within the limit: no case is discarded (a property that
        // discards too many fails at random with « arguments exhausted »).
        decimal largest = c.Weights.Max();
        decimal room = largest <= 0m ? 1000m : Math.Min(1000m, Math.Floor(FundingLimits.MaxWeight / largest));
        decimal scale = room < 1m ? 1m : (factor.Get % room) + 1;
        var scaled = c.Weights.Select(w => w * scale).ToArray();
        var byTenth = c.Weights.Select(w => w / 10m).ToArray();
        var original = Split(c).Amounts.ToArray();
        return Split(c with { Weights = scaled }).Amounts.ToArray().SequenceEqual(original)
            && Split(c with { Weights = byTenth }).Amounts.ToArray().SequenceEqual(original);
    }

    [Property]
    public bool PermutingThePartiesPermutesTheShares_ExceptForDocumentedTies(SplitCase c, int seed)
    {
        var parties = Parties(c.Weights);
        var shuffled = parties.Shuffle(seed);
        var original = Allocator.Split(c.Amount, parties, AllocationKey.ByWeight());
        var permuted = Allocator.Split(c.Amount, shuffled, AllocationKey.ByWeight());

        // Parties with the same weight tie by input order: what each weight class receives in total is invariant, and a
        // party alone in its class keeps its exact share.
        var byWeightOriginal = parties.Select((p, i) => (p.Weight, original.Amounts[i])).GroupBy(x => x.Weight).ToDictionary(g => g.Key, g => (Sum: g.Sum(x => x.Item2), Count: g.Count()));
        var byWeightPermuted = shuffled.Select((p, i) => (p.Weight, permuted.Amounts[i])).GroupBy(x => x.Weight).ToDictionary(g => g.Key, g => g.Sum(x => x.Item2));
        bool classesAgree = byWeightOriginal.All(kv => byWeightPermuted[kv.Key] == kv.Value.Sum);
        bool singlesAgree = shuffled.Select((p, i) => (p, i))
            .Where(x => byWeightOriginal[x.p.Weight].Count == 1)
            .All(x => permuted.Amounts[x.i] == original[x.p.Id].Amount);
        return classesAgree && singlesAgree;
    }

    [Property]
    public bool SameInputSameOutput(SplitCase c) => Split(c).Amounts.ToArray().SequenceEqual(Split(c).Amounts.ToArray());

    [Property]
    public bool LeftoverCentsGoToTheLargestRemainders(SplitCase c)
    {
        var weights = ReferenceSplit.Integers(c.Weights);
        var total = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var result = Split(c);
        var remainders = weights.Select(w => c.Amount.TotalCents * w % total).ToArray();
        var receivers = Enumerable.Range(0, weights.Length).Where(i => result.Shares[i].RemainderCents == 1).ToArray();
        var others = Enumerable.Range(0, weights.Length).Where(i => result.Shares[i].RemainderCents == 0).ToArray();
        return receivers.Length == result.LeftoverCents
            && (receivers.Length == 0 || others.Length == 0 || receivers.Min(i => remainders[i]) >= others.Max(i => remainders[i]));
    }

    [Property]
    public bool RefundIsTheMirror(SplitCase c)
    {
        var split = Split(c).Amounts.ToArray();
        var refund = Allocator.SplitRefund(-c.Amount, Parties(c.Weights), AllocationKey.ByWeight()).Amounts.ToArray();
        return refund.SequenceEqual(split.Select(m => -m));
    }

    [Property]
    public bool TheBareSplitAgreesWithTheExplainedOne(SplitCase c) =>
        LargestRemainder.Split(c.Amount, c.Weights).SequenceEqual(Split(c).Amounts.ToArray());

    [Property]
    public bool TheFastPathAgreesWithTheArbitraryPrecisionPath(SplitCase c)
    {
        var resolved = ExactWeightsFor(c.Weights, out var numerators, out ulong total, out ulong max);
        if (!resolved)
        {
            return true;
        }
        var fast = new long[numerators.Length];
        var slow = new long[numerators.Length];
        LargestRemainderEngine.Split(c.Amount.TotalCents, numerators, total, max, fast, default);
        LargestRemainderEngine.Split(c.Amount.TotalCents, numerators.Select(n => new BigInteger(n)).ToArray(), total, slow, default);
        return fast.SequenceEqual(slow);
    }

    private static bool ExactWeightsFor(decimal[] weights, out ulong[] numerators, out ulong total, out ulong max)
    {
        numerators = new ulong[weights.Length];
        return ExactWeights.TryToUInt64(weights, numerators, out total, out max);
    }
}

[Properties(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 2000)]
public class BoundedAllocationProperties
{
    [Property]
    public bool SharesPlusUnallocatedSumToTheAmount(BoundedCase c)
    {
        var result = Allocator.Split(c.Amount, c.Parties, AllocationKey.ByWeight());
        return result.Amounts.ToArray().Sum() + result.Unallocated == c.Amount && result.Unallocated >= Money.Zero;
    }

    [Property]
    public bool CapsAndFloorsAreRespected(BoundedCase c)
    {
        var result = Allocator.Split(c.Amount, c.Parties, AllocationKey.ByWeight());
        return c.Parties.Select((p, i) =>
                (p.Cap is not { } cap || result.Amounts[i] <= cap) && (p.Floor is not { } floor || result.Amounts[i] >= floor))
            .All(x => x);
    }

    [Property]
    public bool UnallocatedOnlyWhenEveryWeightedPartyIsAtItsCap(BoundedCase c)
    {
        var result = Allocator.Split(c.Amount, c.Parties, AllocationKey.ByWeight());
        return result.Unallocated.IsZero
            || c.Parties.Select((p, i) => p.Weight == 0m || (p.Cap is { } cap && result.Amounts[i] == cap)).All(x => x);
    }

    [Property]
    public bool ZeroWeightGetsItsFloorOrNothing(BoundedCase c)
    {
        var result = Allocator.Split(c.Amount, c.Parties, AllocationKey.ByWeight());
        return c.Parties.Select((p, i) => p.Weight != 0m || result.Amounts[i] == (p.Floor ?? Money.Zero)).All(x => x);
    }

    [Property]
    public bool MatchesTheReSplitUntilStableReference(BoundedCase c)
    {
        var result = Allocator.Split(c.Amount, c.Parties, AllocationKey.ByWeight());
        var (expected, _, unallocated) = ReferenceSplit.Bounded(c.Amount.TotalCents, c.Parties);
        return result.Amounts.ToArray().Select(m => m.TotalCents).SequenceEqual(expected) && result.Unallocated.TotalCents == unallocated;
    }

    [Property]
    public bool HeldPartiesSayWhichBoundHeldThem(BoundedCase c)
    {
        var result = Allocator.Split(c.Amount, c.Parties, AllocationKey.ByWeight());
        return result.Shares.All(s => s.Bound switch
        {
            ShareBound.Cap => s.Party.Cap == s.Amount && s.Sentence.Contains("plafonné", StringComparison.Ordinal),
            ShareBound.Floor => s.Party.Floor == s.Amount && s.Sentence.Contains("plancher", StringComparison.Ordinal),
            _ => true,
        });
    }
}
