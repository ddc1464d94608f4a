using Funding.Explaining;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Engine;

/// <summary>A plan run through the waterfall: the figures, and the explanations when asked, built once.</summary>
internal sealed class PlanRun
{
    private readonly CostFigures _cost;
    private readonly Waterfall _waterfall;

    internal PlanRun(Plan plan, CostFigures cost, Waterfall waterfall)
    {
        Plan = plan;
        _cost = cost;
        _waterfall = waterfall;
    }

    internal Plan Plan { get; }

    internal PeriodCalendar Calendar => _waterfall.Calendar;

    /// <summary>The figures, each explained when <paramref name="explain"/> is true (each explanation omitted otherwise).</summary>
    internal PlanFigures Figures(bool explain, out Explanation costExplanation)
    {
        var plan = Plan;
        var policy = plan.Options.Rounding;
        var period = _waterfall.Calendar.Period;
        var totalCost = _cost.Total;
        var (cost, costByYear) = explain ? _cost.Explain() : (Explanation.Omitted("cost"), _cost.ByYear);
        costExplanation = cost;
        int last = _waterfall.LastIndex;
        string? carrierId = plan.Options.CarrierId ?? (last >= 0 ? plan.Funders[last].Id : null);

        var contributions = _waterfall.Contributions();
        var funders = new FunderResult[contributions.Length];
        for (int i = 0; i < funders.Length; i++)
        {
            var c = contributions[i];
            var share = Ratio.Of(c.Total, totalCost);
            funders[i] = new FunderResult
            {
                Id = c.Id,
                Name = c.Name,
                Siren = SirenOf(plan, c.Id),
                Kind = c.Kind,
                GroupId = c.GroupId,
                RuleType = c.RuleType,
                Total = c.Total,
                ShareOfCost = share,
                EffectiveRate = c.EffectiveBase is { } effectiveBase ? Ratio.Of(c.Total, effectiveBase) : share,
                Limit = c.Limit,
                Cap = c.Cap,
                CapPerBudgetYear = c.CapPerBudgetYear,
                Explanation = explain ? PlanExplainer.Explain(c, totalCost, policy, period) : Explanation.Omitted(c.RuleType),
                Payment = c.Payment,
                IsCarrier = c.Id == carrierId,
                ByBudgetYear = c.ByBudgetYear,
                ContributionByBudgetYear = c.ContributionByBudgetYear,
            };
        }

        var groups = _waterfall.Groups.Select(g => new GroupResult(g.Id, g.Name, g.Pool, g.Allocated, g.Unallocated, g.MemberIds,
            explain ? PlanExplainer.Explain(g, totalCost, policy, period) : Explanation.Omitted("keyShare"), g.Limit)).ToArray();
        var ceilings = _waterfall.Ceilings.Select(w => new SharedCeilingResult(w.Ceiling.Id, w.Ceiling.Name, w.Ceiling.FunderIds, w.Ceiling.Scope,
            w.Ceiling.Sharing, w.CeilingTotal, w.Before, w.After, w.ByBudgetYear,
            explain ? PlanExplainer.Explain(w, policy) : Explanation.Omitted("sharedCeiling"))).ToArray();

        var ledger = _waterfall.Ledger;
        var unfundedByYear = ledger.Unfunded;
        var overFundingByYear = ledger.OverFunding;
        var balances = new BudgetYearBalance[ledger.Years.Length];
        for (int k = 0; k < balances.Length; k++)
        {
            var sum = Money.Zero;
            foreach (var f in funders)
            {
                sum += f.ContributionByBudgetYear[k].Amount;
            }
            balances[k] = new BudgetYearBalance(ledger.Years[k], costByYear[k].Amount, sum, overFundingByYear[k], unfundedByYear[k]);
        }
        return new PlanFigures(plan, totalCost, costByYear, funders, carrierId, unfundedByYear.Sum(), overFundingByYear.Sum(), balances, groups, ceilings);
    }

    /// <summary>The SIREN the plan gives a funder (a group's members have none); null when none is given.</summary>
    private static string? SirenOf(Plan plan, string id)
    {
        foreach (var funder in plan.Funders)
        {
            if (funder.Siren is not null && funder.Id == id)
            {
                return funder.Siren;
            }
        }
        return null;
    }
}
