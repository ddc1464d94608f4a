using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;

namespace Funding.Engine;

/// <summary>
/// The one arithmetic of a plan: funder by funder in plan order, each rule computes its contribution from what is still
/// to fund in each budget year (the <see cref="YearLedger"/>), the rules that come last (the remainder) after every
/// other, and a shared ceiling once its last funder is computed. It gives figures and traces; sentences are the
/// explainer's (<see cref="Explaining.PlanExplainer"/>).
/// </summary>
internal sealed class Waterfall
{
    private readonly List<Contribution>?[] _perFunder;
    private readonly ILookup<int, SharedCeiling>? _ceilingsClosingAt;

    internal Waterfall(Plan plan, Money totalCost, IReadOnlyList<BudgetYearCost> costByYear, PeriodCalendar calendar)
    {
        Plan = plan;
        TotalCost = totalCost;
        CostByYear = costByYear;
        Calendar = calendar;
        Policy = plan.Options.Rounding;
        var monthsByYear = new long[calendar.MonthsByYear.Length];
        for (int k = 0; k < monthsByYear.Length; k++)
        {
            monthsByYear[k] = calendar.MonthsByYear[k];
        }
        Ledger = new YearLedger(costByYear, monthsByYear);
        _perFunder = new List<Contribution>?[plan.Funders.Count];
        _ceilingsClosingAt = plan.SharedCeilings.Count == 0 ? null : CeilingsClosingAt(plan);
    }

    internal Plan Plan { get; }

    internal Money TotalCost { get; }

    internal IReadOnlyList<BudgetYearCost> CostByYear { get; }

    internal PeriodCalendar Calendar { get; }

    internal RoundingPolicy Policy { get; }

    /// <summary>What is left to fund in each budget year.</summary>
    internal YearLedger Ledger { get; }

    internal List<GroupWork> Groups { get; } = [];

    internal List<CeilingWork> Ceilings { get; } = [];

    /// <summary>The index of the funder whose rule comes last (the remainder), or −1.</summary>
    internal int LastIndex { get; private set; } = -1;

    internal int CurrentIndex { get; private set; }

    internal Funder CurrentFunder => Plan.Funders[CurrentIndex];

    /// <summary>Runs the waterfall, evaluating each rule with <paramref name="evaluate"/> (its own evaluation, or its due).</summary>
    internal void Run(Action<ContributionRule, RuleEvaluation> evaluate)
    {
        var evaluation = new RuleEvaluation(this);
        for (int i = 0; i < Plan.Funders.Count; i++)
        {
            CurrentIndex = i;
            var rule = Plan.Funders[i].Rule;
            if (rule.Stage == WaterfallStage.Last)
            {
                LastIndex = i;
            }
            else
            {
                evaluate(rule, evaluation);
            }
            if (_ceilingsClosingAt is not null)
            {
                foreach (var ceiling in _ceilingsClosingAt[i])
                {
                    Ceilings.Add(SharedCeilings.Apply(ceiling, Plan, _perFunder, Ledger, TotalCost, Policy));
                }
            }
        }
        if (LastIndex >= 0)
        {
            CurrentIndex = LastIndex;
            evaluate(Plan.Funders[LastIndex].Rule, evaluation);
        }
    }

    /// <summary>Records a funder's contribution, year by year: as the rule gave its years, or attributed by the ledger.</summary>
    internal void Pay(Contribution contribution)
    {
        contribution.ContributionByBudgetYear = Ledger.Take(contribution.ByBudgetYear is { } given ? Ledger.OnYears(given) : Ledger.Attribute(contribution.Total));
        (_perFunder[CurrentIndex] ??= []).Add(contribution);
    }

    /// <summary>
    /// Records a group's contributions: the group funds each year in proportion to what it still needs; each year's part
    /// is then split between the members so that both each member's years and each year's members add up.
    /// </summary>
    internal void PayGroup(GroupWork group, Contribution[] members)
    {
        Groups.Add(group);
        var groupByYear = Ledger.Attribute(group.Allocated);
        var totals = new Money[members.Length];
        for (int j = 0; j < totals.Length; j++)
        {
            totals[j] = members[j].Total;
        }
        var byMember = YearLedger.SplitBetweenMembers(totals, groupByYear);
        var list = _perFunder[CurrentIndex] ??= new List<Contribution>(members.Length);
        for (int j = 0; j < members.Length; j++)
        {
            members[j].ContributionByBudgetYear = Ledger.Take(byMember[j]);
            list.Add(members[j]);
        }
    }

    /// <summary>An earlier funder's name and total at this point (after any shared ceiling already applied to it).</summary>
    internal (string Name, Money Total) Earlier(string funderId)
    {
        for (int i = 0; i < CurrentIndex; i++)
        {
            if (_perFunder[i] is { } contributions)
            {
                foreach (var contribution in contributions)
                {
                    if (string.Equals(contribution.Id, funderId, StringComparison.Ordinal))
                    {
                        return (contribution.Name, contribution.Total);
                    }
                }
            }
        }
        throw new InvalidOperationException($"No earlier funder has the id '{funderId}' (the validator checks this).");
    }

    /// <summary>Every contribution, in plan order, a group's members in the group's place.</summary>
    internal Contribution[] Contributions()
    {
        int count = 0;
        foreach (var contributions in _perFunder)
        {
            count += contributions?.Count ?? 0;
        }
        var all = new Contribution[count];
        int n = 0;
        foreach (var contributions in _perFunder)
        {
            if (contributions is not null)
            {
                foreach (var contribution in contributions)
                {
                    all[n++] = contribution;
                }
            }
        }
        return all;
    }

    /// <summary>Each shared ceiling by the index of its last funder in the plan: it applies once that funder is computed.</summary>
    private static ILookup<int, SharedCeiling> CeilingsClosingAt(Plan plan)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < plan.Funders.Count; i++)
        {
            index[plan.Funders[i].Id] = i;
        }
        return plan.SharedCeilings.ToLookup(c => c.FunderIds.Max(id => index[id]));
    }
}
