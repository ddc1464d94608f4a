using BenchmarkDotNet.Attributes;
using Funding;
using Funding.Allocation;
using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Benchmarks;

/// <summary>Evaluating whole plans: the seed case, and a 10-funder plan over 10 years with every payment mode.</summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private readonly Plan _seed = SamplePlans.TerritoireIndustrieFinistere.Plan;
    private readonly Plan _tenFundersTenYears = TenFundersTenYears();
    private PlanResult _evaluated = null!;

    [GlobalSetup]
    public void Setup() => _evaluated = PlanEvaluator.Evaluate(_tenFundersTenYears);

    [Benchmark]
    public PlanResult EvaluateSeedPlan() => PlanEvaluator.Evaluate(_seed);

    /// <summary>The lean path: the seed's figures (totals, contributions by budget year) without explanations, schedules or checks.</summary>
    [Benchmark]
    public PlanFigures FiguresOfSeedPlan() => PlanEvaluator.Figures(_seed);

    /// <summary>The lean path without its validation.</summary>
    [Benchmark]
    public PlanFigures FiguresOfValidSeedPlan() => PlanEvaluator.FiguresOfValid(_seed);

    /// <summary>The validation alone, which every evaluation starts with.</summary>
    [Benchmark]
    public int ValidateSeedPlan() => PlanValidator.Validate(_seed).Count;

    /// <summary>What <c>explain=none</c> computes: every figure, schedule and check of the seed, no sentence.</summary>
    [Benchmark]
    public PlanResult EvaluateSeedPlanWithoutExplanations() => PlanEvaluator.Evaluate(_seed, explain: false);

    [Benchmark]
    public PlanResult EvaluateTenFundersOverTenYears() => PlanEvaluator.Evaluate(_tenFundersTenYears);

    private readonly Plan _pvdWithAnah = SamplePlans.PetitesVillesDeDemainAnah.Plan;

    private readonly Funding.Execution.ExecutionInput _vacant = new(
        [new BudgetYearAmount(2022, Money.Euros(77_850m)), new BudgetYearAmount(2023, Money.Euros(25_950m)), new BudgetYearAmount(2024, Money.Euros(25_950m))],
        [new Funding.Execution.Receipt("etat", new LocalDate(2022, 4, 1), Money.Euros(80_000m)), new Funding.Execution.Receipt("qbo", new LocalDate(2022, 4, 1), Money.Euros(8_695.13m))]);

    /// <summary>Five funders, a shared ceiling per budget year over four of them, three years.</summary>
    [Benchmark]
    public PlanResult EvaluatePvdWithAnah() => PlanEvaluator.Evaluate(_pvdWithAnah);

    /// <summary>The seed's execution (docs/execution.md): the plan evaluated twice, planned and on the actual expenses.</summary>
    [Benchmark]
    public Funding.Execution.ExecutionResult ExecuteSeedVacantNineMonths() => Funding.Execution.ExecutionEvaluator.Evaluate(_seed, _vacant);

    /// <summary>The schedules alone (payments, budget-year table, treasury) of the 10-funder, 10-year plan.</summary>
    [Benchmark]
    public ScheduleResult ScheduleTenFundersOverTenYears() => ScheduleBuilder.Build(_tenFundersTenYears, _evaluated.Figures, Funding.Schedules.PeriodCalendar.For(_tenFundersTenYears.Cost.Period));

    private static Plan TenFundersTenYears()
    {
        var period = new FundingPeriod(new LocalDate(2025, 3, 15), 120);
        PaymentMode[] modes =
        [
            new OncePayment(),
            new PerBudgetYearPayment(),
            new PerBudgetYearPayment(ProrataBasis.Days, new AnnualDate(6, 30)),
            new AdvanceAndBalancePayment(Rate.Percent(30)) { Installments = [new Installment(new LocalDate(2028, 1, 1), Rate.Percent(40))] },
            new MonthlyPayment(),
        ];
        var funders = new List<Funder>
        {
            new("etat", "État", FunderKind.State, new RateRule(Rate.Percent(40)) { Cap = Money.Euros(500_000m) }) { Payment = modes[3] },
            new("region", "Région Bretagne", FunderKind.Region, new RateRule(Rate.Percent(15))) { Payment = modes[0] },
            new("departement", "Département du Finistère", FunderKind.Department, new FixedAnnualRule(Money.Euros(12_345.67m))) { Payment = modes[2] },
        };
        for (int i = 0; i < 6; i++)
        {
            funders.Add(new Funder($"epci-{i}", $"EPCI {i}", FunderKind.Epci, new FixedAnnualRule(Money.Euros(5_000m + i * 1_111.11m))) { Payment = modes[i % modes.Length] });
        }
        funders.Add(new Funder("porteur", "Porteur", FunderKind.Private, new RemainderRule()) { Payment = modes[4] });
        return new Plan("Dix financeurs sur dix ans", new AnnualCost(Money.Euros(150_000m), period), funders);
    }
}

