using Funding.Allocation;

namespace Funding.Core.Tests.Allocation;

public class AllocatorTests
{
    private static readonly (string Id, string Name, decimal Population)[] FinistereEpcis =
    [
        ("brest", "Brest Métropole", 213_403m),
        ("qbo", "Quimper Bretagne Occidentale", 102_574m),
        ("morlaix", "Morlaix Communauté", 65_507m),
        ("landerneau", "Pays de Landerneau-Daoulas", 49_868m),
        ("landivisiau", "Pays de Landivisiau", 33_667m),
        ("haut-leon", "Haut-Léon Communauté", 31_706m),
        ("pleyben", "Pleyben-Châteaulin-Porzay", 22_863m),
        ("crozon", "Presqu'île de Crozon-Aulne maritime", 22_603m),
        ("poher", "Poher Communauté", 15_416m),
        ("haute-cornouaille", "Haute Cornouaille", 14_917m),
    ];

    private static AllocationParty[] Epcis() =>
        FinistereEpcis.Select(e => new AllocationParty(e.Id, e.Population) { Name = e.Name }).ToArray();

    private static AllocationParty[] Equal(int count) =>
        Enumerable.Range(1, count).Select(i => new AllocationParty($"p{i}", 1m)).ToArray();

    [Fact]
    public void HundredEurosInThreeEqualParts_GivesTheExtraCentToTheFirst()
    {
        var result = Allocator.Split(Money.Euros(100m), Equal(3), AllocationKey.EqualParts);

        result.Amounts.ToArray().ShouldBe([Money.Euros(33.34m), Money.Euros(33.33m), Money.Euros(33.33m)]);
        result.Shares.Select(s => s.RemainderCents).ShouldBe([1, 0, 0]);
        result.LeftoverCents.ShouldBe(1);
        result.Shares[0].ExactAmount.ShouldBe(33.3333333333m);
        result.Shares[0].Sentence.ShouldBe("p1 : 33,33\u00A0% de la clé parts égales, soit 33,34\u00A0€ (dont 0,01\u00A0€ au titre des plus forts restes).");
        result.Shares[1].Sentence.ShouldBe("p2 : 33,33\u00A0% de la clé parts égales, soit 33,33\u00A0€.");
    }

    [Fact]
    public void DocsWorkedExample_ThousandEurosByPopulation()
    {
        var parties = new[] { new AllocationParty("A", 5_000m), new AllocationParty("B", 3_000m), new AllocationParty("C", 1_000m) };
        var result = Allocator.Split(Money.Euros(1_000m), parties, AllocationKey.ByWeight("population"));

        result.Amounts.ToArray().ShouldBe([Money.Euros(555.56m), Money.Euros(333.33m), Money.Euros(111.11m)]);
        result["A"].Sentence.ShouldBe("A : 55,56\u00A0% de la clé population, soit 555,56\u00A0€ (dont 0,01\u00A0€ au titre des plus forts restes).");
    }

    [Fact]
    public void DocsWorkedExample_CapOnTheLargestEpci()
    {
        var parties = new[]
        {
            new AllocationParty("A", 50_000m) { Cap = Money.Euros(4_000m) },
            new AllocationParty("B", 30_000m),
            new AllocationParty("C", 20_000m),
        };
        var result = Allocator.Split(Money.Euros(10_000m), parties, AllocationKey.ByWeight("population"));

        result.Amounts.ToArray().ShouldBe([Money.Euros(4_000m), Money.Euros(3_600m), Money.Euros(2_400m)]);
        result["A"].Sentence.ShouldBe("A : 50,00\u00A0% de la clé population, soit 5\u202F000,00\u00A0€, plafonné à 4\u202F000,00\u00A0€.");
        result["B"].Sentence.ShouldBe("B : 30,00\u00A0% de la clé population ; après plafonds et planchers, 60,00\u00A0% des 6\u202F000,00\u00A0€ restant à répartir, soit 3\u202F600,00\u00A0€.");
    }

