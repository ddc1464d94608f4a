using Funding.Allocation;

namespace Funding.Core.Tests.Allocation;

/// <summary>The weight bounds of the fast split: checked on the exact integers, and the culprit still named.</summary>
public class LargestRemainderBoundsTests
{
    [Theory]
    [InlineData("-1", 1)]
    [InlineData("-0.001", 2)]
    [InlineData("1000000000000000.01", 1)]
    [InlineData("1000000000000001", 2)]
    [InlineData("79228162514264337593543950335", 0)]
    public void AWeightOutsideItsBounds_IsRefused_Naming_Its_Index(string weight, int index)
    {
        decimal[] weights = [1m, 2m, 3m];
        weights[index] = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);
        Should.Throw<ArgumentOutOfRangeException>(() => LargestRemainder.Split(Money.Euros(100m), weights))
            .Message.ShouldContain($"Weight #{index} is");
    }

    [Fact]
    public void TheLargestWeight_AndNegativeZero_AreAccepted()
    {
        // -0 is zero, and 10^15 (with or without decimals written) is the largest weight allowed.
        LargestRemainder.Split(Money.FromCents(3), [FundingLimits.MaxWeight, 1_000_000_000_000_000.00m, -0m])
            .ShouldBe([Money.FromCents(2), Money.FromCents(1), Money.Zero]);
    }
}
