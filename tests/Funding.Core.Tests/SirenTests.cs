using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Funding.Core.Tests;

public class SirenTests
{
    [Theory]
    // 200068120: Quimper Bretagne Occidentale's EPCI number; 356000000: La Poste; 732829320: a common example.
    // By hand, from the right, every second digit doubled: 2 0 0 0 6 8 1 2 0 → 0+4+1+7+6+0+0+0+2 = 20.
    [InlineData("200068120")]
    [InlineData("356000000")]
    [InlineData("732829320")]
    public void ValidSirens_PassTheLuhnCheck(string siren) => Siren.Problem(siren).ShouldBeNull();

    [Theory]
    [InlineData("200068121", "clé de contrôle")]
    [InlineData("732829302", "clé de contrôle")]
    [InlineData("20006812", "9 chiffres")]
    [InlineData("2000681200", "9 chiffres")]
    [InlineData("200 068 120", "9 chiffres")]
    [InlineData("２00068120", "9 chiffres")]
    public void OtherNumbers_AreRefused_SayingWhy(string siren, string why)
    {
        var problem = Siren.Problem(siren).ShouldNotBeNull();
        problem.Code.ShouldBe(ErrorCodes.SirenInvalid);
        problem.French.ShouldContain(why);
    }

    /// <summary>The Luhn key catches every single mistyped digit: no other digit in one place passes.</summary>
    [Property]
    public Property OneMistypedDigit_IsAlwaysCaught() =>
        Prop.ForAll(Gen.Choose(0, 99_999_999).ToArbitrary(), Gen.Choose(0, 8).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (body, position, shift) =>
        {
            string digits = body.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            char key = Enumerable.Range(0, 10).Select(d => (char)('0' + d)).First(k => Siren.IsLuhnValid(digits + k));
            string siren = digits + key;
            var chars = siren.ToCharArray();
            chars[position] = (char)('0' + ((chars[position] - '0' + shift) % 10));
            return Siren.Problem(siren) is null && Siren.Problem(new string(chars)) is not null;
        });
}
