namespace Funding.Core.Tests;

public class RoundingPolicyTests
{
    [Fact]
    public void Default_IsHalfAwayFromZero()
    {
        RoundingPolicy.Default.ShouldBeSameAs(RoundingPolicy.HalfAwayFromZero);
        RoundingPolicy.Default.Name.ShouldBe("half-away-from-zero");
    }

    [Theory]
    [InlineData("0.025", "0.03")] // DOMAIN.md: 2,5 cents rounded → 0,03 €
    [InlineData("-0.025", "-0.03")]
    [InlineData("966.125", "966.13")] // 11 593,50 € / 12
    [InlineData("0.015", "0.02")]
    [InlineData("0.0249999", "0.02")]
    [InlineData("103800", "103800.00")]
    public void HalfAwayFromZero_RoundsHalvesAwayFromZero(string exact, string expected)
    {
        RoundingPolicy.HalfAwayFromZero.RoundToCents(D(exact)).ShouldBe(Money.Euros(D(expected)));
    }

    [Fact]
    public void TwelfthOfQboYearlyShare_IsNotBankersRounding()
    {
        decimal monthly = 11_593.50m / 12m;
        monthly.ShouldBe(966.125m);
        RoundingPolicy.Default.RoundToCents(monthly).ShouldBe(Money.Euros(966.13m));
        RoundingPolicy.HalfToEven.RoundToCents(monthly).ShouldBe(Money.Euros(966.12m));
    }

    [Theory]
    [InlineData("0.025", "0.02")]
    [InlineData("0.035", "0.04")]
    [InlineData("-0.025", "-0.02")]
    public void HalfToEven_IsBankersRounding(string exact, string expected)
    {
        RoundingPolicy.HalfToEven.RoundToCents(D(exact)).ShouldBe(Money.Euros(D(expected)));
    }

    [Theory]
    [InlineData("0.029", "0.02")]
    [InlineData("-0.029", "-0.02")]
    public void TowardZero_Truncates(string exact, string expected)
    {
        RoundingPolicy.TowardZero.RoundToCents(D(exact)).ShouldBe(Money.Euros(D(expected)));
    }

    [Fact]
    public void RoundToCents_BeyondTheRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => RoundingPolicy.Default.RoundToCents(1_000_000_000_000.005m))
            .ParamName.ShouldBe("exactEuros");
    }

    [Theory]
    [InlineData("half-away-from-zero")]
    [InlineData("HALF-TO-EVEN")]
    [InlineData("toward-zero")]
    public void TryParse_FindsPoliciesByName(string name)
    {
        RoundingPolicy.TryParse(name, out var policy).ShouldBeTrue();
        policy!.Name.ShouldBe(name.ToLowerInvariant());
    }

    [Fact]
    public void TryParse_RejectsUnknownNames()
    {
        RoundingPolicy.TryParse("bankers", out _).ShouldBeFalse();
        RoundingPolicy.TryParse(null, out _).ShouldBeFalse();
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 5000)]
public class RoundingPolicyProperties
{
    public static TheoryData<string> Policies() => new(RoundingPolicy.All.Select(p => p.Name));

    [Property]
    public bool Rounding_IsIdempotent(ExactEuros exact) =>
        RoundingPolicy.All.All(policy =>
        {
            var once = policy.RoundToCents(exact.Value);
            return policy.RoundToCents(once.Amount) == once;
        });

    [Property]
    public bool NearestPolicies_StayWithinHalfACent(ExactEuros exact) =>
        new[] { RoundingPolicy.HalfAwayFromZero, RoundingPolicy.HalfToEven }
            .All(policy => Math.Abs(policy.RoundToCents(exact.Value).Amount - exact.Value) <= 0.005m);

    [Property]
    public bool TowardZero_NeverIncreasesTheMagnitude(ExactEuros exact)
    {
        var rounded = RoundingPolicy.TowardZero.RoundToCents(exact.Value).Amount;
        return Math.Abs(rounded) <= Math.Abs(exact.Value) && Math.Abs(exact.Value - rounded) < 0.01m;
    }

    [Property]
    public bool Halves_GoAwayFromZero(Money money)
    {
        var within = Money.FromCents(money.TotalCents / 10);
        decimal half = within.IsNegative ? -0.005m : 0.005m;
        var expected = within + (within.IsNegative ? -Money.OneCent : Money.OneCent);
        return RoundingPolicy.HalfAwayFromZero.RoundToCents(within.Amount + half) == expected;
    }

    [Property]
    public bool Rounding_IsSymmetricAroundZero(ExactEuros exact) =>
        RoundingPolicy.All.All(policy => policy.RoundToCents(-exact.Value) == -policy.RoundToCents(exact.Value));

    [Property]
    public bool WholeCents_AreLeftUnchanged(Money money) =>
        RoundingPolicy.All.All(policy => policy.RoundToCents(money.Amount) == money);
}
