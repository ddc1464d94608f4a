using Funding.Allocation;
using Funding.Plans;
using Funding.Schedules;
using NodaTime;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

public class SeedPlanTests
{
    private static readonly PlanResult Result = PlanEvaluator.Evaluate(Seed);

    [Fact]
    public void TotalCost_Is103800PerYearForTwoYears()
    {
        Result.TotalCost.ShouldBe(E(207_600m));
        Result.CostExplanation.Sentence.ShouldBe("Coût total : 103\u202F800,00\u00A0€ par an × 2 ans = 207\u202F600,00\u00A0€.");
        Result.CostByBudgetYear.Select(c => (c.Year, c.Amount)).ShouldBe([(2022, E(77_850m)), (2023, E(103_800m)), (2024, E(25_950m))]);
    }

    [Fact]
    public void State_PaysItsCap_At38Point54PercentEffective()
    {
        var state = Result.Funder("etat");
        state.Total.ShouldBe(E(80_000m));
        state.Limit.ShouldBe(ContributionLimit.Cap);
        Funding.Formatting.FrenchFormat.Rate(state.EffectiveRate).ShouldBe("38,54\u00A0%");
        state.Explanation.Sentence.ShouldBe(
            "L'État finance 50\u00A0% du coût total de 207\u202F600,00\u00A0€, soit 103\u202F800,00\u00A0€, plafonné à 80\u202F000,00\u00A0€ (taux effectif 38,54\u00A0%).");
        state.Explanation.Terms.Single(t => t.Name == "exact").Value.ShouldBe(103_800m);
        state.Explanation.Terms.Single(t => t.Name == "cap").Value.ShouldBe(80_000m);
    }

    [Fact]
    public void Qbo_Pays23187_Or11Point17PercentOfTheCost()
    {
        var qbo = Result.Funder("qbo");
        qbo.Total.ShouldBe(E(23_187m));
        Funding.Formatting.FrenchFormat.Rate(qbo.ShareOfCost).ShouldBe("11,17\u00A0%");
        qbo.Explanation.Sentence.ShouldBe(
            "Quimper Bretagne Occidentale verse 11\u202F593,50\u00A0€ par an pendant 2 ans, soit 23\u202F187,00\u00A0€ (11,17\u00A0% du coût total).");
    }

    [Fact]
    public void LeftAfterStateAndQbo_Is104413()
    {
        var group = Result.Groups.Single();
        group.Explanation.Terms.Single(t => t.Name == "leftToFund").Value.ShouldBe(104_413m);
        group.Pool.ShouldBe(E(52_206.50m));
        group.Explanation.Sentence.ShouldStartWith(
            "Les membres du groupe « Autres EPCI du Finistère » se partagent 50\u00A0% du reste à financer de 104\u202F413,00\u00A0€, soit 52\u202F206,50\u00A0€, selon la clé population");
    }

    [Fact]
    public void OtherEpcis_SplitTheirPoolByPopulation_ExactlyToTheCent()
    {
        var members = Result.Funders.Where(f => f.GroupId == "autres-epci").ToList();
        members.Count.ShouldBe(9);
        members.Sum(m => m.Total).ShouldBe(E(52_206.50m));
        var brest = Result.Funder("brest-metropole");
        // 52 206,50 € × 213 403 / 469 950 = 23 706,8255… €
        Math.Abs(brest.Total.Amount - 52_206.50m * 213_403m / 469_950m).ShouldBeLessThan(0.01m);
        brest.Explanation.Sentence.ShouldContain("de la clé population");
    }

