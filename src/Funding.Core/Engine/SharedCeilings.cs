using Funding.Allocation;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Engine;

/// <summary>Applies shared ceilings inside the waterfall: the figures only, each cut recorded on the contribution it reduced.</summary>
internal static class SharedCeilings
{
    internal static CeilingWork Apply(SharedCeiling ceiling, Plan plan, List<Contribution>?[] perFunder, YearLedger ledger, Money totalCost, RoundingPolicy policy)
    {
        var ids = ceiling.FunderIds.ToHashSet(StringComparer.Ordinal);
        var members = Enumerable.Range(0, plan.Funders.Count).Where(i => ids.Contains(plan.Funders[i].Id)).Select(i => perFunder[i]![0]).ToArray();
        int years = ledger.Years.Length;
        var before = members.Select(m => m.ContributionByBudgetYear.Select(y => y.Amount).ToArray()).ToArray();
        var after = before.Select(b => (Money[])b.Clone()).ToArray();
        var yearRows = new List<SharedCeilingYear>();
        var rows = new List<CeilingRow>();
        Money ceilingTotal;
        if (ceiling.Scope == CapScope.BudgetYear)
        {
            ceilingTotal = Money.Zero;
            for (int k = 0; k < years; k++)
            {
                var column = before.Select(b => b[k]).ToArray();
                var row = Limit(ceiling, ledger.Years[k], ledger.Cost[k], column.Sum(), policy);
                if (row.Sum > row.Limit)
                {
                    var shared = Share(column, row.Limit, ceiling.Sharing);
                    for (int m = 0; m < members.Length; m++)
                    {
                        after[m][k] = shared[m];
                    }
                }
                rows.Add(row);
                ceilingTotal += row.Limit;
                yearRows.Add(new SharedCeilingYear(ledger.Years[k], row.Limit, row.Sum, after.Sum(a => a[k])));
            }
        }
        else
        {
            var totals = members.Select(m => m.Total).ToArray();
            var row = Limit(ceiling, null, totalCost, totals.Sum(), policy);
            ceilingTotal = row.Limit;
            if (row.Sum > row.Limit)
            {
                var shared = Share(totals, row.Limit, ceiling.Sharing);
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
            }
            rows.Add(row);
            for (int k = 0; k < years; k++)
            {
                yearRows.Add(new SharedCeilingYear(ledger.Years[k], null, before.Sum(b => b[k]), after.Sum(a => a[k])));
            }
        }

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
            var contributions = new BudgetYearAmount[years];
            for (int k = 0; k < years; k++)
            {
                contributions[k] = new BudgetYearAmount(ledger.Years[k], after[m][k]);
            }
            member.Cut = new CeilingCut(ceiling.Name, ceiling.Scope == CapScope.BudgetYear, ledger.Years, before[m], after[m], cut);
            member.Total = newTotal;
            member.Limit = ContributionLimit.SharedCeiling;
            member.ByBudgetYear = member.ByBudgetYear is null ? null : contributions;
            member.ContributionByBudgetYear = contributions;
        }
        return new CeilingWork(ceiling, members.Select(m => m.Name).ToArray(), [.. rows], ceilingTotal,
            before.Sum(b => b.Sum()), after.Sum(a => a.Sum()), yearRows);
    }

    /// <summary>An amount given per year brought down to <paramref name="total"/>, keeping its years' proportions (never more in any year).</summary>
    private static Money[] ShareOfYears(Money total, Money[] years) =>
        total.IsZero || years.All(y => y.IsZero) ? new Money[years.Length] : LargestRemainder.Split(total, years.Select(y => y.TotalCents).ToArray());

    /// <summary>The ceiling on a cost: the smaller of rate × cost (rounded by the plan's policy) and the amount.</summary>
    private static CeilingRow Limit(SharedCeiling ceiling, int? year, Money cost, Money sum, RoundingPolicy policy)
    {
        decimal exact = 0m;
        Money? byRate = null;
        if (ceiling.Rate is { } rate)
        {
            exact = rate.ExactOf(cost);
            byRate = policy.RoundToCents(exact);
        }
        var limit = (byRate, ceiling.Amount) switch
        {
            ({ } r, { } a) => Money.Min(r, a),
            ({ } r, null) => r,
            (null, { } a) => a,
            _ => throw new ArgumentException("A shared ceiling needs a rate or an amount.", nameof(ceiling)),
        };
        return new CeilingRow(year, cost, exact, byRate, limit, sum);
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
