using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>A match: the funder matched and its total, the share, the cap and what was left to fund.</summary>
internal sealed class MatchTrace(string matchedName, Money matched, Rate rate, decimal exact, Money computed, Money? cap, Money available, Money amount, ContributionLimit limit) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        string what = rate == Rate.Percent(100)
            ? $"abonde euro pour euro la participation {FrenchProse.Of(matchedName)}, {FrenchFormat.Money(matched)}"
            : $"abonde à {FrenchFormat.Rate(rate, 6)} la participation {FrenchProse.Of(matchedName)}, {FrenchFormat.Money(matched)}, soit {context.Rounded(exact, computed)}";
        string clause = $"{context.Subject} {what}";
        clause += limit switch
        {
            ContributionLimit.Cap => $", plafonné à {FrenchFormat.Money(amount)}",
            ContributionLimit.LeftToFund => $", limité au reste à financer de {FrenchFormat.Money(amount)}",
            _ => "",
        };
        clause += context.ShareOfCost(amount);
        var terms = new List<ExplanationTerm>
        {
            ExplanationTerm.Euros("matched", matched),
            ExplanationTerm.Percent("rate", rate),
            ExplanationTerm.ExactEuros("exact", exact),
            ExplanationTerm.Euros("computed", computed),
        };
        if (cap is { } c)
        {
            terms.Add(ExplanationTerm.Euros("cap", c));
        }
        terms.Add(ExplanationTerm.Euros("leftToFund", available));
        terms.Add(ExplanationTerm.Euros("amount", amount));
        return new(clause, terms);
    }
}