    [Fact]
    public void ContributionsByBudgetYear_AreDerivedByHand()
    {
        // docs/plans.md, « Contribution et versement » : the cost by year is 77 850 / 103 800 / 25 950 € (9, 12, 3 months).
        // The State's 80 000 € funds each year in proportion to its cost: 30 000 / 40 000 / 10 000 €, though paid once.
        Years(Result.Funder("etat")).ShouldBe([E(30_000m), E(40_000m), E(10_000m)]);
        // QBO's 23 187 € in proportion to what is left, 47 850 / 63 800 / 15 950 € (9:12:3): 8 695,125 / 11 593,50 /
        // 2 898,375 €; one cent to the tied larger remainder of the larger year.
        Years(Result.Funder("qbo")).ShouldBe([E(8_695.13m), E(11_593.50m), E(2_898.37m)]);
        // Left: 39 154,87 / 52 206,50 / 13 051,63 €. The group's half: 19 577,435 / 26 103,25 / 6 525,815 €, the tied cent
        // to 2022; the carrier the rest of each year.
        var group = Result.Funders.Where(f => f.GroupId == "autres-epci").ToArray();
        Enumerable.Range(0, 3).Select(k => group.Sum(m => m.ContributionByBudgetYear[k].Amount)).ShouldBe([E(19_577.44m), E(26_103.25m), E(6_525.81m)]);
        Years(Result.Funder("uimm-finistere")).ShouldBe([E(19_577.43m), E(26_103.25m), E(6_525.82m)]);
        Result.BudgetYears.Select(b => (b.Year, b.Cost, b.Contributions, b.OverFunding, b.Unfunded)).ShouldBe(
            [(2022, E(77_850m), E(77_850m), Money.Zero, Money.Zero), (2023, E(103_800m), E(103_800m), Money.Zero, Money.Zero), (2024, E(25_950m), E(25_950m), Money.Zero, Money.Zero)]);
        // The payment view differs: the State pays its 80 000 € in 2022; the carrier pays each year what it contributes.
        Result.Schedule.Table.Rows.Single(r => r.FunderId == "etat").Amounts.ShouldBe([E(80_000m), Money.Zero, Money.Zero]);
        Result.Schedule.Table.Rows.Single(r => r.FunderId == "uimm-finistere").Amounts.ShouldBe([E(19_577.43m), E(26_103.25m), E(6_525.82m)]);

        static Money[] Years(FunderResult f) => f.ContributionByBudgetYear.Select(y => y.Amount).ToArray();
    }

    [Fact]
    public void AYearThatCostsNothing_AsksNothingOfTheCarrier()
    {
        // Issue #12: a cost of 51 900 / 0 / 104 000,33 €; QBO 11 593,50 € a year over the 36 months (34 780,50 €) funds
        // the years in proportion to their cost, and the carrier pays each year's rest: nothing in 2023.
        var plan = new Plan("Coût par exercice", new PerBudgetYearCost([new BudgetYearAmount(2022, E(51_900m)), new BudgetYearAmount(2023, Money.Zero), new BudgetYearAmount(2024, E(104_000.33m))]),
        [
            new Funder("qbo", "QBO", FunderKind.Epci, new FixedAnnualRule(E(11_593.50m))) { Payment = new PerBudgetYearPayment() },
            new Funder("porteur", "Porteur", FunderKind.Private, new RemainderRule()) { Payment = new PerBudgetYearPayment() },
        ]);
        var result = PlanEvaluator.Evaluate(plan);

        // 34 780,50 × 51 900 / 155 900,33 = 11 578,602 5… € and × 104 000,33 / 155 900,33 = 23 201,897 5… €: in cents
        // 1 157 860 and 2 320 189 rounded down, 1 cent short, given to the larger remainder (0,75 of 2024): 11 578,60 /
        // 23 201,90 €. The carrier: 51 900 − 11 578,60 = 40 321,40 € and 104 000,33 − 23 201,90 = 80 798,43 €.
        result.Funder("qbo").ContributionByBudgetYear.Select(y => y.Amount).ShouldBe([E(11_578.60m), Money.Zero, E(23_201.90m)]);
        result.Funder("porteur").ContributionByBudgetYear.Select(y => y.Amount).ShouldBe([E(40_321.40m), Money.Zero, E(80_798.43m)]);
        result.Schedule.Funders.Single(f => f.FunderId == "porteur").Payments.Select(p => p.BudgetYear).ShouldBe([2022, 2024]);
        // QBO's annuities still follow the months it promised: paying is not contributing.
        result.Schedule.Funders.Single(f => f.FunderId == "qbo").Payments.Select(p => p.Amount).ShouldBe([E(11_593.50m), E(11_593.50m), E(11_593.50m)]);
    }

