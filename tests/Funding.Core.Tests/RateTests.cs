namespace Funding.Core.Tests;

public class RateTests
{
    [Fact]
    public void Percent_AndFraction_AgreeOnFiftyPercent()
    {
        Rate.Percent(50).ShouldBe(Rate.FromFraction(0.5m));
        Rate.Percent(50).Fraction.ShouldBe(0.5m);
        Rate.Percent(50).PercentValue.ShouldBe(50m);
    }

    [Fact]
    public void StateShare_OfTheSeedCost_IsHalfOfIt()
    {
        var total = Money.Euros(207_600m);
        Rate.Percent(50).ExactOf(total).ShouldBe(103_800m);
        Rate.Percent(50).Of(total, RoundingPolicy.Default).ShouldBe(Money.Euros(103_800m));
    }

    [Fact]
    public void EffectiveRate_OfTheCappedStateSubsidy_Is38Point54Percent()
    {
        var effective = Ratio.Of(Money.Euros(80_000m), Money.Euros(207_600m));
        effective.ToString().ShouldBe("38,54\u00A0%");
        effective.Fraction.ShouldBe(80_000m / 207_600m);
    }

    [Fact]
    public void QboShare_OfTheTotalCost_Is11Point17Percent()
    {
        Ratio.Of(Money.Euros(23_187m), Money.Euros(207_600m)).ToString().ShouldBe("11,17\u00A0%");
    }

    [Theory]
    [InlineData("-0.0001")]
    [InlineData("100.0001")]
    [InlineData("150")]
    public void Percent_OutsideZeroToHundred_IsRejected(string percent)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Rate.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
        ex.ParamName.ShouldBe("percent");
        ex.Message.ShouldContain("compris entre 0 % et 100 %");
    }

    [Fact]
    public void Fraction_AboveOne_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Rate.FromFraction(1.5m)).ParamName.ShouldBe("fraction");
    }

    [Fact]
    public void Percent_WithMoreThanSixDecimals_IsRejected()
    {
        Rate.Percent(12.345678m).PercentValue.ShouldBe(12.345678m);
        Should.Throw<ArgumentException>(() => Rate.Percent(12.3456789m)).Message.ShouldContain("6 au plus");
        Should.Throw<ArgumentException>(() => Rate.FromFraction(1m / 3m));
    }

    [Fact]
    public void TryPercent_ReportsTheReason()
    {
        Rate.TryPercent(150, out _, out var tooHigh).ShouldBeFalse();
        tooHigh.ShouldBe(RateError.OutOfRange);
        Rate.TryPercent(1.0000001m, out _, out var tooPrecise).ShouldBeFalse();
        tooPrecise.ShouldBe(RateError.TooPrecise);
        Rate.TryPercent(38.54m, out var rate, out var none).ShouldBeTrue();
        none.ShouldBe(RateError.None);
        rate.PercentValue.ShouldBe(38.54m);
    }

    [Fact]
    public void Ratio_OfAnAmountToZero_IsZero_OfAQuantityToZero_IsRejected()
    {
        // A share of a zero cost is nothing (every caller used to test for zero first); a key with no weight is an error.
        Ratio.Of(Money.Euros(1m), Money.Zero).ShouldBe(Ratio.Zero);
        Should.Throw<ArgumentException>(() => Ratio.Of(1m, 0m));
    }

    [Fact]
    public void ARate_IsARatio_AndComparesWithOne()
    {
        Ratio share = Ratio.Of(Money.Euros(80_000m), Money.Euros(207_600m));
        (share < Rate.Percent(50)).ShouldBeTrue();
        (share > Rate.Percent(38.5m)).ShouldBeTrue();
        ((Ratio)Rate.Percent(50)).Fraction.ShouldBe(0.5m);
    }

    [Fact]
    public void EqualityContract_Holds()
    {
        EqualityContract.Holds(Rate.Percent(50), Rate.FromFraction(0.5m), Rate.Percent(38.54m));
        (Rate.Percent(10) < Rate.Percent(20)).ShouldBeTrue();
        (Rate.Percent(20) >= Rate.Percent(20)).ShouldBeTrue();
        (Rate.Percent(20) != Rate.Percent(21)).ShouldBeTrue();
    }
}

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class RateProperties
{
    [Property]
    public bool ExactOf_IsExact_ForEveryValidRateAndAmount(Rate rate, Money amount) =>
        rate.ExactOf(amount) == amount.TotalCents * rate.PercentValue / 10_000m;

    [Property]
    public bool RoundedProduct_IsWithinHalfACentOfTheExactOne(Rate rate, Money amount) =>
        Math.Abs(rate.Of(amount, RoundingPolicy.Default).Amount - rate.ExactOf(amount)) <= 0.005m;

    [Property]
    public bool ApplyingARate_NeverExceedsTheBase(Rate rate, Money amount) =>
        rate.Of(amount.Abs(), RoundingPolicy.Default) <= amount.Abs();
}
