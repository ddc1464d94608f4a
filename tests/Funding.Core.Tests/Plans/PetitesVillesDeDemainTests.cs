using Funding.Plans;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// The PVD samples, by hand (docs/plans.md). Without ANAH: 64 000 € a year for 2025, 2026 and 2027 (192 000 €); each
/// partner's 25 % is 16 000 € a year, together 48 000 €; their shared ceiling is the smaller of 75 % × 64 000 = 48 000 €
/// and 45 000 €, shared pro rata: 15 000 € each a year (1 000 € taken off each), 45 000 € each over the period; the
/// commune pays 19 000 € a year, 57 000 €.
/// </summary>
public class PetitesVillesDeDemainTests
{
    private static readonly PlanResult Result = PlanEvaluator.Evaluate(SamplePlans.PetitesVillesDeDemain.Plan);
    private static readonly PlanResult WithAnah = PlanEvaluator.Evaluate(SamplePlans.PetitesVillesDeDemainAnah.Plan);

    [Fact]
    public void ThePartners_Share45000AYear_TheCommunePaysTheRest()
    {
        Result.TotalCost.ShouldBe(E(192_000m));
        foreach (var id in new[] { "anct", "banque-des-territoires", "etat" })
        {
            Result.Funder(id).ContributionByBudgetYear.Select(y => (y.Year, y.Amount)).ShouldBe([(2025, E(15_000m)), (2026, E(15_000m)), (2027, E(15_000m))]);
            Result.Funder(id).Total.ShouldBe(E(45_000m));
            Result.Funder(id).Limit.ShouldBe(ContributionLimit.SharedCeiling);
            Result.Funder(id).Explanation.Sentence.ShouldContain("le plafond commun « partenaires PVD » retire 1\u202F000,00\u00A0€ en 2025, 1\u202F000,00\u00A0€ en 2026, 1\u202F000,00\u00A0€ en 2027");
        }
        Result.Funder("commune").Total.ShouldBe(E(57_000m));
        Result.Schedule.Table.Rows.Single(r => r.FunderId == "commune").Amounts.ShouldBe([E(19_000m), E(19_000m), E(19_000m)]);
        var ceiling = Result.SharedCeilings.ShouldHaveSingleItem();
        (ceiling.Ceiling, ceiling.Before, ceiling.After, ceiling.TookOff).ShouldBe((E(135_000m), E(144_000m), E(135_000m), E(9_000m)));
        ceiling.ByBudgetYear.Select(y => y.Ceiling).ShouldBe([E(45_000m), E(45_000m), E(45_000m)]);
        ceiling.Explanation.Sentence.ShouldContain("plafond 45\u202F000,00\u00A0€ (le plus petit de 75\u00A0% de 64\u202F000,00\u00A0€ = 48\u202F000,00\u00A0€ et de 45\u202F000,00\u00A0€)");
    }

    [Fact]
    public void WithAnah_ThePartnersShare55000AYear_ProRata()
    {
        // 80 000 € a year: ANAH 50 % = 40 000 € (at its own cap, nothing taken off); ANCT, Banque des Territoires and the
        // State 10 % = 8 000 € each; together 64 000 €, above the ceiling min(75 % × 80 000 = 60 000, 55 000) = 55 000 €.
        // Pro rata: ANAH 55 000 × 40/64 = 34 375 €, each other 55 000 × 8/64 = 6 875 €; the commune 25 000 € a year.
        WithAnah.TotalCost.ShouldBe(E(240_000m));
        WithAnah.Funder("anah").ContributionByBudgetYear.Select(y => y.Amount).ShouldBe([E(34_375m), E(34_375m), E(34_375m)]);
        WithAnah.Funder("anah").Total.ShouldBe(E(103_125m));
        foreach (var id in new[] { "anct", "banque-des-territoires", "etat" })
        {
            WithAnah.Funder(id).Total.ShouldBe(E(20_625m));
        }
        WithAnah.Funder("commune").ContributionByBudgetYear.Select(y => y.Amount).ShouldBe([E(25_000m), E(25_000m), E(25_000m)]);
        WithAnah.Funder("commune").Total.ShouldBe(E(75_000m));
        // The payments follow the capped amounts, year by year.
        WithAnah.Schedule.Funders.Single(f => f.FunderId == "anah").Payments.Select(p => p.Amount).ShouldBe([E(34_375m), E(34_375m), E(34_375m)]);
    }

    [Fact]
    public void InWaterfallOrder_TheFirstFundersKeepTheirShare()
    {
        // The same plan shared in waterfall order: ANAH keeps 40 000 €, ANCT 8 000 €, Banque des Territoires gets the last
        // 7 000 € of the 55 000 € and the State nothing.
        var plan = SamplePlans.PetitesVillesDeDemainAnah.Plan;
        var waterfall = PlanEvaluator.Evaluate(plan with { SharedCeilings = [plan.SharedCeilings[0] with { Sharing = CeilingSharing.Waterfall }] });
        new[] { "anah", "anct", "banque-des-territoires", "etat", "commune" }.Select(id => waterfall.Funder(id).ContributionByBudgetYear[0].Amount)
            .ShouldBe([E(40_000m), E(8_000m), E(7_000m), E(0m), E(25_000m)]);
    }

    [Fact]
    public void OverThePeriod_TheCeilingBoundsTheTotal_AndEachFunderKeepsItsYearsProportions()
    {
        // The same ceiling over the period: 55 000 € in all, against 192 000 € of partners' amounts (64 000 € × 3).
        // Pro rata: ANAH 55 000 × 120 000 / 192 000 = 34 375 €, each other 55 000 × 24 000 / 192 000 = 6 875 €.
        var plan = SamplePlans.PetitesVillesDeDemainAnah.Plan;
        var period = PlanEvaluator.Evaluate(plan with { SharedCeilings = [plan.SharedCeilings[0] with { Scope = CapScope.Period }] });
        period.Funder("anah").Total.ShouldBe(E(34_375m));
        period.Funder("etat").Total.ShouldBe(E(6_875m));
        period.Funder("commune").Total.ShouldBe(E(240_000m - 55_000m));
        period.SharedCeilings[0].Explanation.Sentence.ShouldContain("sur la période");
    }

    [Fact]
    public void ACeilingBetweenFundersThatAreNotConsecutive_IsRefused()
    {
        var plan = SamplePlans.PetitesVillesDeDemainAnah.Plan;
        var broken = plan with { SharedCeilings = [plan.SharedCeilings[0] with { FunderIds = ["anah", "etat"] }] };
        var error = PlanValidator.Validate(broken).ShouldHaveSingleItem();
        error.Path.ShouldBe("sharedCeilings[0].funderIds");
        error.Code.ShouldBe(ErrorCodes.SharedCeilingInvalid);
        PlanValidator.Validate(plan with { SharedCeilings = [plan.SharedCeilings[0] with { FunderIds = ["anah", "commune"] }] })
            .ShouldContain(e => e.Path == "sharedCeilings[0].funderIds[1]" && e.Code == ErrorCodes.SharedCeilingInvalid);
    }
}