    [Fact]
    public void Carrier_PaysTheRemainder_AndClosesThePlanToTheCent()
    {
        var uimm = Result.Funder("uimm-finistere");
        uimm.Total.ShouldBe(E(52_206.50m));
        uimm.IsCarrier.ShouldBeTrue();
        uimm.Explanation.Sentence.ShouldBe(
            "UIMM Finistère, porteur du projet, prend en charge le reste à financer de chaque exercice (2022 : 77\u202F850,00\u00A0€ − 58\u202F272,57\u00A0€ = 19\u202F577,43\u00A0€ ; " +
            "2023 : 103\u202F800,00\u00A0€ − 77\u202F696,75\u00A0€ = 26\u202F103,25\u00A0€ ; 2024 : 25\u202F950,00\u00A0€ − 19\u202F424,18\u00A0€ = 6\u202F525,82\u00A0€), " +
            "soit 52\u202F206,50\u00A0€ (25,15\u00A0% du coût total).");
        Result.TotalFunded.ShouldBe(Result.TotalCost);
        Result.Funders.Sum(f => f.Total).ShouldBe(E(207_600m));
        Result.Unfunded.ShouldBe(Money.Zero);
        Result.OverFunding.ShouldBe(Money.Zero);
        Result.PublicFunding.ShouldBe(E(155_393.50m));
        Result.CarrierShare.ShouldBe(E(52_206.50m));
    }

    [Fact]
    public void Checks_PassExceptTheWrittenAgreementReminderForTheState()
    {
        var outcomes = Result.Checks.ToDictionary(c => c.Id, c => c.Outcome);
        outcomes[PlanChecks.Ids.NoOverFunding].ShouldBe(CheckOutcome.Passed);
        outcomes[PlanChecks.Ids.FullyFunded].ShouldBe(CheckOutcome.Passed);
        outcomes[PlanChecks.Ids.CapsRespected].ShouldBe(CheckOutcome.Passed);
        outcomes[PlanChecks.Ids.PublicAidCeiling].ShouldBe(CheckOutcome.Passed);
        outcomes[PlanChecks.Ids.LocalAuthorityOwnShare].ShouldBe(CheckOutcome.NotApplicable);
        outcomes[PlanChecks.Ids.WrittenAgreement].ShouldBe(CheckOutcome.Warning);
        Result.Checks.Single(c => c.Id == PlanChecks.Ids.WrittenAgreement).Message.ShouldContain("État (80\u202F000,00\u00A0€ en 2022)");
        Result.Checks.ShouldAllBe(c => c.Source.Length > 10 && c.Message.Length > 10);
        Result.CalculationVersion.ShouldBe(CalculationVersion.Current);
    }
}

public class WaterfallTests
{
    [Fact]
    public void StateOn160000EligibleBase_JustReachesItsCap()
    {
        var result = PlanEvaluator.Evaluate(Annual(103_800m, 24, [State(50, cap: 80_000m, eligibleBase: 160_000m), Carrier()]));
        var state = result.Funder("etat");

        state.Total.ShouldBe(E(80_000m));
        state.Limit.ShouldBe(ContributionLimit.None);
        state.EffectiveRate.ShouldBe(Rate.Percent(50));
        Funding.Formatting.FrenchFormat.Rate(state.ShareOfCost).ShouldBe("38,54\u00A0%");
        state.Explanation.Sentence.ShouldBe(
            "L'État finance 50\u00A0% de la dépense éligible de 160\u202F000,00\u00A0€, soit 80\u202F000,00\u00A0€, ce qui atteint exactement son plafond de 80\u202F000,00\u00A0€.");
    }

    [Fact]
    public void RoundedRate_SaysItWasRounded_AndThePlanSaysHowOnce()
    {
        var result = PlanEvaluator.Evaluate(Annual(1_000.01m, 12, [State(50), Carrier()]));
        var state = result.Funder("etat");

        state.Total.ShouldBe(E(500.01m)); // 500,005 rounded half away from zero
        state.Explanation.Sentence.ShouldContain("500,005\u00A0€, arrondi à 500,01\u00A0€");
        // The rule is said once, for the plan, not in every sentence.
        state.Explanation.Sentence.ShouldNotContain("centime le plus proche");
        result.Plan.Options.Rounding.Sentence.ShouldBe("Règle d'arrondi du plan (half-away-from-zero) : arrondi au centime le plus proche, le demi-centime étant arrondi au centime supérieur.");
    }

    [Fact]
    public void Floor_RaisesARateContribution()
    {
        var result = PlanEvaluator.Evaluate(Annual(10_000m, 12, [State(10, floor: 2_000m), Carrier()]));
        result.Funder("etat").Total.ShouldBe(E(2_000m));
        result.Funder("etat").Limit.ShouldBe(ContributionLimit.Floor);
    }

