using Funding.Plans;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

public class CappedRateTests
{
    [Fact]
    public void FiftyPercentOf207600CappedAt80000_CapBinds()
    {
        var result = CappedRate.Compute(Rate.Percent(50), E(207_600m), cap: E(80_000m));

        result.Amount.ShouldBe(E(80_000m));
        result.Uncapped.ShouldBe(E(103_800m));
        result.CapBinds.ShouldBeTrue();
        result.CapReached.ShouldBeFalse();
        Funding.Formatting.FrenchFormat.Rate(result.EffectiveRate).ShouldBe("38,54\u00A0%");
        result.Clause().ShouldBe("50\u00A0% de 207\u202F600,00\u00A0€, soit 103\u202F800,00\u00A0€, plafonné à 80\u202F000,00\u00A0€");
    }

    [Fact]
    public void FiftyPercentOf160000CappedAt80000_CapJustReached()
    {
        var result = CappedRate.Compute(Rate.Percent(50), E(160_000m), cap: E(80_000m));

        result.Amount.ShouldBe(E(80_000m));
        result.CapBinds.ShouldBeFalse();
        result.CapReached.ShouldBeTrue();
        result.EffectiveRate.ShouldBe(Rate.Percent(50));
    }

    [Fact]
    public void Floor_RaisesAndIsReported()
    {
        var result = CappedRate.Compute(Rate.Percent(10), E(1_000m), floor: E(200m));
        result.Amount.ShouldBe(E(200m));
        result.FloorBinds.ShouldBeTrue();
        result.Terms().Select(t => t.Name).ShouldBe(["rate", "base", "exact", "computed", "floor"]);
    }

    [Fact]
    public void BadBounds_AreValidationErrorsNamingTheField()
    {
        Should.Throw<FundingValidationException>(() => CappedRate.Compute(Rate.Percent(10), E(-1m))).Errors.Single().Path.ShouldBe("base");
        Should.Throw<FundingValidationException>(() => CappedRate.Compute(Rate.Percent(10), E(1m), cap: E(1m), floor: E(2m))).Errors.Single().Path.ShouldBe("cap");
    }
}

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class CappedRateProperties
{
    [Property]
    public bool AmountStaysBetweenFloorAndCap(Rate rate, Money baseAmount, Money a, Money b)
    {
        var (low, high) = (Money.Min(a.Abs(), b.Abs()), Money.Max(a.Abs(), b.Abs()));
        var result = CappedRate.Compute(rate, baseAmount.Abs(), cap: high, floor: low);
        return result.Amount >= low && result.Amount <= high
            && (result.Limit != Funding.Plans.ContributionLimit.None || result.Amount == result.Uncapped);
    }
}
