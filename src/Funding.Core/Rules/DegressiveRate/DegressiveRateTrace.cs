using Funding.Explaining;
using Funding.Formatting;
using Funding.Plans;
using NodaTime;

namespace Funding.Rules;

/// <summary>One year of the post: its dates, its rate, its cost, the amount computed and the amount after the cap.</summary>
internal readonly record struct DegressiveYear(int Number, LocalDate From, LocalDate Until, Rate Rate, decimal Cost, Money Computed, Money Amount);

/// <summary>A degressive rate: each year of the post, then the budget years.</summary>
internal sealed class DegressiveRateTrace(DegressiveYear[] years, Money? cap, Money[] byBudgetYear, BudgetYearAmount[] paid, Money total) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        var terms = new List<ExplanationTerm>();
        var parts = years.Select(y =>
        {
            terms.Add(ExplanationTerm.Percent($"rate{y.Number}", y.Rate));
            terms.Add(ExplanationTerm.ExactEuros($"cost{y.Number}", y.Cost));
            terms.Add(ExplanationTerm.Euros($"year{y.Number}", y.Amount));
            string cost = FrenchFormat.ExactMoney(y.Cost);
            string part = $"année {y.Number} (du {FrenchFormat.Date(y.From)} au {FrenchFormat.Date(y.Until)}) : {FrenchFormat.Rate(y.Rate, 6)} de {cost} = {FrenchFormat.Money(y.Computed)}";
            return y.Computed != y.Amount ? $"{part}, plafonné à {FrenchFormat.Money(y.Amount)}" : part;
        }).ToArray();
        var limited = paid.Select((y, k) => (y, k)).Where(x => x.y.Amount != byBudgetYear[x.k]).ToArray();
        string clause = $"{context.Subject} finance un taux dégressif par année du poste{(cap is { } c ? $", au plus {FrenchFormat.Money(c)} par année" : "")} : {string.Join(" ; ", parts)}";
        clause += " ; réparti entre les exercices au prorata du coût de chaque année du poste : "
            + string.Join(", ", paid.Select((y, k) => $"{y.Year} : {FrenchFormat.Money(byBudgetYear[k])}"));
        if (limited.Length > 0)
        {
            clause += ", limité " + string.Join(", ", limited.Select(x => $"en {x.y.Year} à {FrenchFormat.Money(x.y.Amount)}")) + " (reste à financer ou montant attribué de l'exercice)";
        }
        clause += $" ; soit {FrenchFormat.Money(total)}{context.ShareOfCost(total)}";
        terms.AddRange(paid.Select(y => ExplanationTerm.Euros(PlanExplainer.YearTerm(y.Year), y.Amount)));
        terms.Add(ExplanationTerm.Euros("amount", total));
        return new(clause, terms);
    }
}