    [Fact]
    public void ComputedContribution_IsLimitedToWhatIsLeftToFund_AndSaysSo()
    {
        var result = PlanEvaluator.Evaluate(Annual(10_000m, 12, [FixedTotal("dept", 7_000m), State(50), Carrier()]));
        var state = result.Funder("etat");

        state.Total.ShouldBe(E(3_000m));
        state.Limit.ShouldBe(ContributionLimit.LeftToFund);
        state.Explanation.Sentence.ShouldContain("limité au reste à financer de 3\u202F000,00\u00A0€");
        result.Funder("porteur").Total.ShouldBe(Money.Zero);
    }

    [Fact]
    public void PromisedAmountsAboveTheCost_AreKept_AndTheOverFundingIsReported()
    {
        var result = PlanEvaluator.Evaluate(Annual(10_000m, 12, [FixedTotal("a", 7_000m), FixedAnnual("b", 5_000m), State(50), Carrier()]));

        result.Funder("a").Total.ShouldBe(E(7_000m));
        result.Funder("b").Total.ShouldBe(E(5_000m));
        result.Funder("etat").Total.ShouldBe(Money.Zero);
        result.Funder("porteur").Total.ShouldBe(Money.Zero);
        result.OverFunding.ShouldBe(E(2_000m));
        var check = result.Checks.Single(c => c.Id == PlanChecks.Ids.NoOverFunding);
        check.Outcome.ShouldBe(CheckOutcome.Failed);
        check.Message.ShouldBe("Le plan est surfinancé de 2\u202F000,00\u00A0€ : les montants promis (12\u202F000,00\u00A0€) dépassent le coût total (10\u202F000,00\u00A0€).");
        // It used to pass "fully funded" at the same time: an over-funded plan is not balanced either.
        var balanced = result.Checks.Single(c => c.Id == PlanChecks.Ids.FullyFunded);
        balanced.Outcome.ShouldBe(CheckOutcome.Failed);
        balanced.Message.ShouldBe("Le plan n'est pas équilibré : les financements (12\u202F000,00\u00A0€) dépassent le coût total (10\u202F000,00\u00A0€) de 2\u202F000,00\u00A0€.");
    }

    [Fact]
    public void AGroupWhoseCapsCannotAbsorbItsPool_ReportsThePool_TheAllocatedAndTheUnallocatedPart()
    {
        // A fixed pool of 1 000 €; two members capped at 100 € and 200 €: 300 € allocated, 700 € left to the next rules.
        var result = PlanEvaluator.Evaluate(Annual(10_000m, 12, [Group("g", new FixedPool(E(1_000m)), ("m1", 1m, 100m), ("m2", 1m, 200m)), Carrier()]));

        var group = result.Groups.Single();
        group.Pool.ShouldBe(E(1_000m));
        group.Allocated.ShouldBe(E(300m));
        group.Unallocated.ShouldBe(E(700m));
        group.Explanation.Sentence.ShouldContain("se partagent 1\u202F000,00\u00A0€");
        result.Funder("porteur").Total.ShouldBe(E(9_700m));
    }

    [Fact]
    public void WithoutARemainderFunder_TheGapIsReported()
    {
        var result = PlanEvaluator.Evaluate(Annual(10_000m, 12, [State(50)]));

        result.Unfunded.ShouldBe(E(5_000m));
        result.CarrierId.ShouldBeNull();
        result.Checks.Single(c => c.Id == PlanChecks.Ids.FullyFunded).Outcome.ShouldBe(CheckOutcome.Failed);
    }

    [Fact]
    public void Remainder_IsComputedLast_WhereverItStands()
    {
        var first = PlanEvaluator.Evaluate(Annual(10_000m, 12, [Carrier(), State(50), FixedTotal("a", 1_000m)]));

        first.Funder("porteur").Total.ShouldBe(E(4_000m));
        first.Funders[0].Id.ShouldBe("porteur");
    }

    [Fact]
    public void CappedRemainder_LeavesAGap()
    {
        var result = PlanEvaluator.Evaluate(Annual(10_000m, 12, [State(50), Carrier(cap: 1_000m)]));

        result.Funder("porteur").Total.ShouldBe(E(1_000m));
        result.Unfunded.ShouldBe(E(4_000m));
        result.Funder("porteur").Explanation.Sentence.ShouldContain("4\u202F000,00\u00A0€ restent non financés");
    }

