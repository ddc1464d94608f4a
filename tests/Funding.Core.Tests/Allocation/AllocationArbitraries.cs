using Funding.Allocation;

namespace Funding.Core.Tests.Allocation;

/// <summary>An amount and weights to split (no bounds).</summary>
public sealed record SplitCase(Money Amount, decimal[] Weights)
{
    public override string ToString() => $"{Amount.ToInvariantString()} by [{string.Join(", ", Weights.Take(20))}{(Weights.Length > 20 ? ", …" : "")}] ({Weights.Length} weights)";
}

/// <summary>An amount and parties with caps and floors that can be honoured.</summary>
public sealed record BoundedCase(Money Amount, AllocationParty[] Parties)
{
    public override string ToString() =>
        $"{Amount.ToInvariantString()} between " + string.Join("; ", Parties.Select(p => $"{p.Id} w={p.Weight} cap={p.Cap?.ToInvariantString() ?? "-"} floor={p.Floor?.ToInvariantString() ?? "-"}"));
}

public static class AllocationArbitraries
{
    public static Gen<Money> AmountGen =>
        Gen.Frequency(
            (1, Gen.Constant(Money.Zero)),
            (2, Gen.Elements(Money.OneCent, Money.Euros(0.05m), Money.Euros(100m), Money.Euros(103_800m), Money.MaxValue)),
            (4, Gen.Choose(1, 10_000).Select(c => Money.FromCents(c))),
            (4, Gen.Choose(1, int.MaxValue).Select(c => Money.FromCents(c))),
            (2, from high in Gen.Choose(0, 1_000_000) from low in Gen.Choose(0, 99_999_999)
                select Money.FromCents(Math.Min(Money.MaxCents, high * 100_000_000L + low))));

    public static Gen<int> CountGen =>
        Gen.Frequency((2, Gen.Constant(1)), (4, Gen.Choose(2, 12)), (3, Gen.Choose(13, 120)), (1, Gen.Choose(121, 400)));

    /// <summary>Weights of one flavour: equal, small integers with zeros, populations, huge, tiny decimals, mixed scales.</summary>
    public static Gen<decimal[]> WeightsGen(int count)
    {
        var equal = Gen.Elements(1m, 7m, 0.5m, 213_403m, 1_000_000_000_000_000m).Select(w => Enumerable.Repeat(w, count).ToArray());
        var smallWithZeros = Gen.ArrayOf(Gen.Choose(0, 5).Select(w => (decimal)w), count);
        var populations = Gen.ArrayOf(Gen.Choose(1_000, 2_500_000).Select(w => (decimal)w), count);
        var huge = Gen.ArrayOf(
            from high in Gen.Choose(0, 1_000_000) from low in Gen.Choose(0, 999_999_999)
            select Math.Min(FundingLimits.MaxWeight, high * 1_000_000_000m + low), count);
        var tiny = Gen.ArrayOf(Gen.Choose(0, 10_000).Select(w => w / 1_000_000m), count);
        var mixedScales = Gen.ArrayOf(
            Gen.Frequency((1, Gen.Choose(0, 1000).Select(w => (decimal)w)), (1, Gen.Choose(0, 100_000).Select(w => w / 1000m))), count);
        // Up to 10^15 with six decimals: beyond 64 bits at the common scale, so the arbitrary-precision path runs.
        var hugeWithDecimals = Gen.ArrayOf(
            from high in Gen.Choose(0, 1_000_000) from low in Gen.Choose(0, 999_999)
            select Math.Min(FundingLimits.MaxWeight, high * 1_000_000_000m + low / 1_000_000m), count);
        return Gen.OneOf(equal, smallWithZeros, populations, huge, tiny, mixedScales, hugeWithDecimals)
            .Select(ws =>
            {
                if (ws.All(w => w == 0m))
                {
                    ws[^1] = 1m;
                }
                return ws;
            });
    }

    public static Arbitrary<SplitCase> SplitCaseArb() =>
        (from count in CountGen
         from weights in WeightsGen(count)
         from amount in AmountGen
         select new SplitCase(amount, weights))
        .ToArbitrary();

    public static Arbitrary<BoundedCase> BoundedCaseArb()
    {
        var gen =
            from count in Gen.Frequency((1, Gen.Constant(1)), (5, Gen.Choose(2, 40)))
            from weights in WeightsGen(count)
            from amount in AmountGen
            from bindingMost in Gen.Elements(true, false)
            from capDraws in Gen.ArrayOf(Gen.Choose(0, 100), count)
            from floorDraws in Gen.ArrayOf(Gen.Choose(0, 100), count)
            select Build(amount, weights, bindingMost, capDraws, floorDraws);
        return gen.ToArbitrary();
    }

    private static BoundedCase Build(Money amount, decimal[] weights, bool bindingMost, int[] capDraws, int[] floorDraws)
    {
        decimal totalWeight = weights.Sum();
        long amountCents = amount.TotalCents;
        var parties = new AllocationParty[weights.Length];
        long floorBudget = amountCents;
        for (int i = 0; i < weights.Length; i++)
        {
            long proportional = (long)(amountCents * (weights[i] / totalWeight));
            Money? cap = null;
            Money? floor = null;
            int capDraw = capDraws[i];
            if (bindingMost ? capDraw < 80 : capDraw < 30)
            {
                // A cap between 0 and 150 % of the proportional share: most bind when 'bindingMost'.
                cap = Money.FromCents(Math.Min(Money.MaxCents, proportional * (capDraw % 16) / 10));
            }
            int floorDraw = floorDraws[i];
            if (floorDraw < 25)
            {
                long wanted = amountCents / Math.Max(1, weights.Length) * (floorDraw % 5) / 2;
                if (cap is { } c)
                {
                    wanted = Math.Min(wanted, c.TotalCents);
                }
                wanted = Math.Min(wanted, floorBudget);
                floorBudget -= wanted;
                floor = Money.FromCents(wanted);
            }
            parties[i] = new AllocationParty($"p{i}", weights[i]) { Cap = cap, Floor = floor };
        }
        return new BoundedCase(amount, parties);
    }
}
