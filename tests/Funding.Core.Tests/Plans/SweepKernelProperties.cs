using FsCheck.Fluent;
using Funding.Allocation;
using Funding.Plans;
using NodaTime;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// The sweep's compiled path (<see cref="SweepKernel"/>) gives, scenario by scenario, what the engine gives for the same
/// plan: total cost, every funder's total, unfunded and over-funding.
/// </summary>
[Properties(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 400)]
public class SweepKernelProperties
{
    private static readonly RoundingPolicy[] Policies = [RoundingPolicy.HalfAwayFromZero, RoundingPolicy.HalfToEven, RoundingPolicy.TowardZero];

    /// <summary>
    /// Every generated plan, made simple enough for the kernel (an annual cost without growth, no group, no rule per
    /// budget year, no shared ceiling), under any rounding policy, swept over one or two of its parameters: every rule
    /// the kernel takes (rate with cap, floor, eligible base; match; fixed annual; fixed total; remainder with a cap),
    /// every parameter (cost, rate, cap, annual amount), amounts from 0 (over-funding, nothing left) up.
    /// </summary>
    [Property(MaxRejected = 10_000)]
    public Property TheKernel_GivesTheEnginesTotals(GeneratedPlan generated, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var plan = Simple(generated.Plan, Policies[random.Next(Policies.Length)]);
        if (plan is null || PlanValidator.Validate(plan).Count > 0)
        {
            return Discarded();
        }
        var axes = new List<SweepAxis> { RandomAxis(plan, random) };
        if (random.Next(3) == 0)
        {
            axes.Add(RandomAxis(plan, random));
        }
        // A value the plan cannot take (a cap below a floor, an amount beyond the bounds) discards the case.
        var sweep = TryPrepare(plan, axes);
        return Prop.When(sweep is not null, () =>
        {
            sweep!.UsesKernel.ShouldBeTrue();
            sweep.Scenarios().Select(Key).ToArray().ShouldBe(sweep.EngineScenarios().Select(Key).ToArray(), $"{string.Join(" × ", axes.Select(a => $"{a.Parameter} {a.FunderId} [{string.Join(", ", a.Numbers)}]"))}, {plan.Options.Rounding.Mode}");
        });
    }

    /// <summary>A case the property does not speak of: discarded, and counted by FsCheck (« N discarded »), never passed unseen.</summary>
    private static Property Discarded() => Prop.When(false, () => true);

    private static PreparedSweep? TryPrepare(Plan plan, IReadOnlyList<SweepAxis> axes)
    {
        try
        {
            return PlanSweep.Prepare(plan, axes);
        }
        catch (FundingValidationException)
        {
            return null;
        }
    }

    /// <summary>Any generated plan the kernel compiles (with ceilings, groups, costs per year refused) agrees with the engine.</summary>
    [Property(MaxRejected = 10_000)]
    public Property WhereverTheKernelApplies_ItAgrees(GeneratedPlan generated, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        if (generated.Plan.Cost is not AnnualCost)
        {
            return Discarded();
        }
        var axis = RandomAxis(generated.Plan, random);
        var sweep = TryPrepare(generated.Plan, [axis]);
        if (sweep is null)
        {
            return Discarded();
        }
        bool simple = generated.Plan.SharedCeilings.Count == 0
            && generated.Plan.Cost is AnnualCost { Growth: var growth } && (growth is null || growth == Rate.Zero)
            && generated.Plan.Funders.All(f => f.Rule is RateRule { CapScope: CapScope.Period } or MatchRule or FixedAnnualRule or FixedTotalRule or RemainderRule);
        sweep.UsesKernel.ShouldBe(simple);
        sweep.Scenarios().Select(Key).ToArray().ShouldBe(sweep.EngineScenarios().Select(Key).ToArray(), $"{axis.Parameter} {axis.FunderId} [{string.Join(", ", axis.Numbers)}]");
        return true.ToProperty();
    }

