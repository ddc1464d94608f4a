using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>An annual amount over the period's months, exact and rounded; the cap it is above, if any.</summary>
internal sealed class FixedAnnualTrace(Money annual, int months, decimal exact, Money amount, Money? capExceeded) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string clause = months % 12 == 0
            ? $"{context.Subject} verse {FrenchFormat.Money(annual)} par an pendant {FrenchProse.Duration(months)}, soit {FrenchFormat.Money(amount)}"
            : $"{context.Subject} verse {FrenchFormat.Money(annual)} par an pendant {months} mois, soit {FrenchFormat.Money(annual)} × {months} / 12 = {context.Rounded(exact, amount)}";
        clause += context.ShareOfCost(amount);
        if (capExceeded is { } cap)
        {
            clause += $" ; ce montant promis dépasse son plafond de {FrenchFormat.Money(cap)}";
        }
        return new(clause,
        [
            ExplanationTerm.Euros("annualAmount", annual),
            new ExplanationTerm("months", months, TermUnit.Months),
            ExplanationTerm.ExactEuros("exact", exact),
            ExplanationTerm.Euros("amount", amount),
        ]);
    }
}
