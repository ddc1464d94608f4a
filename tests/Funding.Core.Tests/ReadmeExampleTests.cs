using Funding.Formatting;
using Funding.Plans;

namespace Funding.Core.Tests;

/// <summary>The README's short tour, kept true.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void TheShortTour_GivesTheFiguresItAnnounces()
    {
        var result = PlanEvaluator.Evaluate(SamplePlans.TerritoireIndustrieFinistere.Plan);

        result.Funder("etat").Total.ShouldBe(Money.Euros(80_000m));
        result.Funder("etat").Explanation.Sentence.Replace('\u202F', ' ').Replace('\u00A0', ' ')
            .ShouldBe("L'État finance 50 % du coût total de 207 600,00 €, soit 103 800,00 €, plafonné à 80 000,00 € (taux effectif 38,54 %).");
        result.Funder("qbo").Total.ShouldBe(Money.Euros(23_187m));
        result.Schedule.Funders[1].Payments.Select(p => p.Amount).ShouldBe([Money.Euros(8_695.13m), Money.Euros(11_593.50m), Money.Euros(2_898.37m)]);
        result.Checks.Count.ShouldBe(9);
        CappedRate.Compute(Rate.Percent(50), Money.Euros(207_600m), cap: Money.Euros(80_000m)).Amount.ShouldBe(Money.Euros(80_000m));
        FrenchWords.Amount(Money.Euros(11_593.50m)).ShouldBe("onze mille cinq cent quatre-vingt-treize euros et cinquante centimes");
    }
}
