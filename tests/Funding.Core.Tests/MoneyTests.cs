namespace Funding.Core.Tests;

public class MoneyTests
{
    [Fact]
    public void Euros_KeepsTwoDecimalPlaces_ForJsonAndDisplay()
    {
        Money.Euros(11593.5m).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("11593.50");
        Money.Euros(80000m).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("80000.00");
        Money.Zero.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("0.00");
        Money.Euros(-2.3m).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("-2.30");
    }

    [Fact]
    public void Euros_AcceptsTrailingZerosBeyondTheCent()
    {
        Money.Euros(11593.5000m).ShouldBe(Money.FromCents(1_159_350));
    }

    [Theory]
    [InlineData("0.005")]
    [InlineData("11593.505")]
    [InlineData("-0.001")]
    [InlineData("0.0000000001")]
    public void Euros_RejectsFractionsOfACent(string value)
    {
        var ex = Should.Throw<ArgumentException>(() => Money.Euros(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        ex.ParamName.ShouldBe("euros");
        ex.Message.ShouldContain("fraction de centime");
    }

    [Theory]
    [InlineData("1000000000000.01")]
    [InlineData("-1000000000000.01")]
    [InlineData("79228162514264337593543950335")]
    public void Euros_RejectsMagnitudesBeyondTenToTheTwelve(string value)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Money.Euros(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        ex.Message.ShouldContain("1 000 000 000 000,00 €");
    }

    [Fact]
    public void MaxValue_IsTenToTheTwelveEuros()
    {
        Money.MaxValue.Amount.ShouldBe(1_000_000_000_000m);
        Money.Euros(1_000_000_000_000m).ShouldBe(Money.MaxValue);
        (-Money.MaxValue).ShouldBe(Money.MinValue);
    }

    [Fact]
    public void Arithmetic_BeyondTheRange_Throws()
    {
        Should.Throw<OverflowException>(() => Money.MaxValue + Money.OneCent);
        Should.Throw<OverflowException>(() => Money.MinValue - Money.OneCent);
        Should.Throw<OverflowException>(() => Money.MaxValue * 2);
        Should.Throw<OverflowException>(() => new[] { Money.MaxValue, Money.MaxValue }.Sum());
    }

    [Fact]
    public void FromCents_OutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Money.FromCents(Money.MaxCents + 1)).ParamName.ShouldBe("cents");
    }

    [Fact]
    public void SeedFigures_AddUpExactly()
    {
        var qboPerYear = Money.Euros(11_593.50m);
        var total = Money.Euros(103_800m) * 2;
        var state = Money.Euros(80_000m);

        (qboPerYear * 2).ShouldBe(Money.Euros(23_187m));
        (total - state - qboPerYear * 2).ShouldBe(Money.Euros(104_413m));
    }

    [Fact]
    public void MultiplyBy_RoundsWithTheNamedPolicy()
    {
        var amount = Money.Euros(0.05m);
        amount.MultiplyBy(Rate.Percent(50), RoundingPolicy.HalfAwayFromZero).ShouldBe(Money.Euros(0.03m));
        amount.MultiplyBy(Rate.Percent(50), RoundingPolicy.HalfToEven).ShouldBe(Money.Euros(0.02m));
        amount.MultiplyBy(Rate.Percent(50), RoundingPolicy.TowardZero).ShouldBe(Money.Euros(0.02m));
    }

    [Fact]
    public void PartsAndSign_DescribeTheMagnitude()
    {
        var amount = Money.Euros(-11_593.05m);
        amount.EurosPart.ShouldBe(11_593);
        amount.CentsPart.ShouldBe(5);
        amount.Sign.ShouldBe(-1);
        amount.IsNegative.ShouldBeTrue();
        amount.Abs().ShouldBe(Money.Euros(11_593.05m));
        amount.TotalCents.ShouldBe(-1_159_305);
    }

    [Fact]
    public void MinAndMax_PickTheRightOperand()
    {
        Money.Min(Money.Euros(1m), Money.Euros(2m)).ShouldBe(Money.Euros(1m));
        Money.Max(Money.Euros(1m), Money.Euros(2m)).ShouldBe(Money.Euros(2m));
    }

    [Fact]
    public void EqualityContract_Holds()
    {
        EqualityContract.Holds(Money.Euros(11_593.5m), Money.FromCents(1_159_350), Money.Euros(11_593.49m));
        (Money.Euros(1m) == Money.FromCents(100)).ShouldBeTrue();
        (Money.Euros(1m) != Money.FromCents(101)).ShouldBeTrue();
        (Money.Euros(1m) < Money.Euros(2m)).ShouldBeTrue();
        (Money.Euros(2m) >= Money.Euros(2m)).ShouldBeTrue();
        ((IComparable)Money.Zero).CompareTo(null).ShouldBe(1);
        Should.Throw<ArgumentException>(() => ((IComparable)Money.Zero).CompareTo(3));
    }

    [Fact]
    public void ToString_IsTheFrenchReportFormat()
    {
        Money.Euros(11_593.50m).ToString().ShouldBe("11\u202F593,50\u00A0€");
        Money.Euros(11_593.50m).ToInvariantString().ShouldBe("11593.50");
    }
}

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class MoneyProperties
{
    [Property]
    public bool AddingThenSubtracting_GivesBackTheOriginal(Money a, Money b)
    {
        // Stay inside the range so that the property is about arithmetic, not overflow.
        var halfA = Money.FromCents(a.TotalCents / 2);
        var halfB = Money.FromCents(b.TotalCents / 2);
        return halfA + halfB - halfB == halfA;
    }

    [Property]
    public bool Sum_DoesNotDependOnOrder(Money[] amounts, int seed)
    {
        var small = amounts.Select(m => Money.FromCents(m.TotalCents / Math.Max(1, amounts.Length))).ToArray();
        var shuffled = small.Shuffle(seed);
        var reversed = small.Reverse().ToArray();
        return small.Sum() == shuffled.Sum() && small.Sum() == reversed.Sum();
    }

    [Property]
    public bool Sum_EqualsTheSumOfCents(Money[] amounts)
    {
        var small = amounts.Select(m => Money.FromCents(m.TotalCents / Math.Max(1, amounts.Length))).ToArray();
        return small.Sum().TotalCents == small.Aggregate(0L, (total, m) => total + m.TotalCents);
    }

    [Property]
    public bool EurosAndCents_RoundTrip(Money money) =>
        Money.Euros(money.Amount) == money && Money.FromCents(money.TotalCents) == money;

    [Property]
    public bool Amount_AlwaysHasTwoDecimalPlaces(Money money) => money.Amount.Scale == 2;

    [Property]
    public bool Comparison_AgreesWithCents(Money a, Money b) =>
        a.CompareTo(b) == a.TotalCents.CompareTo(b.TotalCents) && (a < b) == (a.TotalCents < b.TotalCents);

    [Property]
    public bool Negation_IsAnInvolution(Money money) => -(-money) == money && (money + -money).IsZero;
}
