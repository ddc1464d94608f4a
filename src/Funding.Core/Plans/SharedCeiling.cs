using System.Globalization;
using Funding.Allocation;
using Funding.Formatting;

namespace Funding.Plans;

/// <summary>
/// A ceiling several funders share: « l'ANCT, la Banque des Territoires et l'État financent ensemble au plus 75 % du coût
/// annuel et 45 000 € par an ».
/// </summary>
/// <remarks>
/// The funders listed are consecutive in the plan's waterfall and each computes its own contribution (a rate or a match).
/// Once the last of them is computed, their sum is compared with the ceiling — the smaller of <see cref="Rate"/> × the
/// cost and <see cref="Amount"/>, per budget year or over the period — and the excess is taken off them as
/// <see cref="Sharing"/> says. What is taken off goes back to what is left to fund, for the funders after them.
/// </remarks>
/// <param name="Id">A unique identifier among the plan's ceilings.</param>
/// <param name="Name">The name explanations use (« plafond commun PVD »).</param>
/// <param name="FunderIds">The funders sharing the ceiling, at least two, consecutive in the plan.</param>
public sealed record SharedCeiling(string Id, string Name, IReadOnlyList<string> FunderIds)
{
    /// <summary>The most the funders together contribute, as a share of the cost (of each budget year, or of the period); null for none.</summary>
    public Rate? Rate { get; init; }

    /// <summary>The most the funders together contribute, in euros (each budget year, or over the period); null for none.</summary>
    public Money? Amount { get; init; }

    /// <summary>Whether the ceiling holds for each budget year or over the whole period.</summary>
    public CapScope Scope { get; init; } = CapScope.Period;

    /// <summary>How the excess is taken off the funders.</summary>
    public CeilingSharing Sharing { get; init; } = CeilingSharing.Waterfall;
}

/// <summary>How a shared ceiling is shared between its funders.</summary>
public enum CeilingSharing
{
    /// <summary>In waterfall order: the first funders keep their amounts, the last ones give up the excess first.</summary>
    Waterfall,

    /// <summary>In proportion to their own amounts: the ceiling is split between them by the largest-remainder method.</summary>
    ProRata,
}

/// <summary>What a shared ceiling did.</summary>
/// <param name="Id">The ceiling's id.</param>
/// <param name="Name">The ceiling's name.</param>
/// <param name="FunderIds">The funders sharing it.</param>
/// <param name="Scope">Per budget year or over the period.</param>
/// <param name="Sharing">How the excess was taken off.</param>
/// <param name="Ceiling">The ceiling: over the period, or the sum of the years' ceilings.</param>
/// <param name="Before">The funders' sum before the ceiling.</param>
/// <param name="After">The funders' sum after it.</param>
/// <param name="ByBudgetYear">Per budget year: the ceiling, the sum before and after (for a period ceiling, the years' parts of the sums and no ceiling).</param>
/// <param name="Explanation">How the ceiling was computed and applied, in French.</param>
public sealed record SharedCeilingResult(
    string Id,
    string Name,
    IReadOnlyList<string> FunderIds,
    CapScope Scope,
    CeilingSharing Sharing,
    Money Ceiling,
    Money Before,
    Money After,
    IReadOnlyList<SharedCeilingYear> ByBudgetYear,
    Explanation Explanation)
{
    /// <summary>What the ceiling took off the funders: <see cref="Before"/> − <see cref="After"/>.</summary>
    public Money TookOff => Before - After;
}

/// <summary>One budget year of a shared ceiling.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Ceiling">That year's ceiling, or null for a ceiling over the period.</param>
/// <param name="Before">The funders' sum for the year before the ceiling.</param>
/// <param name="After">After it.</param>
public sealed record SharedCeilingYear(int Year, Money? Ceiling, Money Before, Money After);

