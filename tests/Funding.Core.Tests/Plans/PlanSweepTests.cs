using Funding.Allocation;
using Funding.Plans;
using Funding.Reports;
using Funding.Schedules;
using NodaTime;

namespace Funding.Core.Tests.Plans;

public class PlanSweepTests
{
    private static readonly Plan Seed = SamplePlans.TerritoireIndustrieFinistere.Plan;

    /// <summary>The three-funder model: the State's 50 % capped at 80 000 €, QBO 11 593,50 € a year, the carrier the rest; two whole years.</summary>
    internal static Plan ThreeFunders(decimal annualCost = 103_800m) => new(
        "Modèle à trois financeurs",
        new AnnualCost(Money.Euros(annualCost), new FundingPeriod(new LocalDate(2022, 1, 1), 24)),
        [
            new Funder("etat", "État", FunderKind.State, new RateRule(Rate.Percent(50)) { Cap = Money.Euros(80_000m) }) { Payment = new OncePayment() },
            new Funder("qbo", "Quimper Bretagne Occidentale", FunderKind.Epci, new FixedAnnualRule(Money.Euros(11_593.50m))),
            new Funder("porteur", "Porteur", FunderKind.Private, new RemainderRule()),
        ]);

    [Fact]
    public void TheStatesCap_From60000To100000_MovesTheOtherEpcisAndTheCarrier()
    {
        // By hand (docs/plans.md, « Balayer des scénarios »): 207 600 € − the State's cap − QBO's 23 187 € is left; the other
        // EPCIs take 50 % of it and the carrier the rest. 60 000 € → 124 413 € left, 62 206,50 € each; 80 000 € → 104 413 €,
        // 52 206,50 €; 100 000 € → 84 413 €, 42 206,50 €.
        var result = PlanSweep.Run(Seed, [new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m, 80_000m, 100_000m] }]);
        var sweep = result.Sweep;
        int state = Index(sweep, "etat");
        int carrier = Index(sweep, "uimm-finistere");
        var epcis = sweep.Funders.Select((f, i) => (f, i)).Where(x => x.f.Id is not ("etat" or "qbo" or "uimm-finistere")).Select(x => x.i).ToArray();
        result.Scenarios.Select(s => s.Totals[state]).ShouldBe([Money.Euros(60_000m), Money.Euros(80_000m), Money.Euros(100_000m)]);
        result.Scenarios.Select(s => s.Totals[carrier]).ShouldBe([Money.Euros(62_206.50m), Money.Euros(52_206.50m), Money.Euros(42_206.50m)]);
        result.Scenarios.Select(s => epcis.Sum(i => s.Totals[i])).ShouldBe([Money.Euros(62_206.50m), Money.Euros(52_206.50m), Money.Euros(42_206.50m)]);
        sweep.PlanScenario.ShouldBe(1);
        result.Funders[carrier].ShouldBe(new SweepFunder("uimm-finistere", "UIMM Finistère", Money.Euros(42_206.50m), 2, Money.Euros(62_206.50m), 0));
        sweep.Axes[0].Label(2).ShouldBe("100\u202F000,00\u00A0€");
        sweep.Axes[0].Name(Seed).ShouldBe("plafond de l'État");
    }

    [Fact]
    public void TwoParameters_EveryCombination_TheLastFastest()
    {
        var keys = new SweepAxis(SweepParameter.Key, "autres-epci")
        {
            Keys = [new NamedKey("population", AllocationKey.ByWeight("population")), new NamedKey("parts égales", AllocationKey.EqualParts)],
        };
        var result = PlanSweep.Run(Seed, [new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m, 80_000m] }, keys], byBudgetYear: true);
        result.Scenarios.Select(s => string.Join(",", s.Values)).ShouldBe(["0,0", "0,1", "1,0", "1,1"]);
        result.Sweep.PlanScenario.ShouldBe(2);
        int brest = Index(result.Sweep, "brest-metropole");
        // Equal parts of 62 206,50 € between 9 members: 6 911,8333… €, so 3 members get 6 911,84 € and 6 get 6 911,83 €.
        result.Scenarios[1].Totals[brest].ShouldBe(Money.Euros(6_911.84m));
        result.Sweep.Years.ShouldBe([2022, 2023, 2024]);
        // Every scenario's years add up to its totals.
        result.Scenarios.ShouldAllBe(s => s.ByBudgetYear!.Select((y, f) => y.Sum() == s.Totals[f]).All(ok => ok));
    }

    [Fact]
    public void ScenariosAreTheWholeEvaluation_OfTheVariedPlan()
    {
        var dates = new SweepAxis(SweepParameter.StartDate) { Dates = [new LocalDate(2022, 1, 1), new LocalDate(2022, 4, 1), new LocalDate(2023, 9, 1)] };
        var rates = new SweepAxis(SweepParameter.Rate, "etat") { Numbers = [30m, 50m, 70m] };
        var result = PlanSweep.Run(Seed, [dates, rates], byBudgetYear: true);
        result.Sweep.Years.ShouldBe([2022, 2023, 2024, 2025]);
        foreach (var s in result.Scenarios)
        {
            var cost = (AnnualCost)Seed.Cost;
            var variant = Seed with
            {
                Cost = new AnnualCost(cost.AnnualAmount, new FundingPeriod(dates.Dates[s.Values[0]], 24)),
                Funders = [.. Seed.Funders.Select(f => f.Id == "etat" ? f with { Rule = new RateRule(Rate.Percent(rates.Numbers[s.Values[1]])) { Cap = Money.Euros(80_000m) } } : f)],
            };
            var full = PlanEvaluator.Evaluate(variant);
            s.Totals.ShouldBe(full.Funders.Select(f => f.Total).ToArray());
            s.Unfunded.ShouldBe(full.Unfunded);
            for (int f = 0; f < full.Funders.Count; f++)
            {
                foreach (var y in full.Funders[f].ContributionByBudgetYear)
                {
                    s.ByBudgetYear![f][y.Year - 2022].ShouldBe(y.Amount);
                }
            }
        }
    }

    [Property(MaxTest = 300)]
    public bool TheThreeFunderModel_MatchesAnIntegerCentsComputation(PositiveInt seed)
    {
        // The peer harness's reference (../shared/peers/plan.mjs), recomputed in integer cents: total = 2 × annual; the State
        // min(half of the total rounded half up, 8 000 000 cents); QBO 2 × 1 159 350 cents; the carrier the rest — where
        // Publicodes gives a negative « reste à financer » (a cost below 23 187 € for the State's half and QBO), the plan
        // gives the carrier nothing and reports the over-funding.
        var random = new Random(seed.Get);
        var costs = Enumerable.Range(0, 20).Select(_ => random.Next(2_000_000, 30_000_001) / 100m).ToArray();
        var result = PlanSweep.Run(ThreeFunders(), [new SweepAxis(SweepParameter.Cost) { Numbers = costs }]);
        return result.Scenarios.All(s =>
        {
            long total = (long)(costs[s.Values[0]] * 100) * 2;
            long state = Math.Min((total + 1) / 2, 8_000_000);
            long qbo = 2 * 1_159_350;
            long rest = total - state - qbo;
            return s.TotalCost.TotalCents == total && s.Totals[0].TotalCents == state && s.Totals[1].TotalCents == qbo
                && s.Totals[2].TotalCents == Math.Max(rest, 0) && s.OverFunding.TotalCents == Math.Max(-rest, 0);
        });
    }

    [Fact]
    public void AParameterThePlanCannotTake_IsRefused_NamingIt()
    {
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [new SweepAxis(SweepParameter.Cap, "qbo") { Numbers = [1m] }]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters[0].funderId"), e => e.Code.ShouldBe(ErrorCodes.SweepInvalid));
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [new SweepAxis(SweepParameter.Rate, "nobody") { Numbers = [1m] }]))
            .Errors.Single().Path.ShouldBe("parameters[0].funderId");
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [new SweepAxis(SweepParameter.Rate, "etat") { Numbers = [50m, 150m] }]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters[0].values[1]"), e => e.Code.ShouldBe(ErrorCodes.RateOutOfRange));
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [new SweepAxis(SweepParameter.Cost) { Numbers = [103_800.005m] }]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters[0].values[0]"), e => e.Code.ShouldBe(ErrorCodes.AmountSubCent));
        var unknownWeight = new SweepAxis(SweepParameter.Key, "autres-epci") { Keys = [new NamedKey("potentiel fiscal", AllocationKey.ByWeight("potentiel fiscal", "potentielFiscal"))] };
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [unknownWeight]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters[0].keys[0]"), e => e.Message.ShouldStartWith("Avec potentiel fiscal, le plan n'est pas valide"));
        var caps = new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m] };
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [caps, caps with { Numbers = [70_000m] }]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters[1].parameter"), e => e.Code.ShouldBe(ErrorCodes.SweepInvalid));
        var big = new SweepAxis(SweepParameter.Cost) { Numbers = [.. Enumerable.Range(0, 400).Select(i => (decimal)i)] };
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(Seed, [big, big with { Parameter = SweepParameter.Cap, FunderId = "etat" }]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters"), e => e.Code.ShouldBe(ErrorCodes.TooMany));
    }

    [Fact]
    public void TheCsv_OneRowPerScenario_ThenTheMinimumAndMaximum()
    {
        var sweep = PlanSweep.Prepare(ThreeFunders(), [new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m, 100_000m] }]);
        var lines = SweepCsv.Lines(sweep).ToArray();
        lines[0].ShouldBe("\uFEFFScénario;Plafond de l'État;Coût total (€);État (€);Quimper Bretagne Occidentale (€);Porteur (€);Non financé (€);Surfinancement (€)\r\n");
        // 207 600 €: the State 60 000 € (its 103 800 € capped) or 100 000 €; QBO 23 187 €; the carrier the rest.
        lines[1].ShouldBe("1;60000;207600,00;60000,00;23187,00;124413,00;0,00;0,00\r\n");
        lines[2].ShouldBe("2;100000;207600,00;100000,00;23187,00;84413,00;0,00;0,00\r\n");
        lines[3].ShouldBe("Minimum;;;60000,00;23187,00;84413,00;;\r\n");
        lines[4].ShouldBe("Maximum;;;100000,00;23187,00;124413,00;;\r\n");
        SweepCsv.Lines(sweep, CsvDialect.Rfc4180).First().ShouldBe("scenario,cap:etat,totalCost,etat,qbo,porteur,unfunded,overFunding\r\n");
    }

    private static int Index(PreparedSweep sweep, string id) => sweep.Funders.Select(f => f.Id).ToList().IndexOf(id);
}
