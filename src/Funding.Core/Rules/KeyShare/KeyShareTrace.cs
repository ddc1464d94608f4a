using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>How a group's pool was obtained and split.</summary>
internal sealed class KeyShareGroupTrace(
    KeySharePool rulePool, global::Funding.Allocation.AllocationKey key, Money? cap, Money available, decimal exact, Money computedPool, Money pool,
    global::Funding.Allocation.Allocation allocation, ContributionLimit limit) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        var terms = new List<ExplanationTerm>();
        string poolText;
        if (rulePool is ShareOfRemainingPool share)
        {
            poolText = $"{FrenchFormat.Rate(share.Rate, 6)} du reste à financer de {FrenchFormat.Money(available)}, soit {context.Rounded(exact, computedPool)}";
            terms.Add(ExplanationTerm.Percent("rate", share.Rate));
            terms.Add(ExplanationTerm.Euros("leftToFund", available));
            terms.Add(ExplanationTerm.ExactEuros("exact", exact));
        }
        else
        {
            poolText = FrenchFormat.Money(computedPool);
            terms.Add(ExplanationTerm.Euros("pool", computedPool));
        }
        if (limit == ContributionLimit.Cap)
        {
            poolText += $", plafonné à {FrenchFormat.Money(cap!.Value)}";
        }
        string clause = $"Les membres du groupe « {context.Name} » se partagent {poolText}, selon la clé {key.Label}";
        if (!allocation.Unallocated.IsZero)
        {
            clause += $" ; {FrenchFormat.Money(allocation.Unallocated)} n'ont pu être répartis, chaque membre ayant atteint son plafond, et restent à financer";
        }
        if (limit == ContributionLimit.AboveCap)
        {
            clause += $" ; ce montant promis dépasse le plafond du groupe, {FrenchFormat.Money(cap!.Value)}";
        }
        if (allocation.LeftoverCents > 0)
        {
            clause += $" ; {FrenchProse.Count(allocation.LeftoverCents, "centime attribué au plus fort reste", "centimes attribués aux plus forts restes")}";
        }
        terms.Add(ExplanationTerm.Euros("pool", pool));
        terms.Add(ExplanationTerm.Euros("allocated", allocation.Allocated));
        terms.Add(ExplanationTerm.Euros("unallocated", allocation.Unallocated));
        return new(clause, terms);
    }
}

/// <summary>A member's share of its group's pool.</summary>
internal sealed class KeyShareMemberTrace(string groupName, Money pool, global::Funding.Allocation.Allocation allocation, int index) : RuleTrace
{
    internal override ExplainedClause Explain(ExplainContext context)
    {
        var share = allocation.Shares[index];
        // The share's sentence is written into the clause, not built and then copied without its period.
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(256, 4);
        allocation.AppendSentenceAt(ref text, index);
        text.AppendLiteral(" ; part des ");
        text.AppendLiteral(FrenchFormat.Money(allocation.Allocated));
        text.AppendLiteral(" partagés par le groupe « ");
        text.AppendLiteral(groupName);
        text.AppendLiteral(" »");
        text.AppendLiteral(context.ShareOfCost(share.Amount));
        string clause = text.ToStringAndClear();
        return new(clause,
        [
            ExplanationTerm.Euros("pool", pool),
            new ExplanationTerm("weight", share.Weight, TermUnit.Weight),
            ExplanationTerm.Percent("shareOfKey", share.ShareOfKey),
            ExplanationTerm.ExactEuros("exact", share.ExactAmount),
            new ExplanationTerm("remainderCents", share.RemainderCents, TermUnit.Count),
            ExplanationTerm.Euros("amount", share.Amount),
        ]);
    }
}