    /// <summary>
    /// The kernel's check of a scenario (<see cref="SweepKernel.IsValid"/>) is the validator's, on every kind of value:
    /// ordinary, zero, negative, near and beyond the largest amount, sub-cent, rates beyond 100 % or too precise; one
    /// parameter or two together (two annual amounts can pass the bound only together).
    /// </summary>
    [Property(MaxRejected = 10_000)]
    public Property TheKernelsCheck_IsTheValidators(GeneratedPlan generated, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var plan = Simple(generated.Plan, RoundingPolicy.Default);
        if (plan is null || PlanValidator.Validate(plan).Count > 0)
        {
            return Discarded();
        }
        var axes = new[] { WithAnyValues(RandomAxis(plan, random), random), WithAnyValues(RandomAxis(plan, random), random) };
        for (int i = 0; i < axes[0].Count; i++)
        {
            for (int j = 0; j < axes[1].Count; j++)
            {
                var kernel = SweepKernel.TryCompile(plan, axes, byBudgetYear: false)!;
                bool kernelSays = kernel.TrySet(plan, axes[0], i) && kernel.TrySet(plan, axes[1], j) && kernel.IsValid();
                var errors = new ValidationErrors();
                var variant = PlanSweep.Apply(PlanSweep.Apply(plan, axes[0], i, FieldPath.Of("a"), errors), axes[1], j, FieldPath.Of("b"), errors);
                bool validatorSays = variant is not null && PlanValidator.Validate(variant).Count == 0;
                kernelSays.ShouldBe(validatorSays, $"{axes[0].Parameter} {axes[0].FunderId} = {axes[0].Numbers[i]}, {axes[1].Parameter} {axes[1].FunderId} = {axes[1].Numbers[j]}");
            }
        }
        return true.ToProperty();
    }

    /// <summary>Values of every kind for a parameter (see <see cref="TheKernelsCheck_IsTheValidators"/>).</summary>
    private static SweepAxis WithAnyValues(SweepAxis axis, Random random)
    {
        decimal max = Money.MaxValue.Amount;
        decimal[] amounts = [0m, 1m, -0.01m, -random.Next(1, 1_000_000), max, max / 12m, max / 2m, -max, random.Next() / 100m + 0.005m, random.Next(0, 30_000_001) / 100m, max / random.Next(1, 200) ];
        decimal[] rates = [0m, 100m, 100.000001m, 150m, -1m, 12.3456789m, random.Next(0, 10_001) / 100m];
        var pool = axis.Parameter == SweepParameter.Rate ? rates : amounts;
        return axis with { Numbers = [.. Enumerable.Range(0, 4).Select(_ => decimal.Round(pool[random.Next(pool.Length)], pool == rates ? 7 : 3))] };
    }

    [Fact]
    public void TheKernel_IsNotUsed_WhereTheEngineIsNeeded()
    {
        var seed = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var threeFunders = PlanSweepTests.ThreeFunders();
        var costs = new SweepAxis(SweepParameter.Cost) { Numbers = [100_000m, 103_800m] };
        PlanSweep.Prepare(threeFunders, [costs]).UsesKernel.ShouldBeTrue();
        // A group, contributions by budget year, a start date, a growing cost: the engine.
        PlanSweep.Prepare(seed, [costs]).UsesKernel.ShouldBeFalse();
        PlanSweep.Prepare(threeFunders, [costs], byBudgetYear: true).UsesKernel.ShouldBeFalse();
        PlanSweep.Prepare(threeFunders, [new SweepAxis(SweepParameter.StartDate) { Dates = [new LocalDate(2022, 1, 1)] }]).UsesKernel.ShouldBeFalse();
        var growing = threeFunders with { Cost = ((AnnualCost)threeFunders.Cost) with { Growth = Rate.Percent(2) } };
        PlanSweep.Prepare(growing, [costs]).UsesKernel.ShouldBeFalse();
    }

