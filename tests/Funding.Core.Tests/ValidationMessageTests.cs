using Funding.Plans;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests;

/// <summary>A library caller gets the API's codes and sentences: French by default, English on request.</summary>
public class ValidationMessageTests
{
    [Fact]
    public void ANegativeCap_HasItsCode_AndBothLanguages()
    {
        var funders = Seed.Funders.ToArray();
        funders[0] = funders[0] with { Rule = funders[0].Rule with { Cap = Money.Euros(-5m) } };

        var error = PlanValidator.Validate(Seed with { Funders = funders }).ShouldHaveSingleItem();

        error.Path.ShouldBe("funders[0].rule.cap");
        error.Code.ShouldBe(ErrorCodes.AmountNegative);
        error.Message.Replace('\u00A0', ' ').ShouldBe("Le plafond vaut -5,00 € : un montant négatif n'est pas admis (zéro ou plus).");
        error.Problem.In(MessageLanguage.English).ShouldBe("The cap, -5.00 €, is negative: it must be zero or positive.");
    }

    [Fact]
    public void TwoFundersWithOneId_IsADuplicate_NamingTheOther()
    {
        var funders = Seed.Funders.ToArray();
        funders[1] = funders[1] with { Id = funders[0].Id };

        var error = PlanValidator.Validate(Seed with { Funders = funders }).ShouldHaveSingleItem();

        error.Code.ShouldBe(ErrorCodes.IdDuplicate);
        error.Message.ShouldBe($"L'identifiant « {funders[0].Id} » est déjà pris (par funders[0]) : chaque identifiant est unique.");
    }

    [Fact]
    public void EveryCode_IsUnique()
    {
        ErrorCodes.All.Count.ShouldBeGreaterThan(40);
        ErrorCodes.All.Distinct(StringComparer.Ordinal).Count().ShouldBe(ErrorCodes.All.Count);
    }
}
