using Funding.Explaining;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>Amounts promised year by year; the cap their sum is above, if any.</summary>
internal sealed class FixedPerYearTrace(BudgetYearAmount[] years, Money amount, Money? capExceeded) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string detail = string.Join(", ", years.Select(y => $"{y.Year} : {FrenchFormat.Money(y.Amount)}"));
        string clause = $"{context.Subject} verse des montants fixés par exercice ({detail}), soit {FrenchFormat.Money(amount)}{context.ShareOfCost(amount)}";
        if (capExceeded is { } cap)
        {
            clause += $" ; ce montant promis dépasse son plafond de {FrenchFormat.Money(cap)}";
        }
        return new(clause, [.. years.Select(y => ExplanationTerm.Euros(PlanExplainer.YearTerm(y.Year), y.Amount)), ExplanationTerm.Euros("amount", amount)]);
    }
}