    [Fact]
    public void AValueTheKernelRefuses_IsNamedByTheValidator()
    {
        // A negative cost, then (two parameters) a cap below nothing: the kernel refuses, the validator says why.
        var plan = PlanSweepTests.ThreeFunders();
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(plan, [new SweepAxis(SweepParameter.Cost) { Numbers = [100_000m, -5m] }]))
            .Errors.Single().ShouldSatisfyAllConditions(
                e => e.Path.ShouldBe("parameters[0].values[1]"),
                e => e.Code.ShouldBe(ErrorCodes.SweepInvalid),
                e => e.Message.ShouldStartWith("Avec -5,00\u00A0€, le plan n'est pas valide (cost.annualAmount)"));
        var withFloor = plan with { Funders = [plan.Funders[0] with { Rule = ((RateRule)plan.Funders[0].Rule) with { Floor = Money.Euros(10_000m) } }, .. plan.Funders.Skip(1)] };
        Should.Throw<FundingValidationException>(() => PlanSweep.Prepare(withFloor,
            [new SweepAxis(SweepParameter.Cost) { Numbers = [100_000m] }, new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [20_000m, 5_000m] }]))
            .Errors.Single().ShouldSatisfyAllConditions(e => e.Path.ShouldBe("parameters[1].values[1]"), e => e.Message.ShouldContain("(funders[0].rule.cap)"));
    }

    [Fact]
    public void TheThreeFunderModel_ByHand()
    {
        // 2 × 100 000 € = 200 000 €: the State 50 % = 100 000 €, capped at 80 000 €; QBO 2 × 11 593,50 € = 23 187 €; the carrier
        // 200 000 − 80 000 − 23 187 = 96 813 €. At 20 000 € a year (40 000 €): the State 20 000 €, QBO 23 187 €, 3 187 € over
        // the cost, the carrier nothing.
        var result = PlanSweep.Run(PlanSweepTests.ThreeFunders(), [new SweepAxis(SweepParameter.Cost) { Numbers = [100_000m, 20_000m] }]);
        result.Scenarios[0].Totals.ShouldBe([Money.Euros(80_000m), Money.Euros(23_187m), Money.Euros(96_813m)]);
        result.Scenarios[1].Totals.ShouldBe([Money.Euros(20_000m), Money.Euros(23_187m), Money.Zero]);
        result.Scenarios[1].OverFunding.ShouldBe(Money.Euros(3_187m));
        result.Scenarios[1].Unfunded.ShouldBe(Money.Zero);
    }

    private static string Key(SweepScenario s) =>
        $"{s.Index}|{string.Join(",", s.Values)}|{s.TotalCost.TotalCents}|{string.Join(",", s.Totals.Select(t => t.TotalCents))}|{s.Unfunded.TotalCents}|{s.OverFunding.TotalCents}";

    /// <summary>The plan without what the kernel does not take; null for a cost per budget year.</summary>
    private static Plan? Simple(Plan plan, RoundingPolicy policy)
    {
        if (plan.Cost is not AnnualCost annual)
        {
            return null;
        }
        var funders = plan.Funders.Select(f => f with
        {
            Rule = f.Rule switch
            {
                KeyShareRule or FixedPerYearRule or DegressiveRateRule => new FixedTotalRule(Money.Euros(1_000m)),
                RateRule { CapScope: CapScope.BudgetYear } rate => rate with { CapScope = CapScope.Period },
                var rule => rule,
            },
        }).ToArray();
        return plan with
        {
            Cost = annual with { Growth = null },
            Funders = funders,
            SharedCeilings = [],
            Options = plan.Options with { Rounding = policy },
        };
    }

    /// <summary>A parameter the plan has, with 1 to 6 values: amounts from 0 to 300 000 €, rates from 0 to 100 %.</summary>
    private static SweepAxis RandomAxis(Plan plan, Random random)
    {
        var choices = new List<SweepAxis> { new(SweepParameter.Cost) };
        foreach (var f in plan.Funders)
        {
            switch (f.Rule)
            {
                case RateRule or MatchRule:
                    choices.Add(new SweepAxis(SweepParameter.Rate, f.Id));
                    choices.Add(new SweepAxis(SweepParameter.Cap, f.Id));
                    break;
                case RemainderRule:
                    choices.Add(new SweepAxis(SweepParameter.Cap, f.Id));
                    break;
                case FixedAnnualRule:
                    choices.Add(new SweepAxis(SweepParameter.AnnualAmount, f.Id));
                    break;
            }
        }
        var axis = choices[random.Next(choices.Count)];
        var numbers = Enumerable.Range(0, random.Next(1, 7)).Select(_ => axis.Parameter == SweepParameter.Rate
            ? random.Next(0, 10_001) / 100m
            : random.Next(0, 6) == 0 ? 0m : random.Next(0, 30_000_001) / 100m).ToArray();
        return axis with { Numbers = numbers };
    }
}
