using Funding.Plans;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// A Region matching the State. Figures by hand: a post of 50 000 € a year for 2 years costs 100 000 €; the State's
/// 50 % capped at 30 000 € gives 30 000 €; the Region matches it euro for euro up to 20 000 €, so 20 000 €; the carrier
/// pays 100 000 − 30 000 − 20 000 = 50 000 €. At 50 %, the Region pays 15 000 € (under its cap) and the carrier 55 000 €.
/// </summary>
public class MatchRuleTests
{
    private static Funder Region(decimal percent, decimal? cap = null) =>
        new("region", "Région Bretagne", FunderKind.Region, new MatchRule("etat", Rate.Percent(percent)) { Cap = cap is { } c ? E(c) : null });

    [Fact]
    public void EuroForEuro_UpToItsCap()
    {
        var result = PlanEvaluator.Evaluate(Annual(50_000m, 24, [State(50, cap: 30_000m), Region(100, cap: 20_000m), Carrier()]));

        result.Funder("region").Total.ShouldBe(E(20_000m));
        result.Funder("region").Limit.ShouldBe(ContributionLimit.Cap);
        result.Funder("porteur").Total.ShouldBe(E(50_000m));
        result.Funder("region").Explanation.Sentence.ShouldBe(
            "La Région Bretagne abonde euro pour euro la participation de l'État, 30\u202F000,00\u00A0€, plafonné à 20\u202F000,00\u00A0€ (20,00\u00A0% du coût total).");
    }

    [Fact]
    public void AtHalfTheMatchedAmount_BelowItsCap()
    {
        var result = PlanEvaluator.Evaluate(Annual(50_000m, 24, [State(50, cap: 30_000m), Region(50, cap: 20_000m), Carrier()]));

        result.Funder("region").Total.ShouldBe(E(15_000m));
        result.Funder("region").Limit.ShouldBe(ContributionLimit.None);
        result.Funder("porteur").Total.ShouldBe(E(55_000m));
    }

    [Fact]
    public void NeverMoreThanWhatIsLeft()
    {
        // 10 000 € of cost: the State pays 5 000 €, the Region could match 5 000 € and does; nothing is left for the carrier.
        var result = PlanEvaluator.Evaluate(Annual(5_000m, 24, [State(50), Region(100), FixedTotal("ville", 2_000m), Carrier()]));

        result.Funder("region").Total.ShouldBe(E(5_000m));
        result.OverFunding.ShouldBe(E(2_000m));
    }

    [Theory]
    [InlineData("region", "est listé après (ou est)")]
    [InlineData("porteur", "est listé après")]
    [InlineData("nobody", "n'est pas un financeur du plan")]
    public void AMatchFollowsAFunderListedBeforeIt(string matched, string reason)
    {
        var plan = Annual(50_000m, 24, [State(50), new Funder("region", "Région", FunderKind.Region, new MatchRule(matched, Rate.Percent(100))), Carrier()]);

        var error = PlanValidator.Validate(plan).ShouldHaveSingleItem();

        error.Path.ShouldBe("funders[1].rule.funderId");
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void AMatchOfTheRemainderOrAGroup_IsRefused()
    {
        var plan = Annual(50_000m, 24, [Carrier(), new Funder("region", "Région", FunderKind.Region, new MatchRule("porteur", Rate.Percent(100)))]);

        PlanValidator.Validate(plan).ShouldHaveSingleItem().Message.ShouldContain("paie le reste");
    }
}
