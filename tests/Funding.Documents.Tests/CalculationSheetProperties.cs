using Funding.Core.Tests.Plans;
using Funding.Plans;

namespace Funding.Documents.Tests;

/// <summary>
/// The « Calcul » sheet on every kind of plan the engine's properties generate (every rule, key, pool, rounding policy
/// and option): each formula, evaluated by the test's own parser in exact decimals, gives the figure the engine computed
/// — or the plan is one the sheet does not write formulas for, and then it holds none.
/// </summary>
public class CalculationSheetProperties
{
    [Property(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 300)]
    public void EveryFormulaOfTheCalculationSheet_GivesTheEnginesFigure(GeneratedPlan generated)
    {
        // The plan as generated (mostly beyond formulas: figures only), and its simple form (formulas for every rule).
        foreach (var plan in new[] { generated.Plan, Simple(generated.Plan) })
        {
            if (PlanValidator.Validate(plan).Count > 0)
            {
                continue;
            }
            var (sheets, _) = SheetXml.Read(PlanWorkbook.Write(PlanEvaluator.Evaluate(plan)));
            var calculation = sheets.Single(s => s.Name == "Calcul");
            foreach (var (reference, cell) in calculation.Cells.Where(c => c.Value.Formula is not null))
            {
                calculation.EvaluateFormula(cell.Formula!).ShouldBe(cell.Value!.Value, $"Calcul!{reference} = {cell.Formula}");
            }
        }
    }

    /// <summary>
    /// A plan the sheet writes formulas for: an annual cost without growth, no shared ceiling, rounding half away from
    /// zero, rates over the period, rules per budget year replaced by a fixed total, groups' members without cap or floor.
    /// </summary>
    internal static Plan Simple(Plan plan) => plan.Cost is not AnnualCost annual ? plan : plan with
    {
        Cost = annual with { Growth = null },
        SharedCeilings = [],
        Options = plan.Options with { Rounding = RoundingPolicy.HalfAwayFromZero },
        Funders = [.. plan.Funders.Select(f => f with
        {
            Rule = f.Rule switch
            {
                FixedPerYearRule or DegressiveRateRule => new FixedTotalRule(Money.Euros(1_000m)),
                RateRule { CapScope: CapScope.BudgetYear } rate => rate with { CapScope = CapScope.Period },
                KeyShareRule group => group with { Members = [.. group.Members.Select(m => m with { Cap = null, Floor = null })] },
                var rule => rule,
            },
        })],
    };
}

public class CalculationSheetCoverage
{
    /// <summary>The property above is not vacuous: a good part of the generated plans get live formulas (and rates, groups, matches among them).</summary>
    [Fact]
    public void ManyGeneratedPlans_GetLiveFormulas()
    {
        var plans = PlanArbitraries.PlanArb().Generator.Sample(50, 400).Select(g => CalculationSheetProperties.Simple(g.Plan)).Where(p => PlanValidator.Validate(p).Count == 0).ToArray();
        int live = plans.Count(g =>
        {
            var (sheets, _) = SheetXml.Read(PlanWorkbook.Write(PlanEvaluator.Evaluate(g)));
            return sheets.Single(s => s.Name == "Calcul").Cells.Any(c => c.Value.Formula?.Contains("ROUND", StringComparison.Ordinal) == true);
        });
        live.ShouldBeGreaterThan(plans.Length / 3, $"{live} of {plans.Length} simple plans have formulas with ROUND");
    }
}
