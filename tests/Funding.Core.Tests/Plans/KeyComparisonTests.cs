using Funding.Allocation;
using Funding.Plans;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// The seed's nine other EPCIs under other keys, by hand: their pool is 52 206,50 € whatever the key (50 % of what is
/// left after the State and QBO).
/// </summary>
public class KeyComparisonTests
{
    private static readonly Plan Seed = SamplePlans.TerritoireIndustrieFinistere.Plan;

    private static readonly NamedKey[] Keys =
    [
        new("parts égales", AllocationKey.EqualParts),
        new("50 % population + 50 % parts égales", AllocationKey.Mixed(
            new MixedKeyComponent(Rate.Percent(50), AllocationKey.ByWeight("population")), new MixedKeyComponent(Rate.Percent(50), AllocationKey.EqualParts))),
    ];

    [Fact]
    public void EqualParts_AndAMixedKey_SideBySide_WithEachMembersDifference()
    {
        var result = KeyComparison.Compare(Seed, "autres-epci", Keys);

        result.Keys.ShouldBe(["parts égales", "50 % population + 50 % parts égales"]);
        result.Allocated.ShouldBe([E(52_206.50m), E(52_206.50m), E(52_206.50m)]);
        var brest = result.Members[0];
        // Equal parts: 5 220 650 cents / 9 = 580 072,2…: 580 072 each and 2 cents left, to the first two members (the
        // tie rule: larger weight, then the earlier party; equal weights) → Brest 5 800,73 €.
        // Mixed: Brest's weight 1/2 × 213 403 / 469 950 + 1/2 × 1/9, × 5 220 650 cents = 1 475 377,50… cents; the four
        // cents left go to larger remainders (Crozon ,88, Poher ,88, Landerneau ,61, Landivisiau ,58), not Brest's ,50
        // → 14 753,77 €.
        (brest.Plan, brest.ByKey[0], brest.ByKey[1]).ShouldBe((E(23_706.83m), E(5_800.73m), E(14_753.77m)));
        brest.Differences.ShouldBe([E(5_800.73m - 23_706.83m), E(14_753.77m - 23_706.83m)]);
        result.Members.Skip(2).ShouldAllBe(m => m.ByKey[0] == E(5_800.72m));
        brest.Sentence.ShouldContain("5\u202F800,73\u00A0€ selon la clé « parts égales » (− 17\u202F906,10\u00A0€)");
    }

    [Fact]
    public void ANonGroup_AKeyWithoutWeights_AndNoKey_AreRefusedOnTheirField()
    {
        Should.Throw<FundingValidationException>(() => KeyComparison.Compare(Seed, "qbo", Keys)).Errors.ShouldHaveSingleItem().Path.ShouldBe("groupId");
        Should.Throw<FundingValidationException>(() => KeyComparison.Compare(Seed, "autres-epci", [])).Errors.ShouldHaveSingleItem().Path.ShouldBe("keys");
        var missing = Should.Throw<FundingValidationException>(() => KeyComparison.Compare(Seed, "autres-epci", [new NamedKey("potentiel fiscal", AllocationKey.ByWeight("potentiel fiscal", "potentielFiscal"))]));
        missing.Errors.ShouldAllBe(e => e.Path == "keys[0].key");
        missing.Errors[0].Code.ShouldBe(ErrorCodes.WeightMissing);
    }
}
