using Funding.Allocation;
using Funding.Plans;

namespace Funding.Engine;

/// <summary>
/// What is left to fund in each budget year as the waterfall goes: it starts at each year's cost and decreases by each
/// contribution to that year. Positive: still to fund; negative: over-funded that year.
/// </summary>
/// <remarks>
/// A contribution given for the whole period funds each year in proportion to what is still to fund in that year when its
/// rule applies (for the first funder, in proportion to the cost): never more than a year still needs, so a year that
/// costs nothing receives nothing. Only a promise beyond everything still to fund spreads its excess over the years in
/// proportion to their cost, and that excess is over-funding. Every split goes through the largest-remainder engine, so
/// a contribution's years always sum to its total.
/// </remarks>
internal sealed class YearLedger
{
    private readonly Money[] _left;
    private readonly long[] _costWeights;

    internal YearLedger(IReadOnlyList<BudgetYearCost> costByYear, long[] fallbackWeights)
    {
        int years = costByYear.Count;
        Years = new int[years];
        Cost = new Money[years];
        _left = new Money[years];
        var weights = new long[years];
        bool anyCost = false;
        for (int k = 0; k < years; k++)
        {
            Years[k] = costByYear[k].Year;
            Cost[k] = _left[k] = costByYear[k].Amount;
            weights[k] = Cost[k].TotalCents;
            anyCost |= !Cost[k].IsZero;
        }
        _costWeights = anyCost ? weights
            : fallbackWeights.Any(w => w > 0) ? fallbackWeights
            : [1, .. new long[years - 1]];
    }

    /// <summary>The budget years, in order.</summary>
    internal int[] Years { get; }

    /// <summary>Each year's cost.</summary>
    internal Money[] Cost { get; }

    /// <summary>What is left to fund in year <paramref name="k"/> (negative when over-funded).</summary>
    internal Money Left(int k) => _left[k];

    /// <summary>What is still to fund, summed over the years that still need funding.</summary>
    internal Money Available
    {
        get
        {
            long sum = 0;
            foreach (var left in _left)
            {
                sum += Math.Max(left.TotalCents, 0L);
            }
            return Money.FromCents(sum);
        }
    }

    /// <summary>The years still to fund, as at the end of the waterfall: the unfunded part of each year.</summary>
    internal Money[] Unfunded
    {
        get
        {
            var unfunded = new Money[_left.Length];
            for (int k = 0; k < unfunded.Length; k++)
            {
                unfunded[k] = _left[k].IsNegative ? Money.Zero : _left[k];
            }
            return unfunded;
        }
    }

    /// <summary>The years funded beyond their cost: the over-funding of each year.</summary>
    internal Money[] OverFunding
    {
        get
        {
            var overFunding = new Money[_left.Length];
            for (int k = 0; k < overFunding.Length; k++)
            {
                overFunding[k] = _left[k].IsNegative ? -_left[k] : Money.Zero;
            }
            return overFunding;
        }
    }

    /// <summary>
    /// Splits a contribution for the whole period over the years in proportion to what each still needs; beyond
    /// everything still needed, the excess follows the cost.
    /// </summary>
    internal Money[] Attribute(Money total)
    {
        var needs = new long[_left.Length];
        long needed = 0;
        for (int k = 0; k < needs.Length; k++)
        {
            needs[k] = Math.Max(_left[k].TotalCents, 0L);
            needed += needs[k];
        }
        if (total.TotalCents <= needed)
        {
            return needed == 0 ? new Money[Years.Length] : LargestRemainder.Split(total, needs);
        }
        var excess = LargestRemainder.Split(Money.FromCents(total.TotalCents - needed), _costWeights);
        return needs.Select((n, k) => Money.FromCents(n) + excess[k]).ToArray();
    }

    /// <summary>Records a contribution year by year.</summary>
    internal BudgetYearAmount[] Take(IReadOnlyList<Money> amounts)
    {
        var years = new BudgetYearAmount[Years.Length];
        for (int k = 0; k < Years.Length; k++)
        {
            _left[k] -= amounts[k];
            years[k] = new BudgetYearAmount(Years[k], amounts[k]);
        }
        return years;
    }

    /// <summary>Gives back to year <paramref name="k"/> what a shared ceiling took off a contribution.</summary>
    internal void GiveBack(int k, Money amount) => _left[k] += amount;

    /// <summary>The amounts of <paramref name="given"/> on this ledger's years (years it does not list get zero).</summary>
    internal Money[] OnYears(IReadOnlyList<BudgetYearAmount> given)
    {
        var amounts = new Money[Years.Length];
        foreach (var year in given)
        {
            int k = year.Year - Years[0];
            if (k >= 0 && k < amounts.Length)
            {
                amounts[k] += year.Amount;
            }
        }
        return amounts;
    }

    /// <summary>
    /// Splits a group's per-year contributions between its members so that both margins hold exactly: each member's
    /// years sum to its amount, and each year's members sum to the group's amount for that year. Year by year, that year's
    /// amount is split in proportion to what each member has still to place.
    /// </summary>
    internal static Money[][] SplitBetweenMembers(IReadOnlyList<Money> memberTotals, IReadOnlyList<Money> groupByYear)
    {
        int years = groupByYear.Count;
        var result = new Money[memberTotals.Count][];
        var toPlace = new long[memberTotals.Count];
        for (int m = 0; m < result.Length; m++)
        {
            result[m] = new Money[years];
            toPlace[m] = memberTotals[m].TotalCents;
        }
        for (int k = 0; k < years; k++)
        {
            if (groupByYear[k].IsZero)
            {
                continue;
            }
            if (k == years - 1)
            {
                // The last year takes what each member has still to place.
                for (int m = 0; m < result.Length; m++)
                {
                    result[m][k] = Money.FromCents(toPlace[m]);
                    toPlace[m] = 0;
                }
                continue;
            }
            var parts = LargestRemainder.Split(groupByYear[k], toPlace);
            for (int m = 0; m < result.Length; m++)
            {
                result[m][k] = parts[m];
                toPlace[m] -= parts[m].TotalCents;
            }
        }
        return result;
    }
}