    [Fact]
    public void FixedAnnualOverAPartialYear_IsProratedByMonths()
    {
        var result = PlanEvaluator.Evaluate(Annual(103_800m, 30, [FixedAnnual("qbo", 11_593.50m), Carrier()]));

        result.TotalCost.ShouldBe(E(259_500m));
        result.Funder("qbo").Total.ShouldBe(E(28_983.75m));
        result.Funder("qbo").Explanation.Sentence.ShouldContain("11\u202F593,50\u00A0€ × 30 / 12 = 28\u202F983,75\u00A0€");
    }

    [Fact]
    public void FixedAmountAboveItsCap_IsKept_AndTheCapsCheckFails()
    {
        var result = PlanEvaluator.Evaluate(Annual(103_800m, 24, [FixedAnnual("qbo", 11_593.50m, cap: 20_000m), Carrier()]));

        result.Funder("qbo").Total.ShouldBe(E(23_187m));
        result.Funder("qbo").Limit.ShouldBe(ContributionLimit.AboveCap);
        var check = result.Checks.Single(c => c.Id == PlanChecks.Ids.CapsRespected);
        check.Outcome.ShouldBe(CheckOutcome.Failed);
        check.Message.ShouldContain("QBO (23\u202F187,00\u00A0€ promis pour un plafond de 20\u202F000,00\u00A0€)");
    }

    [Fact]
    public void KeyShareMembersAtTheirCaps_LeaveTheRestToTheNextRules()
    {
        var plan = Annual(10_000m, 12,
        [
            Group("epci", new FixedPool(E(6_000m)), ("a", 1m, 1_000m), ("b", 1m, 2_000m)),
            Carrier(),
        ]);
        var result = PlanEvaluator.Evaluate(plan);

        result.Funder("a").Total.ShouldBe(E(1_000m));
        result.Funder("b").Total.ShouldBe(E(2_000m));
        result.Groups.Single().Unallocated.ShouldBe(E(3_000m));
        result.Funder("porteur").Total.ShouldBe(E(7_000m));
        result.Groups.Single().Explanation.Sentence.ShouldContain("3\u202F000,00\u00A0€ n'ont pu être répartis");
    }

    [Fact]
    public void KeyShareFloors_AboveThePool_AreAnErrorNamingTheMembers()
    {
        var plan = Annual(10_000m, 12,
        [
            new Funder("epci", "EPCI", FunderKind.Epci, new KeyShareRule(new FixedPool(E(100m)), AllocationKey.EqualParts,
                [new KeyShareMember("a", "A", FunderKind.Epci) { Floor = E(80m) }, new KeyShareMember("b", "B", FunderKind.Epci) { Floor = E(80m) }])),
        ]);
        var ex = Should.Throw<FundingValidationException>(() => PlanEvaluator.Evaluate(plan));
        ex.Errors.Single().Path.ShouldBe("funders[0].rule.members");
    }

    [Fact]
    public void LocalAuthorityCarrier_MustFundTwentyPercentOfThePublicFunding()
    {
        var passes = PlanEvaluator.Evaluate(Annual(100_000m, 12, [State(60), Carrier("commune", FunderKind.Municipality)]));
        var fails = PlanEvaluator.Evaluate(Annual(100_000m, 12, [State(85), Carrier("commune", FunderKind.Municipality)]));

        passes.Checks.Single(c => c.Id == PlanChecks.Ids.LocalAuthorityOwnShare).Outcome.ShouldBe(CheckOutcome.Passed);
        var failed = fails.Checks.Single(c => c.Id == PlanChecks.Ids.LocalAuthorityOwnShare);
        failed.Outcome.ShouldBe(CheckOutcome.Failed);
        failed.Message.ShouldContain("15,00\u00A0% des financements publics (100\u202F000,00\u00A0€), pour un minimum de 20\u00A0%");
        failed.Source.ShouldContain("L1111-10");
        // The default ceiling of public aid is 80 % for a local-authority carrier.
        fails.Checks.Single(c => c.Id == PlanChecks.Ids.PublicAidCeiling).Outcome.ShouldBe(CheckOutcome.Failed);
        passes.Checks.Single(c => c.Id == PlanChecks.Ids.PublicAidCeiling).Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Fact]
    public void ChecksThresholds_AreParameters()
    {
        var plan = Annual(100_000m, 12, [State(85), Carrier("commune", FunderKind.Municipality)]) with
        {
            Options = new PlanOptions { LocalAuthorityMinimumShare = Rate.Percent(10), PublicAidCeiling = Rate.Percent(90) },
        };
        var result = PlanEvaluator.Evaluate(plan);

        result.Checks.Single(c => c.Id == PlanChecks.Ids.LocalAuthorityOwnShare).Outcome.ShouldBe(CheckOutcome.Passed);
        result.Checks.Single(c => c.Id == PlanChecks.Ids.PublicAidCeiling).Outcome.ShouldBe(CheckOutcome.Passed);
        result.Checks.Single(c => c.Id == PlanChecks.Ids.PublicAidCeiling).Source.ShouldBe("Plafond des aides publiques fixé pour ce plan");
    }