/// <summary>
/// Scenario sweeps over the three-funder model (the State's 50 % capped at 80 000 €, QBO 11 593,50 € a year, the
/// carrier the rest), on the 1 000 annual costs of the peer harness's shape: one scenario is the mean divided by 1 000.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private readonly Plan _threeFunders = new(
        "Modèle à trois financeurs",
        new AnnualCost(Money.Euros(103_800m), new FundingPeriod(new NodaTime.LocalDate(2022, 1, 1), 24)),
        [
            new Funder("etat", "État", FunderKind.State, new RateRule(Rate.Percent(50)) { Cap = Money.Euros(80_000m) }) { Payment = new OncePayment() },
            new Funder("qbo", "Quimper Bretagne Occidentale", FunderKind.Epci, new FixedAnnualRule(Money.Euros(11_593.50m))),
            new Funder("porteur", "Porteur", FunderKind.Private, new RemainderRule()),
        ]);

    private readonly SweepAxis _costs = new(SweepParameter.Cost)
    {
        // 103 800, 80 000, 200 000 €, then 997 costs from 20 000,00 to 300 000,00 € (a fixed seed), like cases/plan.json.
        Numbers = [103_800m, 80_000m, 200_000m, .. Enumerable.Range(0, 997).Select(i => (2_000_000 + (int)((i * 2_654_435_761L) % 28_000_001)) / 100m)],
    };

    /// <summary>1 000 scenarios, checked and computed: divide by 1 000 for one scenario.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public SweepResult ThousandCostsOfTheThreeFunderModel() => PlanSweep.Run(_threeFunders, [_costs]);

    private PreparedSweep _prepared = null!;

    [GlobalSetup(Targets = [nameof(ThousandCostsComputed), nameof(ThousandCostsComputedByTheEngine)])]
    public void Prepare() => _prepared = PlanSweep.Prepare(_threeFunders, [_costs]);

    /// <summary>The 1 000 scenarios computed, once checked (the compiled path): divide by 1 000 for one scenario.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public SweepResult ThousandCostsComputed() => _prepared.Run();

    /// <summary>The same 1 000 scenarios computed by the engine's lean path, plan by plan.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int ThousandCostsComputedByTheEngine()
    {
        int count = 0;
        foreach (var scenario in _prepared.EngineScenarios())
        {
            count += scenario.Totals.Length;
        }
        return count;
    }

    /// <summary>The 1 000 values checked (each scenario's plan validated), nothing computed.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public PreparedSweep ThousandCostsChecked() => PlanSweep.Prepare(_threeFunders, [_costs]);

    /// <summary>The three-funder model's lean figures alone, once.</summary>
    [Benchmark]
    public PlanFigures FiguresOfTheThreeFunderModel() => PlanEvaluator.Figures(_threeFunders);
}
