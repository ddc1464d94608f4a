using Funding.Explaining;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>What a rate's base is, for its explanation.</summary>
internal enum RateBase
{
    /// <summary>Each budget year's cost.</summary>
    YearCost,

    /// <summary>An eligible base split between the years in proportion to their cost.</summary>
    EligibleBase,

    /// <summary>Each year's actual expense within its planned eligible expense (a due capped at the grant).</summary>
    ActualWithinPlanned,
}

/// <summary>A rate over the period: the capped rate's computation, what was left to fund, and the amount.</summary>
internal sealed class RatePeriodTrace(Rate rate, CappedRate computed, Money available, Money amount, ContributionLimit limit, bool eligibleBase) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string baseText = eligibleBase ? "de la dépense éligible" : "du coût total";
        string clause = $"{context.Subject} finance {computed.Clause($"{baseText} de {FrenchFormat.Money(computed.Base)}")}";
        if (limit == ContributionLimit.LeftToFund)
        {
            clause += $", limité au reste à financer de {FrenchFormat.Money(amount)}";
        }
        var effective = Ratio.Of(amount, computed.Base);
        if (effective != rate)
        {
            clause += $" (taux effectif {FrenchFormat.Rate(effective)})";
        }
        var terms = computed.Terms().ToList();
        terms.Add(ExplanationTerm.Euros("leftToFund", available));
        terms.Add(ExplanationTerm.Euros("amount", amount));
        terms.Add(ExplanationTerm.Percent("effectiveRate", effective));
        return new(clause, terms);
    }
}

/// <summary>One budget year of a rate computed year by year, and which bounds bit.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Base">The year's base.</param>
/// <param name="Exact">Rate × base, exact.</param>
/// <param name="Rounded">Rate × base, rounded.</param>
/// <param name="Floor">The floor, when it raised the amount.</param>
/// <param name="CapFrom">The amount before the cap, when the cap lowered it.</param>
/// <param name="Cap">The cap.</param>
/// <param name="Grant">The year's grant, when it lowered the amount (a due).</param>
/// <param name="Available">What the year still needed, when it lowered the amount.</param>
/// <param name="Amount">The year's amount.</param>
internal readonly record struct RateYear(int Year, Money Base, decimal Exact, Money Rounded, Money? Floor, Money? CapFrom, Money? Cap, Money? Grant, Money? Available, Money Amount);

/// <summary>A rate computed budget year by budget year.</summary>
internal sealed class RatePerYearTrace(Rate rate, RateBase baseKind, Money? eligible, Money? floor, Money? cap, RateYear[] years, Money total) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string rateText = FrenchFormat.Rate(rate, 6);
        string baseWord = baseKind == RateBase.YearCost ? "" : baseKind == RateBase.EligibleBase ? "la dépense éligible " : "la dépense réalisée ";
        var parts = new string[years.Length];
        var terms = new List<ExplanationTerm>(years.Length + 2) { ExplanationTerm.Percent("rate", rate) };
        for (int k = 0; k < years.Length; k++)
        {
            var y = years[k];
            string part = $"{y.Year} : {rateText} de {baseWord}{FrenchFormat.Money(y.Base)} = {context.Rounded(y.Exact, y.Rounded)}";
            if (y.Floor is { } f)
            {
                part += $", porté au plancher annuel de {FrenchFormat.Money(f)}";
            }
            if (y.CapFrom is { } from)
            {
                part += $", plafonné à {FrenchFormat.Money(y.Cap!.Value)} (le plafond annuel retire {FrenchFormat.Money(from - y.Cap!.Value)})";
            }
            if (y.Grant is { } grant)
            {
                part += $", limité au montant prévu pour l'exercice, {FrenchFormat.Money(grant)}";
            }
            if (y.Available is { } available)
            {
                part += $", limité au reste à financer de l'exercice, {FrenchFormat.Money(available)}";
            }
            parts[k] = part;
            terms.Add(ExplanationTerm.Euros(PlanExplainer.YearTerm(y.Year), y.Amount));
        }
        string what = baseKind switch
        {
            RateBase.EligibleBase => $"de la dépense éligible de {FrenchFormat.Money(eligible ?? years.Aggregate(Money.Zero, (s, y) => s + y.Base))}, répartie entre les exercices au prorata de leur coût",
            RateBase.ActualWithinPlanned => "de la dépense réalisée de chaque exercice, dans la limite de la dépense prévue et du montant attribué pour l'exercice",
            _ => "du coût de chaque exercice",
        };
        string bounds = (floor is { } fl ? $", au moins {FrenchFormat.Money(fl)}" : "") + (cap is { } c ? $", au plus {FrenchFormat.Money(c)}" : "");
        string clause = $"{context.Subject} finance {rateText} {what}{(bounds.Length > 0 ? bounds + " par exercice" : "")} : {string.Join(" ; ", parts)} ; soit {FrenchFormat.Money(total)}{context.ShareOfCost(total)}";
        terms.Add(ExplanationTerm.Euros("amount", total));
        return new(clause, terms);
    }
}