    [Fact]
    public void OwnShareCheck_CanBeSwitchedOnForAPrivateCarrier()
    {
        var plan = Seed with { Options = new PlanOptions { CheckLocalAuthorityOwnShare = true } };
        var check = PlanEvaluator.Evaluate(plan).Checks.Single(c => c.Id == PlanChecks.Ids.LocalAuthorityOwnShare);

        check.Outcome.ShouldBe(CheckOutcome.Passed);
        check.Message.ShouldContain("25,15\u00A0% des financements publics (207\u202F600,00\u00A0€)");
    }

    [Fact]
    public void PerBudgetYearCost_SumsTheYears()
    {
        var plan = new Plan("Par exercice", new PerBudgetYearCost([new(2022, E(77_850m)), new(2023, E(103_800m)), new(2024, E(25_950m))], new LocalDate(2022, 4, 1)), [State(50, cap: 80_000m), Carrier()]);
        var result = PlanEvaluator.Evaluate(plan);

        result.TotalCost.ShouldBe(E(207_600m));
        plan.Cost.Period.Months.ShouldBe(33);
        result.Funder("etat").Total.ShouldBe(E(80_000m));
        result.CostByBudgetYear.Select(c => c.Amount).ShouldBe([E(77_850m), E(103_800m), E(25_950m)]);
    }
}

