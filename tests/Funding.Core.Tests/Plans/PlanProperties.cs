using Funding.Plans;

namespace Funding.Core.Tests.Plans;

[Properties(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 1000)]
public class PlanProperties
{
    [Property]
    public bool GeneratedPlansAreValid(GeneratedPlan g) => PlanValidator.Validate(g.Plan).Count == 0;

    [Property]
    public bool ContributionsSumToTheCost_OrTheReportedGapExplainsTheDifference(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        return result.Funders.Sum(f => f.Total) == result.TotalCost - result.Unfunded + result.OverFunding
            && (result.Unfunded.IsZero || result.OverFunding.IsZero);
    }

    [Property]
    public bool WithAnUncappedRemainder_NothingIsLeftUnfunded(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        bool hasRemainder = g.Plan.Funders.Any(f => f.Rule is RemainderRule { Cap: null });
        return !hasRemainder || result.Unfunded.IsZero;
    }

    [Property]
    public bool NoFunderExceedsItsCap_UnlessItIsAPromiseThatSaysSo(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        return result.Funders.All(f => f.Cap is not { } cap || f.Total <= cap || f.Limit == ContributionLimit.AboveCap)
            && result.Checks.Single(c => c.Id == PlanChecks.Ids.CapsRespected).Passed == result.Funders.All(f => f.Limit != ContributionLimit.AboveCap);
    }

    [Property]
    public bool NoComputedContributionIsNegative(GeneratedPlan g) =>
        PlanEvaluator.Evaluate(g.Plan).Funders.All(f => f.Total >= Money.Zero);

    [Property]
    public bool OrderOfFixedFunders_DoesNotChangeAnyTotal(GeneratedPlan g, int seed)
    {
        // Fixed promises do not depend on what is left: shuffling them among their own positions changes nothing.
        var funders = g.Plan.Funders.ToArray();
        var fixedPositions = funders.Select((f, i) => (f, i)).Where(x => x.f.Rule is FixedAnnualRule or FixedTotalRule).Select(x => x.i).ToArray();
        var shuffled = fixedPositions.OrderBy(_ => new Random(seed).Next()).ToArray();
        var reordered = funders.ToArray();
        for (int k = 0; k < fixedPositions.Length; k++)
        {
            reordered[fixedPositions[k]] = funders[shuffled[k]];
        }
        var before = PlanEvaluator.Evaluate(g.Plan).Funders.ToDictionary(f => f.Id, f => f.Total);
        var after = PlanEvaluator.Evaluate(g.Plan with { Funders = reordered }).Funders.ToDictionary(f => f.Id, f => f.Total);
        return before.All(kv => after[kv.Key] == kv.Value);
    }

    [Property]
    public bool PositionOfTheRemainder_DoesNotChangeAnyTotal(GeneratedPlan g)
    {
        var remainder = g.Plan.Funders.FirstOrDefault(f => f.Rule is RemainderRule);
        if (remainder is null)
        {
            return true;
        }
        var moved = g.Plan with { Funders = [remainder, .. g.Plan.Funders.Where(f => f != remainder)] };
        var before = PlanEvaluator.Evaluate(g.Plan).Funders.ToDictionary(f => f.Id, f => f.Total);
        var after = PlanEvaluator.Evaluate(moved).Funders.ToDictionary(f => f.Id, f => f.Total);
        return before.All(kv => after[kv.Key] == kv.Value);
    }

    [Property]
    public bool SamePlan_SameResult(GeneratedPlan g)
    {
        var first = PlanEvaluator.Evaluate(g.Plan);
        var second = PlanEvaluator.Evaluate(g.Plan);
        return first.Funders.Select(f => (f.Id, f.Total, f.Explanation.Sentence)).SequenceEqual(second.Funders.Select(f => (f.Id, f.Total, f.Explanation.Sentence)))
            && first.Checks.Select(c => c.Message).SequenceEqual(second.Checks.Select(c => c.Message));
    }

    [Property]
    public bool EveryFigureHasAnExplanation(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        return result.Funders.All(f => f.Explanation.Sentence.Length > 20 && f.Explanation.Terms.Count > 0)
            && result.CostByBudgetYear.All(c => c.Sentence.Contains(c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            && result.Checks.Count == 8;
    }
}