/// <summary>Applies shared ceilings inside the waterfall.</summary>
internal static class SharedCeilings
{
    internal static SharedCeilingResult Apply(SharedCeiling ceiling, Plan plan, List<FunderResult>?[] perFunder, YearLedger ledger, Money totalCost, RoundingPolicy policy)
    {
        var ids = ceiling.FunderIds.ToHashSet(StringComparer.Ordinal);
        var indices = Enumerable.Range(0, plan.Funders.Count).Where(i => ids.Contains(plan.Funders[i].Id)).ToArray();
        var members = indices.Select(i => perFunder[i]![0]).ToArray();
        int years = ledger.Years.Length;
        var before = members.Select(m => m.ContributionByBudgetYear.Select(y => y.Amount).ToArray()).ToArray();
        var after = before.Select(b => (Money[])b.Clone()).ToArray();
        var yearRows = new List<SharedCeilingYear>();
        var parts = new List<string>();
        Money ceilingTotal;
        if (ceiling.Scope == CapScope.BudgetYear)
        {
            ceilingTotal = Money.Zero;
            for (int k = 0; k < years; k++)
            {
                var (limit, text) = Limit(ceiling, ledger.Cost[k], policy);
                var column = before.Select(b => b[k]).ToArray();
                var sum = column.Sum();
                if (sum > limit)
                {
                    var shared = Share(column, limit, ceiling.Sharing);
                    for (int m = 0; m < members.Length; m++)
                    {
                        after[m][k] = shared[m];
                    }
                    parts.Add($"{ledger.Years[k]} : {text} ; ensemble {FrenchFormat.Money(sum)}, ramenés à {FrenchFormat.Money(limit)} (− {FrenchFormat.Money(sum - limit)})");
                }
                else
                {
                    parts.Add($"{ledger.Years[k]} : {text} ; ensemble {FrenchFormat.Money(sum)}, sous le plafond");
                }
                ceilingTotal += limit;
                yearRows.Add(new SharedCeilingYear(ledger.Years[k], limit, sum, after.Sum(a => a[k])));
            }
        }
        else
        {
            var (limit, text) = Limit(ceiling, totalCost, policy);
            ceilingTotal = limit;
            var totals = members.Select(m => m.Total).ToArray();
            var sum = totals.Sum();
            if (sum > limit)
            {
                var shared = Share(totals, limit, ceiling.Sharing);
                // The funders' years are attributed again, in plan order, as if each had been capped at its new amount
                // from the start: each funds what the years still need after the funders before it.
                for (int m = 0; m < members.Length; m++)
                {
                    for (int k = 0; k < years; k++)
                    {
                        ledger.GiveBack(k, before[m][k]);
                    }
                }
                for (int m = 0; m < members.Length; m++)
                {
                    after[m] = members[m].ByBudgetYear is null ? ledger.Attribute(shared[m]) : ShareOfYears(shared[m], before[m]);
                    ledger.Take(after[m]);
                }
                for (int m = 0; m < members.Length; m++)
                {
                    // Taken again below with the other members' changes: undo this pass's take.
                    for (int k = 0; k < years; k++)
                    {
                        ledger.GiveBack(k, after[m][k] - before[m][k]);
                    }
                }
                parts.Add($"{text} ; ensemble {FrenchFormat.Money(sum)}, ramenés à {FrenchFormat.Money(limit)} (− {FrenchFormat.Money(sum - limit)})");
            }
            else
            {
                parts.Add($"{text} ; ensemble {FrenchFormat.Money(sum)}, sous le plafond");
            }
            for (int k = 0; k < years; k++)
            {
                yearRows.Add(new SharedCeilingYear(ledger.Years[k], null, before.Sum(b => b[k]), after.Sum(a => a[k])));
            }
        }

        var memberNames = members.Select(m => m.Name).ToArray();
        string names = string.Join(", ", memberNames[..^1]) + " et " + memberNames[^1];
        string how = ceiling.Sharing == CeilingSharing.Waterfall
            ? "l'excédent est retiré dans l'ordre inverse du plan, les premiers financeurs gardant leur part"
            : "le plafond est partagé au prorata de leurs montants";
        var beforeTotal = before.Sum(b => b.Sum());
        var afterTotal = after.Sum(a => a.Sum());
        string sentence = $"Plafond commun « {ceiling.Name} » de {names}, {(ceiling.Scope == CapScope.BudgetYear ? "par exercice" : "sur la période")} : {string.Join(" ; ", parts)} ; {how}. Ensemble : {FrenchFormat.Money(beforeTotal)} avant plafond, {FrenchFormat.Money(afterTotal)} après.";
        var terms = new List<ExplanationTerm>();
        if (ceiling.Rate is { } rate)
        {
            terms.Add(ExplanationTerm.Percent("rate", rate));
        }
        if (ceiling.Amount is { } amount)
        {
            terms.Add(ExplanationTerm.Euros("amount", amount));
        }
        terms.Add(ExplanationTerm.Euros("ceiling", ceilingTotal));
        terms.Add(ExplanationTerm.Euros("before", beforeTotal));
        terms.Add(ExplanationTerm.Euros("after", afterTotal));

        for (int m = 0; m < members.Length; m++)
        {
            var member = members[m];
            var newTotal = after[m].Sum();
            var cut = member.Total - newTotal;
            for (int k = 0; k < years; k++)
            {
                ledger.GiveBack(k, before[m][k] - after[m][k]);
            }
            if (cut.IsZero)
            {
                continue;
            }
            var contributions = ledger.Years.Select((y, k) => new BudgetYearAmount(y, after[m][k])).ToArray();
            string cutText = ceiling.Scope == CapScope.BudgetYear
                ? string.Join(", ", Enumerable.Range(0, years).Where(k => before[m][k] != after[m][k]).Select(k => $"{FrenchFormat.Money(before[m][k] - after[m][k])} en {ledger.Years[k]}"))
                : FrenchFormat.Money(cut);
            string memberSentence = $"{member.Explanation.Sentence.TrimEnd('.')} ; le plafond commun « {ceiling.Name} » retire {cutText}, soit {FrenchFormat.Money(newTotal)}{(totalCost.IsZero ? "" : $" ({FrenchFormat.Rate(Ratio.Of(newTotal, totalCost))} du coût total)")}.";
            var baseAmount = plan.Funders[indices[m]].Rule is RateRule { CapScope: CapScope.Period, EligibleBase: { } eligible } ? eligible : totalCost;
            perFunder[indices[m]]![0] = member with
            {
                Total = newTotal,
                ShareOfCost = Ratio.Of(newTotal, totalCost),
                EffectiveRate = Ratio.Of(newTotal, baseAmount),
                Limit = ContributionLimit.SharedCeiling,
                Explanation = member.Explanation.IsOmitted ? member.Explanation : member.Explanation with
                {
                    Sentence = memberSentence,
                    Terms = [.. member.Explanation.Terms.Where(t => t.Name != "amount"), ExplanationTerm.Euros("sharedCeilingCut", cut), ExplanationTerm.Euros("amount", newTotal)],
                },
                ByBudgetYear = member.ByBudgetYear is null ? null : contributions,
                ContributionByBudgetYear = contributions,
            };
        }
        return new SharedCeilingResult(ceiling.Id, ceiling.Name, ceiling.FunderIds, ceiling.Scope, ceiling.Sharing, ceilingTotal,
            beforeTotal, afterTotal, yearRows, new Explanation("sharedCeiling", sentence, terms));
    }

