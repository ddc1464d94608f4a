using Funding.Explaining;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>One budget year of the remainder: its cost, what it still needed after the others, and the carrier's part.</summary>
internal readonly record struct RemainderYear(int Year, Money Cost, Money Left, Money Amount);

/// <summary>The remainder: what was left to fund, each year's part, and the cap when it bit.</summary>
internal sealed class RemainderTrace(Money totalCost, Money available, Money amount, ContributionLimit limit, RemainderYear[] years) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string clause = available.IsZero
            ? $"{context.Subject}, porteur du projet, n'a rien à financer : les autres financeurs couvrent le coût de chaque exercice"
            : $"{context.Subject}, porteur du projet, prend en charge le reste à financer de chaque exercice";
        if (!available.IsZero && years.Length > 1)
        {
            clause += " (" + string.Join(" ; ", years.Select(y =>
            {
                var need = Money.Max(y.Left, Money.Zero);
                string left = need == y.Left ? FrenchFormat.Money(need) : $"{FrenchFormat.Money(y.Left)}, soit {FrenchFormat.Money(Money.Zero)}";
                return $"{y.Year} : {FrenchFormat.Money(y.Cost)} − {FrenchFormat.Money(y.Cost - y.Left)} = {left}";
            })) + ")";
        }
        if (!available.IsZero)
        {
            clause += $", soit {FrenchFormat.Money(available)}";
        }
        if (limit == ContributionLimit.Cap)
        {
            clause += $", plafonné à {FrenchFormat.Money(amount)} ; {FrenchFormat.Money(available - amount)} restent non financés";
        }
        clause += context.ShareOfCost(amount);
        return new(clause,
        [
            ExplanationTerm.Euros("totalCost", totalCost),
            ExplanationTerm.Euros("otherFunders", totalCost - available),
            ExplanationTerm.Euros("leftToFund", available),
            .. years.Select(y => ExplanationTerm.Euros(PlanExplainer.YearTerm(y.Year), y.Amount)),
            ExplanationTerm.Euros("amount", amount),
        ]);
    }
}
