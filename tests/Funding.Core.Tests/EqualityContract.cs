namespace Funding.Core.Tests;

/// <summary>Checks the equality contract of a value type in one place (after NodaTime's TestHelper).</summary>
public static class EqualityContract
{
    public static void Holds<T>(T value, T equalValue, T otherValue)
        where T : struct, IEquatable<T>, IComparable<T>
    {
        value.Equals(equalValue).ShouldBeTrue();
        value.Equals(otherValue).ShouldBeFalse();
        value.Equals((object)equalValue).ShouldBeTrue();
        value.Equals((object?)null).ShouldBeFalse();
        value.Equals("not a value").ShouldBeFalse();
        value.GetHashCode().ShouldBe(equalValue.GetHashCode());
        value.CompareTo(equalValue).ShouldBe(0);
        Math.Sign(value.CompareTo(otherValue)).ShouldBe(-Math.Sign(otherValue.CompareTo(value)));
        value.CompareTo(otherValue).ShouldNotBe(0);
    }
}