    /// <summary>An amount given per year brought down to <paramref name="total"/>, keeping its years' proportions (never more in any year).</summary>
    private static Money[] ShareOfYears(Money total, Money[] years) =>
        total.IsZero || years.All(y => y.IsZero) ? new Money[years.Length] : LargestRemainder.Split(total, years.Select(y => y.TotalCents).ToArray());

    /// <summary>The ceiling on a cost: the smaller of rate × cost (rounded by the plan's policy) and the amount.</summary>
    private static (Money Limit, string Text) Limit(SharedCeiling ceiling, Money cost, RoundingPolicy policy)
    {
        Money? byRate = null;
        string? rateText = null;
        if (ceiling.Rate is { } rate)
        {
            decimal exact = rate.ExactOf(cost);
            byRate = policy.RoundToCents(exact);
            rateText = $"{FrenchFormat.Rate(rate, 6)} de {FrenchFormat.Money(cost)} = {PlanEvaluator.Rounded(exact, byRate.Value, policy)}";
        }
        return (byRate, ceiling.Amount) switch
        {
            ({ } r, { } a) => (Money.Min(r, a), $"plafond {FrenchFormat.Money(Money.Min(r, a))} (le plus petit de {rateText} et de {FrenchFormat.Money(a)})"),
            ({ } r, null) => (r, $"plafond {rateText}"),
            (null, { } a) => (a, $"plafond {FrenchFormat.Money(a)}"),
            _ => throw new ArgumentException("A shared ceiling needs a rate or an amount.", nameof(ceiling)),
        };
    }

    /// <summary>Brings the amounts down to <paramref name="limit"/> (below their sum).</summary>
    private static Money[] Share(Money[] amounts, Money limit, CeilingSharing sharing)
    {
        if (sharing == CeilingSharing.ProRata)
        {
            return LargestRemainder.Split(limit, amounts.Select(a => a.TotalCents).ToArray());
        }
        var result = new Money[amounts.Length];
        var room = limit;
        for (int m = 0; m < amounts.Length; m++)
        {
            result[m] = Money.Min(amounts[m], room);
            room -= result[m];
        }
        return result;
    }
}