    [Fact]
    public void FiveCentsBetweenTenParties_GivesOneCentToEachOfTheFirstFive()
    {
        var result = Allocator.Split(Money.Euros(0.05m), Equal(10), AllocationKey.EqualParts);

        result.Amounts.ToArray().ShouldBe(Enumerable.Range(0, 10).Select(i => i < 5 ? Money.OneCent : Money.Zero).ToArray());
        result.Allocated.ShouldBe(Money.Euros(0.05m));
    }

    [Theory]
    [InlineData("103800", "103800.02")]
    [InlineData("50000", "50000.01")]
    public void PopulationKey_SumsExactly_WhereRoundingEachShareWouldNot(string amount, string naiveSum)
    {
        var total = Money.Euros(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        decimal population = FinistereEpcis.Sum(e => e.Population);
        population.ShouldBe(572_524m);
        var naive = FinistereEpcis.Sum(e => RoundingPolicy.Default.RoundToCents(total.Amount * e.Population / population));
        naive.ShouldBe(Money.Euros(decimal.Parse(naiveSum, System.Globalization.CultureInfo.InvariantCulture)));

        var result = Allocator.Split(total, Epcis(), AllocationKey.ByWeight("population"));

        result.Amounts.ToArray().Sum().ShouldBe(total);
        foreach (var share in result.Shares)
        {
            Math.Abs(share.Amount.Amount - share.ExactAmount).ShouldBeLessThan(0.01m);
        }
    }

    [Fact]
    public void PopulationKey_ExplainsEveryShare()
    {
        var result = Allocator.Split(Money.Euros(103_800m), Epcis(), AllocationKey.ByWeight("population"));
        var qbo = result["qbo"];

        qbo.Weight.ShouldBe(102_574m);
        FrenchFormatRate(qbo.ShareOfKey).ShouldBe("17,92 %");
        qbo.ExactAmount.ShouldBe(decimal.Round(103_800m * 102_574m / 572_524m, 10, MidpointRounding.ToZero));
        qbo.Amount.ShouldBe(Money.Euros(18_596.92m));
        qbo.RemainderCents.ShouldBe(1);
        qbo.Sentence.ShouldBe("Quimper Bretagne Occidentale : 17,92\u00A0% de la clé population, soit 18\u202F596,92\u00A0€ (dont 0,01\u00A0€ au titre des plus forts restes).");
        result.Describe().ShouldBe("Répartition de 103\u202F800,00\u00A0€ entre 10 parties selon la clé population ; 7 centimes attribués aux plus forts restes.");
    }

    [Fact]
    public void Sentence_MatchesTheIssuesExampleForQbo()
    {
        // A key where QBO weighs 115 935 out of 638 000 (18,17 %) of 63 800,00 €.
        var parties = new[]
        {
            new AllocationParty("qbo", 115_935m) { Name = "Quimper Bretagne Occidentale" },
            new AllocationParty("others", 522_065m) { Name = "Autres EPCI" },
        };
        var result = Allocator.Split(Money.Euros(63_800m), parties, AllocationKey.ByWeight("population"));

        result["qbo"].Sentence.ShouldBe("Quimper Bretagne Occidentale : 18,17\u00A0% de la clé population, soit 11\u202F593,50\u00A0€.");
    }

    [Fact]
    public void EqualRemainders_GoToTheLargerWeightFirst()
    {
        // 5 cents by 2:5:3 → exact 1, 2.5, 1.5 cents: the two halves tie, weight 5 beats weight 3.
        var parties = new[] { new AllocationParty("a", 2m), new AllocationParty("b", 5m), new AllocationParty("c", 3m) };
        var result = Allocator.Split(Money.Euros(0.05m), parties, AllocationKey.ByWeight());

        result.Amounts.ToArray().ShouldBe([Money.FromCents(1), Money.FromCents(3), Money.FromCents(1)]);
        result["b"].RemainderCents.ShouldBe(1);
        result["c"].RemainderCents.ShouldBe(0);
    }

    [Fact]
    public void EqualRemaindersAndWeights_GoToTheEarlierParty()
    {
        var parties = new[] { new AllocationParty("z", 1m), new AllocationParty("a", 1m) };
        var result = Allocator.Split(Money.FromCents(3), parties, AllocationKey.ByWeight());

        result.Amounts.ToArray().ShouldBe([Money.FromCents(2), Money.FromCents(1)]);
    }

    [Fact]
    public void CappedParty_PassesItsExcessToTheOthersByTheSameKey()
    {
        var parties = new[]
        {
            new AllocationParty("a", 1m) { Cap = Money.Euros(20m) },
            new AllocationParty("b", 1m),
            new AllocationParty("c", 2m),
        };
        var result = Allocator.Split(Money.Euros(100m), parties, AllocationKey.ByWeight());

        // Unbounded: 25 / 25 / 50. A is capped at 20; the 5 € excess goes 1:2 to B and C.
        result.Amounts.ToArray().ShouldBe([Money.Euros(20m), Money.Euros(26.67m), Money.Euros(53.33m)]);
        result["a"].Bound.ShouldBe(ShareBound.Cap);
        result["a"].UnboundedExactAmount.ShouldBe(25m);
        result["a"].Sentence.ShouldBe("a : 25,00\u00A0% de la clé pondération, soit 25,00\u00A0€, plafonné à 20,00\u00A0€.");
        result["b"].Sentence.ShouldBe("b : 25,00\u00A0% de la clé pondération ; après plafonds et planchers, 33,33\u00A0% des 80,00\u00A0€ restant à répartir, soit 26,67\u00A0€ (dont 0,01\u00A0€ au titre des plus forts restes).");
        result.AnyBoundApplied.ShouldBeTrue();
    }

    [Fact]
    public void Caps_CascadeUntilStable()
    {
        // 90 € in 3 equal parts = 30 each; A capped at 10 → B, C get 40 each; B capped at 35 → C gets 45.
        var parties = new[]
        {
            new AllocationParty("a", 1m) { Cap = Money.Euros(10m) },
            new AllocationParty("b", 1m) { Cap = Money.Euros(35m) },
            new AllocationParty("c", 1m),
        };
        var result = Allocator.Split(Money.Euros(90m), parties, AllocationKey.EqualParts);

        result.Amounts.ToArray().ShouldBe([Money.Euros(10m), Money.Euros(35m), Money.Euros(45m)]);
        result.Shares.Select(s => s.Bound).ShouldBe([ShareBound.Cap, ShareBound.Cap, ShareBound.None]);
    }

    [Fact]
    public void FlooredParty_IsRaisedAndTheOthersShareTheRest()
    {
        var parties = new[]
        {
            new AllocationParty("small", 1m) { Floor = Money.Euros(20m) },
            new AllocationParty("b", 1m),
            new AllocationParty("c", 8m),
        };
        var result = Allocator.Split(Money.Euros(100m), parties, AllocationKey.ByWeight());

        result.Amounts.ToArray().ShouldBe([Money.Euros(20m), Money.Euros(8.89m), Money.Euros(71.11m)]);
        result["small"].Bound.ShouldBe(ShareBound.Floor);
        result["small"].Sentence.ShouldContain("porté au plancher de 20,00\u00A0€");
    }

    [Fact]
    public void ZeroWeight_GetsNothing_UnlessItHasAFloor()
    {
        var parties = new[]
        {
            new AllocationParty("none", 0m),
            new AllocationParty("floored", 0m) { Floor = Money.Euros(5m) },
            new AllocationParty("b", 3m),
        };
        var result = Allocator.Split(Money.Euros(10m), parties, AllocationKey.ByWeight());

        result.Amounts.ToArray().ShouldBe([Money.Zero, Money.Euros(5m), Money.Euros(5m)]);
        result["none"].Sentence.ShouldBe("none : poids nul dans la clé pondération, soit 0,00\u00A0€.");
    }

    [Fact]
    public void CapsThatCannotAbsorbTheAmount_LeaveItUnallocated_AndSaySo()
    {
        var parties = new[]
        {
            new AllocationParty("a", 1m) { Cap = Money.Euros(30m) },
            new AllocationParty("b", 1m) { Cap = Money.Euros(40m) },
        };
        var result = Allocator.Split(Money.Euros(100m), parties, AllocationKey.EqualParts);

        result.Amounts.ToArray().ShouldBe([Money.Euros(30m), Money.Euros(40m)]);
        result.Unallocated.ShouldBe(Money.Euros(30m));
        result.Allocated.ShouldBe(Money.Euros(70m));
        result.Describe().ShouldContain("30,00\u00A0€ n'ont pu être répartis");
    }

    [Fact]
    public void MixedKey_SplitsOnceByTheCombinedShares()
    {
        // 50 % population + 50 % equal parts between populations 1, 3 (total 4) and 2 parties:
        // shares 0.5·1/4 + 0.5·1/2 = 3/8 and 0.5·3/4 + 0.5·1/2 = 5/8.
        var parties = new[]
        {
            new AllocationParty("a") { Weights = new Dictionary<string, decimal> { ["population"] = 1m } },
            new AllocationParty("b") { Weights = new Dictionary<string, decimal> { ["population"] = 3m } },
        };
        var key = AllocationKey.Mixed(
            new MixedKeyComponent(Rate.Percent(50), AllocationKey.ByWeight("population", "population")),
            new MixedKeyComponent(Rate.Percent(50), AllocationKey.EqualParts));
        var result = Allocator.Split(Money.Euros(100m), parties, key);

        result.Amounts.ToArray().ShouldBe([Money.Euros(37.50m), Money.Euros(62.50m)]);
        result["a"].ShareOfKey.Fraction.ShouldBe(0.375m);
        result["a"].Sentence.ShouldBe("a : 37,50\u00A0% de la clé mixte (50\u00A0% population + 50\u00A0% parts égales), soit 37,50\u00A0€.");
    }

    [Fact]
    public void MixedKey_OfTheFinistereEpcis_StaysWithinOneCentOfTheExactShare()
    {
        var parties = FinistereEpcis.Select(e => new AllocationParty(e.Id) { Name = e.Name, Weights = new Dictionary<string, decimal> { ["population"] = e.Population } }).ToArray();
        var key = AllocationKey.Mixed(
            new MixedKeyComponent(Rate.Percent(50), AllocationKey.ByWeight("population", "population")),
            new MixedKeyComponent(Rate.Percent(50), AllocationKey.EqualParts));
        var result = Allocator.Split(Money.Euros(103_800m), parties, key);

        result.Amounts.ToArray().Sum().ShouldBe(Money.Euros(103_800m));
        for (int i = 0; i < parties.Length; i++)
        {
            decimal exact = 103_800m * (0.5m * FinistereEpcis[i].Population / 572_524m + 0.5m / 10m);
            Math.Abs(result.Shares[i].Amount.Amount - exact).ShouldBeLessThan(0.01m);
        }
    }

    [Fact]
    public void Refund_IsTheMirrorOfTheSplit()
    {
        var split = Allocator.Split(Money.Euros(100m), Equal(3), AllocationKey.EqualParts);
        var refund = Allocator.SplitRefund(Money.Euros(-100m), Equal(3), AllocationKey.EqualParts);

        refund.Amounts.ToArray().ShouldBe(split.Amounts.ToArray().Select(m => -m).ToArray());
        refund.IsRefund.ShouldBeTrue();
        refund.Shares[0].ExactAmount.ShouldBe(-33.3333333333m);
        refund.Describe().ShouldStartWith("Répartition du reversement de 100,00\u00A0€");
    }

    public static TheoryData<string, Func<global::Funding.Allocation.Allocation>, string> BadInputs() => new()
    {
        { "no parties", () => Allocator.Split(Money.Euros(1m), [], AllocationKey.EqualParts), "parties" },
        { "negative amount", () => Allocator.Split(Money.Euros(-1m), Equal(2), AllocationKey.EqualParts), "amount" },
        { "positive refund", () => Allocator.SplitRefund(Money.Euros(1m), Equal(2), AllocationKey.EqualParts), "amount" },
        { "all weights zero", () => Allocator.Split(Money.Euros(1m), [new("a", 0m), new("b", 0m)], AllocationKey.ByWeight()), "parties" },
        { "negative weight", () => Allocator.Split(Money.Euros(1m), [new("a", 1m), new("b", -2m)], AllocationKey.ByWeight()), "parties[1].weight" },
        { "weight beyond the limit", () => Allocator.Split(Money.Euros(1m), [new("a", 1e16m)], AllocationKey.ByWeight()), "parties[0].weight" },
        { "duplicate id", () => Allocator.Split(Money.Euros(1m), [new("a", 1m), new("b", 1m), new("a", 1m)], AllocationKey.ByWeight()), "parties[2].id" },
        { "empty id", () => Allocator.Split(Money.Euros(1m), [new(" ", 1m)], AllocationKey.ByWeight()), "parties[0].id" },
        { "cap below floor", () => Allocator.Split(Money.Euros(10m), [new("a", 1m) { Cap = Money.Euros(1m), Floor = Money.Euros(2m) }], AllocationKey.ByWeight()), "parties[0].cap" },
        { "negative cap", () => Allocator.Split(Money.Euros(10m), [new("a", 1m) { Cap = Money.Euros(-1m) }], AllocationKey.ByWeight()), "parties[0].cap" },
        { "floors above the amount", () => Allocator.Split(Money.Euros(10m), [new("a", 1m) { Floor = Money.Euros(6m) }, new("b", 1m) { Floor = Money.Euros(6m) }], AllocationKey.ByWeight()), "parties" },
        { "missing named weight", () => Allocator.Split(Money.Euros(10m), [new("a")], AllocationKey.ByWeight("population", "population")), "parties[0].weights.population" },
        {
            "mixed percentages not summing to 100",
            () => Allocator.Split(Money.Euros(10m), Equal(2), AllocationKey.Mixed(new MixedKeyComponent(Rate.Percent(60), AllocationKey.EqualParts), new MixedKeyComponent(Rate.Percent(30), AllocationKey.EqualParts))),
            "key.components"
        },
        {
            "nested mixed key",
            () => Allocator.Split(Money.Euros(10m), Equal(2), AllocationKey.Mixed(new MixedKeyComponent(Rate.Full, AllocationKey.Mixed(new MixedKeyComponent(Rate.Full, AllocationKey.EqualParts))))),
            "key.components[0].key"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_GetsAValidationErrorNamingTheField(string because, Func<global::Funding.Allocation.Allocation> split, string path)
    {
        var ex = Should.Throw<FundingValidationException>(split, because);
        ex.Errors.ShouldContain(e => e.Path == path, $"{because}: got {string.Join(" | ", ex.Errors)}");
        ex.Errors.ShouldAllBe(e => e.Message.Length > 20);
    }

    [Fact]
    public void ManyBadParties_AreAllReported_UpToALimit()
    {
        var parties = Enumerable.Range(0, 500).Select(i => new AllocationParty("same", -1m)).ToArray();
        var ex = Should.Throw<FundingValidationException>(() => Allocator.Split(Money.Euros(1m), parties, AllocationKey.ByWeight()));
        ex.Errors.Count.ShouldBe(50);
    }

    private static string FrenchFormatRate(Ratio rate) => Funding.Formatting.FrenchFormat.Rate(rate, spacing: Funding.Formatting.FrenchSpacing.Ascii);
}
