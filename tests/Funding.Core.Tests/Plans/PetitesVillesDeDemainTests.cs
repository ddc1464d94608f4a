using Funding.Plans;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// The PVD sample, by hand (docs/plans.md): 64 000 € a year for 2025, 2026 and 2027 (192 000 €); the partners' 75 % is
/// 48 000 € a year, capped at 45 000 € (3 000 € taken off each year): 135 000 €; the commune pays 19 000 € a year,
/// 57 000 €.
/// </summary>
public class PetitesVillesDeDemainTests
{
    private static readonly PlanResult Result = PlanEvaluator.Evaluate(SamplePlans.PetitesVillesDeDemain.Plan);

    [Fact]
    public void ThePartners_Pay45000AYear_TheCommuneTheRest()
    {
        Result.TotalCost.ShouldBe(E(192_000m));
        Result.Funder("partenaires-pvd").ByBudgetYear!.Select(y => (y.Year, y.Amount)).ShouldBe([(2025, E(45_000m)), (2026, E(45_000m)), (2027, E(45_000m))]);
        Result.Funder("partenaires-pvd").Total.ShouldBe(E(135_000m));
        Result.Funder("commune").Total.ShouldBe(E(57_000m));
        Result.Schedule.Table.Rows.Single(r => r.FunderId == "commune").Amounts.ShouldBe([E(19_000m), E(19_000m), E(19_000m)]);
        Result.Funder("partenaires-pvd").Explanation.Sentence.ShouldContain("le plafond annuel retire 3\u202F000,00\u00A0€");
    }
}