public class PlanValidationTests
{
    public static TheoryData<string, Plan, string> BadPlans() => new()
    {
        { "duplicate ids", Annual(1_000m, 12, [State(50), State(20)]), "funders[1].id" },
        { "member id reusing a funder id", Annual(1_000m, 12, [State(50), Group("g", new FixedPool(E(10m)), ("etat", 1m, null))]), "funders[1].rule.members[0].id" },
        { "two remainder funders", Annual(1_000m, 12, [Carrier("a"), Carrier("b")]), "funders[1].rule.type" },
        { "key share with no members", Annual(1_000m, 12, [new Funder("g", "G", FunderKind.Epci, new KeyShareRule(new FixedPool(E(1m)), AllocationKey.EqualParts, []))]), "funders[0].rule.members" },
        { "negative member weight", Annual(1_000m, 12, [Group("g", new FixedPool(E(10m)), ("a", -1m, null))]), "funders[0].rule.members[0].weight" },
        { "zero months", Annual(1_000m, 0, [State(50)]), "cost.months" },
        { "too many months", Annual(1_000m, 601, [State(50)]), "cost.months" },
        { "start out of range", Annual(1_000m, 12, [State(50)], new LocalDate(1850, 1, 1)), "cost.start" },
        { "negative annual cost", Annual(-1m, 12, [State(50)]), "cost.annualAmount" },
        { "negative fixed amount", Annual(1_000m, 12, [FixedTotal("a", -5m)]), "funders[0].rule.amount" },
        { "cap below floor", Annual(1_000m, 12, [State(50, cap: 10m, floor: 20m)]), "funders[0].rule.cap" },
        { "no funders", Annual(1_000m, 12, []), "funders" },
        { "empty name", Annual(1_000m, 12, [new Funder("a", " ", FunderKind.State, new RemainderRule())]), "funders[0].name" },
        { "unknown carrier", Annual(1_000m, 12, [State(50)]) with { Options = new PlanOptions { CarrierId = "nobody" } }, "options.carrierId" },
        { "payment date far outside the period", Annual(1_000m, 12, [State(50).WithPayment(new OncePayment(new LocalDate(2030, 1, 1)))]), "funders[0].payment.date" },
        { "installment outside the period", Annual(1_000m, 12, [State(50).WithPayment(new AdvanceAndBalancePayment(Rate.Percent(30)) { Installments = [new Installment(new LocalDate(2024, 1, 1), Rate.Percent(10))] })]), "funders[0].payment.installments[0].date" },
        { "advance and installments above 100 %", Annual(1_000m, 12, [State(50).WithPayment(new AdvanceAndBalancePayment(Rate.Percent(80)) { Installments = [new Installment(new LocalDate(2022, 6, 1), Rate.Percent(30))] })]), "funders[0].payment.advance" },
        { "total cost beyond 10^12", Annual(1_000_000_000_000m, 24, [State(50)]), "cost.annualAmount" },
        { "promises adding up beyond 10^12", Annual(1_000m, 12, [FixedTotal("a", 600_000_000_000m), FixedTotal("b", 600_000_000_000m)]), "funders" },
        { "one promise beyond 10^12", Annual(1_000m, 24, [FixedAnnual("a", 1_000_000_000_000m)]), "funders[0].rule" },
        { "too many payments", Annual(1_000m, 600, Enumerable.Range(0, 40).Select(i => FixedTotal($"f{i}", 1m).WithPayment(new MonthlyPayment()))), "funders" },
        { "per-year costs not consecutive", new Plan("x", new PerBudgetYearCost([new(2022, E(1m)), new(2024, E(1m))]), [State(50)]), "cost.years[1].year" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void BadPlan_GetsAnErrorNamingTheFunderAndField(string because, Plan plan, string path)
    {
        var ex = Should.Throw<FundingValidationException>(() => PlanEvaluator.Evaluate(plan), because);
        ex.Errors.Select(e => e.Path).ShouldContain(path, because);
        PlanValidator.Validate(plan).ShouldNotBeEmpty();
    }

    [Fact]
    public void ValidPlan_HasNoErrors()
    {
        PlanValidator.Validate(Seed).ShouldBeEmpty();
        PlanValidator.Validate(SamplePlans.MixedKeyExample.Plan).ShouldBeEmpty();
    }
}

public class PlanComparisonTests
{
    [Fact]
    public void RaisingTheStateCap_MovesTheDifferenceAwayFromTheOthers()
    {
        var variant = Seed with { Funders = [State(50, cap: 100_000m), .. Seed.Funders.Skip(1)] };
        var comparison = PlanComparison.Compare(Seed, variant);

        var state = comparison.Funders.Single(f => f.Id == "etat");
        state.Delta.ShouldBe(E(20_000m));
        state.Status.ShouldBe(DeltaStatus.Changed);
        state.Sentence.ShouldBe("État : 80\u202F000,00\u00A0€ → 100\u202F000,00\u00A0€ (+20\u202F000,00\u00A0€).");
        state.VariantExplanation!.Sentence.ShouldContain("plafonné à 100\u202F000,00\u00A0€");
        comparison.Funders.Single(f => f.Id == "qbo").Status.ShouldBe(DeltaStatus.Unchanged);
        // The other EPCIs share half of what is left, the carrier the other half: 10 000 € less each.
        comparison.Funders.Where(f => f.Id != "etat" && f.Id != "qbo" && f.Id != "uimm-finistere").Sum(f => f.Delta).ShouldBe(E(-10_000m));
        comparison.Funders.Single(f => f.Id == "uimm-finistere").Delta.ShouldBe(E(-10_000m));
        comparison.TotalFunded.Delta.ShouldBe(Money.Zero);
        comparison.PublicFunding.Delta.ShouldBe(E(10_000m));
    }

    [Fact]
    public void OneMoreEpci_AppearsAsAdded()
    {
        var variant = Seed with { Funders = [.. Seed.Funders.Take(2), FixedAnnual("nouvel-epci", 5_000m), .. Seed.Funders.Skip(2)] };
        var comparison = PlanComparison.Compare(Seed, variant);

        var added = comparison.Funders.Single(f => f.Id == "nouvel-epci");
        added.Status.ShouldBe(DeltaStatus.Added);
        added.Delta.ShouldBe(E(10_000m));
        added.Sentence.ShouldBe("NOUVEL-EPCI : nouveau financeur, 10\u202F000,00\u00A0€.");
        comparison.CarrierShare.Delta.ShouldBe(E(-5_000m));
    }

    [Fact]
    public void StartingInJanuary_ChangesTheBudgetYearsNotTheTotals()
    {
        var january = Seed with { Cost = new AnnualCost(E(103_800m), new FundingPeriod(new LocalDate(2022, 1, 1), 24)) };
        var comparison = PlanComparison.Compare(Seed, january);

        comparison.Funders.ShouldAllBe(f => f.Delta == Money.Zero);
        comparison.VariantResult.Schedule.Table.Years.ShouldBe([2022, 2023]);
        comparison.BaselineResult.Schedule.Table.Years.ShouldBe([2022, 2023, 2024]);
        // docs/plans.md, by hand: the seed's State funds 30 000 / 40 000 / 10 000 € (9:12:3 months); from January,
        // two full years, 40 000 / 40 000 €. Its one payment stays in 2022.
        var state = comparison.Funders.Single(f => f.Id == "etat");
        state.Status.ShouldBe(DeltaStatus.Rescheduled);
        state.Years.Select(y => (y.Year, y.BaselineContribution, y.VariantContribution)).ShouldBe(
            [(2022, E(30_000m), E(40_000m)), (2023, E(40_000m), E(40_000m)), (2024, E(10_000m), Money.Zero)]);
        state.Years.Select(y => y.PaymentDelta).ShouldAllBe(d => d == Money.Zero);
        // QBO: 8 695,13 / 11 593,50 / 2 898,37 €, then 11 593,50 € in each of the two years.
        comparison.Funders.Single(f => f.Id == "qbo").Years.Select(y => y.VariantContribution).ShouldBe([E(11_593.50m), E(11_593.50m), Money.Zero]);
    }

    [Fact]
    public void StartingInSeptember_ShowsWhatMovedBetweenBudgetYears_InsteadOfUnchanged()
    {
        var september = Seed with { Cost = new AnnualCost(E(103_800m), new FundingPeriod(new LocalDate(2022, 9, 1), 24)) };
        var comparison = PlanComparison.Compare(Seed, september);

        // By hand: 8 650 € a month; 4, 12 and 8 months cost 34 600 / 103 800 / 69 200 €. The State's 80 000 € in
        // proportion 4:12:8 is 13 333,333… / 40 000 / 26 666,666…: 13 333,33 / 40 000,00 / 26 666,66 and the cent
        // left to the largest remainder (2024), 26 666,67 €.
        var state = comparison.Funders.Single(f => f.Id == "etat");
        state.Status.ShouldBe(DeltaStatus.Rescheduled);
        state.Years.Select(y => (y.Year, y.BaselineContribution, y.VariantContribution, y.ContributionDelta)).ShouldBe(
        [
            (2022, E(30_000m), E(13_333.33m), E(-16_666.67m)),
            (2023, E(40_000m), E(40_000m), Money.Zero),
            (2024, E(10_000m), E(26_666.67m), E(16_666.67m)),
        ]);
        state.Sentence.ShouldBe("État : total inchangé, 80\u202F000,00\u00A0€, mais réparti autrement entre les exercices : contribution "
            + "2022 30\u202F000,00\u00A0€ → 13\u202F333,33\u00A0€ (-16\u202F666,67\u00A0€), 2024 10\u202F000,00\u00A0€ → 26\u202F666,67\u00A0€ (+16\u202F666,67\u00A0€).");
        // Every funder's years add up to its total, before and after, for contributions and payments alike.
        foreach (var funder in comparison.Funders)
        {
            funder.Years.Sum(y => y.BaselineContribution).ShouldBe(funder.Baseline);
            funder.Years.Sum(y => y.VariantContribution).ShouldBe(funder.Variant);
            funder.Years.Sum(y => y.BaselinePayment).ShouldBe(funder.Baseline);
            funder.Years.Sum(y => y.VariantPayment).ShouldBe(funder.Variant);
        }
    }

    [Fact]
    public void RemovedFunder_AppearsAsRemoved_AndInvalidPlansNameTheirSide()
    {
        var variant = Seed with { Funders = Seed.Funders.Where(f => f.Id != "qbo").ToArray() };
        PlanComparison.Compare(Seed, variant).Funders.Single(f => f.Id == "qbo").Status.ShouldBe(DeltaStatus.Removed);

        var invalid = Seed with { Funders = [] };
        Should.Throw<FundingValidationException>(() => PlanComparison.Compare(Seed, invalid)).Errors.Single().Path.ShouldBe("variant.funders");
    }
}
