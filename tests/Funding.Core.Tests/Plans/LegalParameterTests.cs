using Funding.Plans;
using Funding.Schedules;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

public class LegalParameterTests
{
    private static CheckResult Check(Plan plan, string id) => PlanEvaluator.Evaluate(plan).Checks.Single(c => c.Id == id);

    private static Plan SeedStartingOn(LocalDate start, Money? alreadyReceived = null) => Seed with
    {
        Cost = new AnnualCost(((AnnualCost)Seed.Cost).AnnualAmount, new FundingPeriod(start, 24)),
        Options = Seed.Options with { DeMinimisAlreadyReceived = alreadyReceived },
    };

    [Theory]
    [InlineData(2023, 12, 31, 200_000)] // Regulation (EU) 1407/2013, until 31 December 2023
    [InlineData(2024, 1, 1, 300_000)]   // Regulation (EU) 2023/2831, since 1 January 2024
    [InlineData(2013, 12, 31, 200_000)] // Regulation (EC) 1998/2006
    public void TheDeMinimisCeiling_IsTheOneInForceOnTheDay(int year, int month, int day, decimal ceiling) =>
        LegalParameters.DeMinimisCeiling.On(new LocalDate(year, month, day))!.Value.ShouldBe(E(ceiling));

    [Fact]
    public void BeforeAnyKnownValue_ThereIsNone()
    {
        LegalParameters.DeMinimisCeiling.On(new LocalDate(2006, 12, 31)).ShouldBeNull();
        LegalParameters.AdvanceCeiling.On(new LocalDate(2018, 9, 30)).ShouldBeNull();
        LegalParameters.AdvanceCeiling.On(new LocalDate(2018, 10, 1))!.Value.Plain.ShouldBe(Rate.Percent(30));
    }

    [Fact]
    public void DeMinimis_ForTheSeedWithoutPriorAid_AsksForIt()
    {
        // By hand: public aid to UIMM Finistère = 207 600 − 52 206,50 (its own share) = 155 393,50 €; start 1 April 2022,
        // so the ceiling is 200 000 € (Regulation 1407/2013).
        var check = Check(Seed, PlanChecks.Ids.DeMinimis);

        check.Outcome.ShouldBe(CheckOutcome.Warning);
        check.Message.ShouldBe("De minimis : UIMM Finistère reçoit 155\u202F393,50\u00A0€ d'aides publiques dans ce plan ; indiquez dans les options du plan les aides de minimis déjà reçues " +
            "pour vérifier le plafond de 200\u202F000,00\u00A0€, si ces aides relèvent de ce régime.");
        check.Source.ShouldBe("Règlement (UE) n° 1407/2013 de la Commission du 18 décembre 2013 : 200 000 € sur trois exercices fiscaux, valeur en vigueur au 1er avril 2022");
    }

    [Fact]
    public void DeMinimis_AddsThePriorAid_AndComparesWithTheCeilingInForce()
    {
        // 40 000 + 155 393,50 = 195 393,50 ≤ 200 000: passed. 50 000 + 155 393,50 = 205 393,50: 5 393,50 € over.
        Check(SeedStartingOn(new LocalDate(2022, 4, 1), E(40_000m)), PlanChecks.Ids.DeMinimis).Outcome.ShouldBe(CheckOutcome.Passed);
        var over = Check(SeedStartingOn(new LocalDate(2022, 4, 1), E(50_000m)), PlanChecks.Ids.DeMinimis);
        over.Outcome.ShouldBe(CheckOutcome.Failed);
        over.Message.ShouldBe("De minimis dépassé de 5\u202F393,50\u00A0€ pour UIMM Finistère : 50\u202F000,00\u00A0€ déjà reçus + 155\u202F393,50\u00A0€ dans ce plan = 205\u202F393,50\u00A0€, pour un plafond de 200\u202F000,00\u00A0€.");

        // The same plan from 2024: the ceiling in force is 300 000 €.
        var later = Check(SeedStartingOn(new LocalDate(2024, 4, 1), E(50_000m)), PlanChecks.Ids.DeMinimis);
        later.Outcome.ShouldBe(CheckOutcome.Passed);
        later.Source.ShouldStartWith("Règlement (UE) 2023/2831");
    }

    [Fact]
    public void DeMinimis_DoesNotConcernAPublicCarrier()
    {
        var plan = Annual(100_000m, 12, [State(50), Carrier(kind: FunderKind.Epci)], new LocalDate(2025, 1, 1));
        Check(plan, PlanChecks.Ids.DeMinimis).Outcome.ShouldBe(CheckOutcome.NotApplicable);
    }

    [Fact]
    public void TheAdvanceCeiling_AppliesFromTheDecreesEntryIntoForce()
    {
        Plan WithAdvance(LocalDate start) => Annual(100_000m, 12, [State(50).WithPayment(new AdvanceAndBalancePayment(Rate.Percent(40))), Carrier()], start);

        var before = Check(WithAdvance(new LocalDate(2018, 9, 1)), PlanChecks.Ids.AdvanceCeiling);
        before.Outcome.ShouldBe(CheckOutcome.NotApplicable);
        before.Message.ShouldContain("1er octobre 2018");

        var after = Check(WithAdvance(new LocalDate(2018, 10, 1)), PlanChecks.Ids.AdvanceCeiling);
        after.Outcome.ShouldBe(CheckOutcome.Failed);
        after.Message.ShouldBe("Avance au-delà du plafond : État 40\u00A0% pour un maximum de 30\u00A0%.");
        after.Source.ShouldEndWith("valeur en vigueur au 1er octobre 2018");
    }

    [Fact]
    public void AThresholdStatedByThePlan_WinsAndSaysSo()
    {
        var plan = Seed with { Options = Seed.Options with { WrittenAgreementThreshold = E(100_000m) } };
        var check = Check(plan, PlanChecks.Ids.WrittenAgreement);
        check.Outcome.ShouldBe(CheckOutcome.Passed);
        check.Source.ShouldBe("Seuil fixé par le plan (option writtenAgreementThreshold)");
    }
}
