using Funding.Allocation;
using Funding.Execution;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>
/// What a rule's due on actual expenses sees: the waterfall over the actual expenses (<see cref="Actual"/>), and the
/// voted plan's figures for the funder — its grant, its contribution to each budget year — with its execution terms.
/// </summary>
internal sealed class RuleDue
{
    private readonly PlanResult _planned;

    internal RuleDue(RuleEvaluation actual, PlanResult planned, ExecutionTerms terms, bool inCeiling, bool inYearlyCeiling, Money actualTotal)
    {
        Actual = actual;
        _planned = planned;
        Terms = terms;
        InSharedCeiling = inCeiling;
        InYearlyCeiling = inYearlyCeiling;
        ActualTotal = actualTotal;
    }

    /// <summary>The waterfall over the actual expenses: the due is given through it.</summary>
    internal RuleEvaluation Actual { get; }

    /// <summary>The funder's execution terms (a shared ceiling's funders are always capped at their grant).</summary>
    internal ExecutionTerms Terms { get; }

    /// <summary>Whether the funder shares a ceiling: an envelope granted together, never owed beyond the funder's share.</summary>
    internal bool InSharedCeiling { get; }

    /// <summary>Whether the funder shares a ceiling per budget year: each year's planned amount is that year's grant.</summary>
    internal bool InYearlyCeiling { get; }

    /// <summary>The actual expenses over the period.</summary>
    internal Money ActualTotal { get; }

    /// <summary>The voted plan's period (the actual expenses are given by budget year over the same years).</summary>
    internal FundingPeriod PlannedPeriod => _planned.Plan.Cost.Period;

    /// <summary>The voted plan's total cost.</summary>
    internal Money PlannedTotal => _planned.TotalCost;

    /// <summary>The voted plan's cost of each budget year.</summary>
    internal IReadOnlyList<BudgetYearCost> PlannedCostByYear => _planned.CostByBudgetYear;

    /// <summary>The funder's contribution in the voted plan (for a group, null: its members have one each).</summary>
    internal FunderResult? Planned => _planned.Funders.FirstOrDefault(f => f.Id == Actual.Funder.Id);

    /// <summary>The funder's grant: its contribution in the voted plan.</summary>
    internal Money Granted => Planned?.Total ?? Money.Zero;

    /// <summary>
    /// <c>amount × actual / planned</c> expenses, rounded to the cent by the plan's policy (the amount itself when nothing
    /// was planned).
    /// </summary>
    /// <exception cref="FundingValidationException">The result is beyond the supported magnitude (path <c>actualExpenses</c>).</exception>
    internal Money ProRata(Money amount) => ProRata(amount, ActualTotal, PlannedTotal, Actual.Policy);

    /// <summary>An amount spread over the budget years as the funder's grant was (its planned contributions).</summary>
    internal BudgetYearAmount[] AsGranted(Money amount)
    {
        var planned = Planned!.ContributionByBudgetYear;
        var weights = new long[planned.Count];
        long sum = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] = planned[k].Amount.TotalCents;
            sum += weights[k];
        }
        var amounts = amount.IsZero || sum == 0 ? new Money[weights.Length] : LargestRemainder.Split(amount, weights);
        var years = new BudgetYearAmount[amounts.Length];
        for (int k = 0; k < years.Length; k++)
        {
            years[k] = new BudgetYearAmount(PlannedCostByYear[k].Year, amounts[k]);
        }
        return years;
    }

    /// <summary><c>amount × actual / planned</c>, rounded by <paramref name="policy"/>; <paramref name="amount"/> when nothing was planned.</summary>
    internal static Money ProRata(Money amount, Money actual, Money planned, RoundingPolicy policy)
    {
        if (planned.IsZero)
        {
            return amount;
        }
        var numerator = new System.Numerics.BigInteger(amount.TotalCents) * actual.TotalCents;
        if (System.Numerics.BigInteger.Abs(numerator) >= new System.Numerics.BigInteger(Money.MaxCents) * planned.TotalCents)
        {
            throw new FundingValidationException([new ValidationError(FieldPath.Of("actualExpenses"), new FundingMessage(ErrorCodes.AmountOutOfRange,
                $"Au prorata de dépenses réalisées de {FrenchFormat.Money(actual)} pour {FrenchFormat.Money(planned)} prévus, {FrenchFormat.Money(amount)} deviendraient un montant au-delà des {FrenchFormat.Money(Money.MaxValue)} pris en charge.",
                $"In proportion to actual expenses of {FundingMessage.En(actual)} for {FundingMessage.En(planned)} planned, {FundingMessage.En(amount)} would become an amount beyond the supported {FundingMessage.En(Money.MaxValue)}."))]);
        }
        return Money.FromCents(policy.RoundCents(numerator, planned.TotalCents));
    }
}
