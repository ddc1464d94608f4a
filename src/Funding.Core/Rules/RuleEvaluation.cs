using Funding.Engine;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// What a rule's evaluation sees at its point of the waterfall — the plan, the cost of each budget year, what is still to
/// fund — and how it gives its contribution back: figures and a trace, never a sentence.
/// </summary>
internal sealed class RuleEvaluation
{
    private readonly Waterfall _waterfall;

    internal RuleEvaluation(Waterfall waterfall)
    {
        _waterfall = waterfall;
    }

    /// <summary>The funder whose rule is evaluated.</summary>
    internal Funder Funder => _waterfall.CurrentFunder;

    /// <summary>The funder's index in the plan.</summary>
    internal int Index => _waterfall.CurrentIndex;

    /// <summary>The plan.</summary>
    internal Plan Plan => _waterfall.Plan;

    /// <summary>The total cost.</summary>
    internal Money TotalCost => _waterfall.TotalCost;

    /// <summary>The cost of each budget year.</summary>
    internal IReadOnlyList<BudgetYearCost> CostByYear => _waterfall.CostByYear;

    /// <summary>The plan's period.</summary>
    internal FundingPeriod Period => _waterfall.Calendar.Period;

    /// <summary>The plan's rounding policy.</summary>
    internal RoundingPolicy Policy => _waterfall.Policy;

    /// <summary>What is still to fund at this point, summed over the years that still need funding (never negative).</summary>
    internal Money Available => _waterfall.Ledger.Available;

    /// <summary>The number of budget years.</summary>
    internal int YearCount => _waterfall.Ledger.Years.Length;

    /// <summary>Budget year <paramref name="k"/>.</summary>
    internal int YearAt(int k) => _waterfall.Ledger.Years[k];

    /// <summary>The cost of budget year <paramref name="k"/>.</summary>
    internal Money CostIn(int k) => _waterfall.Ledger.Cost[k];

    /// <summary>What is left to fund in budget year <paramref name="k"/> (negative when over-funded).</summary>
    internal Money LeftIn(int k) => _waterfall.Ledger.Left(k);

    /// <summary>An amount for the whole period split over the years as the ledger would fund them.</summary>
    internal Money[] Attribute(Money total) => _waterfall.Ledger.Attribute(total);

    /// <summary>An earlier funder's name and total at this point of the waterfall.</summary>
    internal (string Name, Money Total) Earlier(string funderId) => _waterfall.Earlier(funderId);

    /// <summary>The path of the rule, for problems found while computing (a group's floors against its real pool).</summary>
    internal FieldPath Path => FieldPath.Of("funders").Item(Index).Field("rule");

    /// <summary>Gives the funder's contribution.</summary>
    /// <param name="total">The contribution over the period.</param>
    /// <param name="limit">What limited it.</param>
    /// <param name="trace">What the arithmetic recorded.</param>
    /// <param name="byBudgetYear">The amount of each budget year when the rule works year by year; null to let the ledger attribute the total.</param>
    /// <param name="effectiveBase">The base of the effective rate (an eligible base); null for the share of the total cost.</param>
    /// <param name="capPerBudgetYear">Whether the funder's cap bounds each budget year.</param>
    internal void Pay(Money total, ContributionLimit limit, RuleTrace trace, BudgetYearAmount[]? byBudgetYear = null, Money? effectiveBase = null, bool capPerBudgetYear = false) =>
        _waterfall.Pay(new Contribution
        {
            Id = Funder.Id,
            Name = Funder.Name,
            Kind = Funder.Kind,
            RuleType = Funder.Rule.Type,
            Cap = Funder.Rule.Cap,
            Payment = Funder.Payment ?? Funder.Rule.DefaultPayment,
            Total = total,
            Limit = limit,
            Trace = trace,
            ByBudgetYear = byBudgetYear,
            EffectiveBase = effectiveBase,
            CapPerBudgetYear = capPerBudgetYear,
        });

    /// <summary>Gives a group's contributions: the group's pool and each member's share.</summary>
    /// <param name="group">The group.</param>
    /// <param name="members">Each member's contribution, in the group's order.</param>
    internal void PayGroup(GroupWork group, Contribution[] members) => _waterfall.PayGroup(group, members);

    /// <summary>The payment mode of the funder: its own, or its rule's default.</summary>
    internal PaymentMode Payment => Funder.Payment ?? Funder.Rule.DefaultPayment;
}
