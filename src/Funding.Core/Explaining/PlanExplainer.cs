using System.Globalization;
using Funding.Engine;
using Funding.Formatting;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Explaining;

/// <summary>
/// Turns the engine's traces into French: each contribution's sentence and terms (with what a shared ceiling took off),
/// each group's, each ceiling's. The figures are never computed here, only said.
/// </summary>
internal static class PlanExplainer
{
    /// <summary>A contribution's explanation: its rule's clause, then what a shared ceiling took off, then the period.</summary>
    internal static Explanation Explain(Contribution contribution, Money totalCost, RoundingPolicy policy, FundingPeriod period)
    {
        var explained = contribution.Trace.Explain(new ExplainContext(contribution.Name, totalCost, policy, period));
        if (contribution.Cut is not { } cut)
        {
            return new Explanation(contribution.RuleType, explained.Clause + ".", explained.Terms);
        }
        string cutText = cut.PerBudgetYear
            ? string.Join(", ", Enumerable.Range(0, cut.Years.Length).Where(k => cut.Before[k] != cut.After[k])
                .Select(k => $"{FrenchFormat.Money(cut.Before[k] - cut.After[k])} en {cut.Years[k]}"))
            : FrenchFormat.Money(cut.Cut);
        var total = contribution.Total;
        string share = totalCost.IsZero ? "" : $" ({FrenchFormat.Rate(Ratio.Of(total, totalCost))} du coût total)";
        var terms = new List<ExplanationTerm>(explained.Terms.Count + 1);
        foreach (var term in explained.Terms)
        {
            if (term.Name != "amount")
            {
                terms.Add(term);
            }
        }
        terms.Add(ExplanationTerm.Euros("sharedCeilingCut", cut.Cut));
        terms.Add(ExplanationTerm.Euros("amount", total));
        return new Explanation(contribution.RuleType,
            $"{explained.Clause} ; le plafond commun « {cut.CeilingName} » retire {cutText}, soit {FrenchFormat.Money(total)}{share}.", terms);
    }

    /// <summary>A group's explanation: how its pool was obtained and split.</summary>
    internal static Explanation Explain(GroupWork group, Money totalCost, RoundingPolicy policy, FundingPeriod period)
    {
        var explained = group.Trace.Explain(new ExplainContext(group.Name, totalCost, policy, period));
        return new Explanation("keyShare", explained.Clause + ".", explained.Terms);
    }

    /// <summary>A shared ceiling's explanation: each comparison, how the excess was taken off, the sums before and after.</summary>
    internal static Explanation Explain(CeilingWork work, RoundingPolicy policy)
    {
        var ceiling = work.Ceiling;
        var parts = work.Rows.Select(row =>
        {
            string text = LimitText(ceiling, row, policy);
            string outcome = row.Sum > row.Limit
                ? $"{text} ; ensemble {FrenchFormat.Money(row.Sum)}, ramenés à {FrenchFormat.Money(row.Limit)} (− {FrenchFormat.Money(row.Sum - row.Limit)})"
                : $"{text} ; ensemble {FrenchFormat.Money(row.Sum)}, sous le plafond";
            return row.Year is { } year ? $"{year} : {outcome}" : outcome;
        });
        var names = work.MemberNames;
        string who = string.Join(", ", names[..^1]) + " et " + names[^1];
        string how = ceiling.Sharing == CeilingSharing.Waterfall
            ? "l'excédent est retiré dans l'ordre inverse du plan, les premiers financeurs gardant leur part"
            : "le plafond est partagé au prorata de leurs montants";
        string sentence = $"Plafond commun « {ceiling.Name} » de {who}, {(ceiling.Scope == CapScope.BudgetYear ? "par exercice" : "sur la période")} : {string.Join(" ; ", parts)} ; {how}. Ensemble : {FrenchFormat.Money(work.Before)} avant plafond, {FrenchFormat.Money(work.After)} après.";
        var terms = new List<ExplanationTerm>();
        if (ceiling.Rate is { } rate)
        {
            terms.Add(ExplanationTerm.Percent("rate", rate));
        }
        if (ceiling.Amount is { } amount)
        {
            terms.Add(ExplanationTerm.Euros("amount", amount));
        }
        terms.Add(ExplanationTerm.Euros("ceiling", work.CeilingTotal));
        terms.Add(ExplanationTerm.Euros("before", work.Before));
        terms.Add(ExplanationTerm.Euros("after", work.After));
        return new Explanation("sharedCeiling", sentence, terms);
    }

    /// <summary>« plafond 45 000,00 € (le plus petit de 75 % de 64 000,00 € = 48 000,00 € et de 45 000,00 €) ».</summary>
    private static string LimitText(SharedCeiling ceiling, CeilingRow row, RoundingPolicy policy)
    {
        string? rateText = ceiling.Rate is { } rate && row.ByRate is { } byRate
            ? $"{FrenchFormat.Rate(rate, 6)} de {FrenchFormat.Money(row.Cost)} = {Explainer.Rounded(row.ByRateExact, byRate, policy)}"
            : null;
        return (rateText, ceiling.Amount) switch
        {
            ({ } r, { } a) => $"plafond {FrenchFormat.Money(row.Limit)} (le plus petit de {r} et de {FrenchFormat.Money(a)})",
            ({ } r, null) => $"plafond {r}",
            (null, { } a) => $"plafond {FrenchFormat.Money(a)}",
            _ => "",
        };
    }

    /// <summary>The name of a budget year as an explanation's term.</summary>
    internal static string YearTerm(int year) => year.ToString(CultureInfo.InvariantCulture);
}
