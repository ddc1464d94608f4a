using FsCheck;
using FsCheck.Fluent;
using Funding.Plans;
using Funding.Schedules;

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
        return result.Funders.Sum(f => f.Total) == result.TotalCost - result.Unfunded + result.OverFunding;
    }

    [Property]
    public bool EveryBudgetYear_ContributionsAreItsCost_PlusOverFunding_MinusUnfunded(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        var years = result.CostByBudgetYear.Select(c => c.Year).ToArray();
        return result.BudgetYears.Select(b => b.Year).SequenceEqual(years)
            && result.BudgetYears.All(b =>
                b.Contributions == result.Funders.Sum(f => f.ContributionByBudgetYear.Single(y => y.Year == b.Year).Amount)
                && b.Contributions == b.Cost + b.OverFunding - b.Unfunded
                && (b.OverFunding.IsZero || b.Unfunded.IsZero)
                && b.Cost == result.CostByBudgetYear.Single(c => c.Year == b.Year).Amount)
            // The period's figures are the sums of the years.
            && result.Funders.All(f => f.ContributionByBudgetYear.Select(y => y.Year).SequenceEqual(years) && f.ContributionByBudgetYear.Sum(y => y.Amount) == f.Total)
            && result.Unfunded == result.BudgetYears.Sum(b => b.Unfunded)
            && result.OverFunding == result.BudgetYears.Sum(b => b.OverFunding);
    }

    [Property]
    public bool AComparison_ByBudgetYear_AddsUpToEachFundersTotals_AndAPlanEqualsItself(GeneratedPlan a, GeneratedPlan b)
    {
        var comparison = PlanComparison.Compare(a.Plan, b.Plan);
        var self = PlanComparison.Compare(a.Plan, a.Plan);
        return comparison.Funders.All(f =>
                f.Years.Sum(y => y.BaselineContribution) == f.Baseline && f.Years.Sum(y => y.VariantContribution) == f.Variant
                && f.Years.Sum(y => y.BaselinePayment) == f.Baseline && f.Years.Sum(y => y.VariantPayment) == f.Variant
                && f.Years.Select(y => y.Year).SequenceEqual(f.Years.Select(y => y.Year).Order().Distinct())
                && (f.Status != DeltaStatus.Unchanged || f.Years.All(y => y.Unchanged))
                && (f.Status != DeltaStatus.Rescheduled || (f.Delta == Money.Zero && f.Years.Any(y => !y.Unchanged))))
            && self.Funders.All(f => f.Status == DeltaStatus.Unchanged);
    }

    [Property]
    public bool AYearThatCostsNothing_AsksNothingOfTheCarrier_AndComputedRulesGiveItNothing(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        var computed = g.Plan.Funders.Where(f => f.Rule is RateRule or MatchRule or RemainderRule).Select(f => f.Id).ToHashSet();
        return result.BudgetYears.Where(b => b.Cost.IsZero).All(b =>
            result.Funders.Where(f => computed.Contains(f.Id)).All(f => f.ContributionByBudgetYear.Single(y => y.Year == b.Year).Amount.IsZero));
    }

    [Property]
    public bool ComputedContributions_NeverOverFundAYear(GeneratedPlan g)
    {
        // Only promises (fixed amounts, fixed pools) can over-fund a year: what a rule computes never exceeds what a year still needs.
        var result = PlanEvaluator.Evaluate(g.Plan);
        bool promises = g.Plan.Funders.Any(f => f.Rule is FixedAnnualRule or FixedTotalRule or FixedPerYearRule or KeyShareRule { Pool: FixedPool });
        return promises || result.OverFunding.IsZero;
    }

    [Property]
    public bool ASharedCeiling_HoldsEveryYear_OrOverThePeriod(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        foreach (var ceiling in g.Plan.SharedCeilings)
        {
            var members = result.Funders.Where(f => ceiling.FunderIds.Contains(f.Id)).ToArray();
            // The ceiling computed here on its own: rate × cost rounded half away from zero, and the amount.
            Money Limit(Money cost)
            {
                var limit = ceiling.Amount ?? Money.Euros(1_000_000_000_000m);
                if (ceiling.Rate is { } rate)
                {
                    var byRate = Money.Euros(Math.Round(cost.Amount * rate.PercentValue / 100m, 2, MidpointRounding.AwayFromZero));
                    limit = byRate < limit ? byRate : limit;
                }
                return limit;
            }
            bool holds = ceiling.Scope == CapScope.BudgetYear
                ? result.CostByBudgetYear.All(c => members.Sum(m => m.ContributionByBudgetYear.Single(y => y.Year == c.Year).Amount) <= Limit(c.Amount))
                : members.Sum(m => m.Total) <= Limit(result.TotalCost);
            var outcome = result.SharedCeilings.Single(r => r.Id == ceiling.Id);
            if (!holds || outcome.After != members.Sum(m => m.Total) || members.Any(m => m.Limit == ContributionLimit.SharedCeiling) != !outcome.TookOff.IsZero)
            {
                return false;
            }
        }
        return true;
    }

    [Property]
    public bool TheBudgetYearTable_ReconcilesInBothViews(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        var table = result.Schedule.Table;
        return table.Rows.All(r => r.Amounts.Sum() == r.Total && r.Contributions.Sum() == r.Total)
            && table.Years.Select((_, i) => table.Rows.Sum(r => r.Contributions[i]) == table.ContributionTotals[i]
                && table.ContributionTotals[i] == table.CostByYear[i] + table.OverFundingByYear[i] - table.UnfundedByYear[i]).All(ok => ok)
            && table.ContributionTotals.Sum() == table.GrandTotal;
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
        bool YearlyCap(FunderResult f) => g.Plan.Funders.Any(p => p.Id == f.Id && p.Rule is RateRule { CapScope: CapScope.BudgetYear });
        return result.Funders.All(f => f.Cap is not { } cap
                || (YearlyCap(f) ? f.ByBudgetYear!.All(y => y.Amount <= cap) : f.Total <= cap)
                || f.Limit == ContributionLimit.AboveCap)
            && result.Checks.Single(c => c.Id == PlanChecks.Ids.CapsRespected).Passed == result.Funders.All(f => f.Limit != ContributionLimit.AboveCap);
    }

    [Property]
    public bool AmountsByBudgetYear_SumToTheTotal_AndArePaidAsSuch(GeneratedPlan g)
    {
        var result = PlanEvaluator.Evaluate(g.Plan);
        return result.Funders.Where(f => f.ByBudgetYear is not null).All(f =>
            f.ByBudgetYear!.Aggregate(Money.Zero, (sum, y) => sum + y.Amount) == f.Total
            && (f.Payment is not PerBudgetYearPayment
                || result.Schedule.Funders.Single(s => s.FunderId == f.Id).Payments.All(p => f.ByBudgetYear!.Single(y => y.Year == p.BudgetYear).Amount == p.Amount)));
    }

    [Property]
    public bool NoComputedContributionIsNegative(GeneratedPlan g) =>
        PlanEvaluator.Evaluate(g.Plan).Funders.All(f => f.Total >= Money.Zero);

    [Property]
    public bool OrderOfFixedFunders_DoesNotChangeTheirOwnTotals(GeneratedPlan g, int seed)
    {
        // A promise is never shrunk by what is left, wherever it stands. (What a later "share of what is left" rule sees
        // does depend on which promises come before it: that is the waterfall, so only the promises' own totals are compared.)
        // A matched funder stays where it is: a match follows the funder it matches.
        var matched = g.Plan.Funders.Select(f => (f.Rule as MatchRule)?.FunderId).Where(id => id is not null).ToHashSet();
        var fixedIds = g.Plan.Funders.Where(IsFixed).Select(f => f.Id).ToHashSet();
        var (before, after) = TotalsBeforeAndAfter(g.Plan, ShuffleAmong(g.Plan.Funders, (i, f) => IsFixed(f) && !matched.Contains(f.Id), seed));
        return fixedIds.All(id => before[id] == after[id]);
    }

    [Property(MaxRejected = 10_000)]
    public Property OrderWithinARunOfConsecutiveFixedFunders_DoesNotChangeAnyTotal(GeneratedPlan g, int seed)
    {
        // Shuffle each maximal run of consecutive fixed funders for the period within itself: no computed rule sees a
        // different amount left. (Amounts fixed per year, and rules or ceilings working year by year, do see which years
        // the promises before them funded: to the cent, the order of those matters.)
        bool yearly = g.Plan.Funders.Any(f => f.Rule is RateRule { CapScope: CapScope.BudgetYear } or FixedPerYearRule or DegressiveRateRule)
            || g.Plan.SharedCeilings.Any(c => c.Scope == CapScope.BudgetYear);
        // Plans that work year by year are discarded, and FsCheck counts them ("N discarded"): never passed unseen.
        return Prop.When(!yearly, () => SameTotalsAfterShufflingEachRun(g.Plan, seed));
    }

    private static bool SameTotalsAfterShufflingEachRun(Plan plan, int seed)
    {
        static bool IsFixedForThePeriod(Funder f) => f.Rule is FixedAnnualRule or FixedTotalRule;
        var funders = plan.Funders;
        int[] run = new int[funders.Count];
        for (int i = 0; i < funders.Count; i++)
        {
            run[i] = !IsFixedForThePeriod(funders[i]) ? -1 : i > 0 && IsFixedForThePeriod(funders[i - 1]) ? run[i - 1] : i;
        }
        var reordered = funders.ToArray();
        foreach (var group in Enumerable.Range(0, funders.Count).Where(i => run[i] >= 0).GroupBy(i => run[i]))
        {
            int[] positions = group.ToArray();
            int[] shuffled = positions.Shuffle(seed + positions[0]);
            for (int k = 0; k < positions.Length; k++)
            {
                reordered[positions[k]] = funders[shuffled[k]];
            }
        }
        var (before, after) = TotalsBeforeAndAfter(plan, reordered);
        return before.All(kv => after[kv.Key] == kv.Value);
    }

    private static bool IsFixed(Funder f) => f.Rule is FixedAnnualRule or FixedTotalRule or FixedPerYearRule;

    private static Funder[] ShuffleAmong(IReadOnlyList<Funder> funders, Func<int, Funder, bool> movable, int seed)
    {
        int[] positions = funders.Select((f, i) => (f, i)).Where(x => movable(x.i, x.f)).Select(x => x.i).ToArray();
        int[] shuffled = positions.Shuffle(seed);
        var reordered = funders.ToArray();
        for (int k = 0; k < positions.Length; k++)
        {
            reordered[positions[k]] = funders[shuffled[k]];
        }
        return reordered;
    }

    private static (Dictionary<string, Money> Before, Dictionary<string, Money> After) TotalsBeforeAndAfter(Plan plan, Funder[] reordered) =>
        (PlanEvaluator.Evaluate(plan).Funders.ToDictionary(f => f.Id, f => f.Total),
         PlanEvaluator.Evaluate(plan with { Funders = reordered }).Funders.ToDictionary(f => f.Id, f => f.Total));

    [Property(MaxRejected = 10_000)]
    public Property PositionOfTheRemainder_DoesNotChangeAnyTotal(GeneratedPlan g)
    {
        // A plan without a remainder is discarded (and counted), not passed.
        var remainder = g.Plan.Funders.FirstOrDefault(f => f.Rule is RemainderRule);
        return Prop.When(remainder is not null, () => SameTotalsWithTheRemainderFirst(g.Plan, remainder!));
    }

    private static bool SameTotalsWithTheRemainderFirst(Plan plan, Funder remainder)
    {
        var moved = plan with { Funders = [remainder, .. plan.Funders.Where(f => f != remainder)] };
        var before = PlanEvaluator.Evaluate(plan).Funders.ToDictionary(f => f.Id, f => f.Total);
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
            && result.Checks.Count == 9;
    }
}
