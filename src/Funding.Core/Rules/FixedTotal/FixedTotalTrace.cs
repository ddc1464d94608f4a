using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>A promised amount for the period; the cap it is above, if any.</summary>
internal sealed class FixedTotalTrace(Money amount, Money? capExceeded) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string clause = $"{context.Subject} verse {FrenchFormat.Money(amount)} pour l'ensemble de la période{context.ShareOfCost(amount)}";
        if (capExceeded is { } cap)
        {
            clause += $" ; ce montant promis dépasse son plafond de {FrenchFormat.Money(cap)}";
        }
        return new(clause, [ExplanationTerm.Euros("amount", amount)]);
    }
}
