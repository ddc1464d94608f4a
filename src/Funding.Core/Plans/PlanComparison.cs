using Funding.Formatting;

namespace Funding.Plans;

/// <summary>
/// What changes between two plans ("what if the cap is 100 000 €, the post starts in January, a new EPCI joins?"):
/// per funder and per total, with both explanations.
/// </summary>
public sealed record PlanComparison(
    PlanResult BaselineResult,
    PlanResult VariantResult,
    IReadOnlyList<FunderDelta> Funders,
    AmountDelta TotalCost,
    AmountDelta TotalFunded,
    AmountDelta PublicFunding,
    AmountDelta CarrierShare,
    AmountDelta Unfunded,
    AmountDelta OverFunding,
    IReadOnlyList<CheckChange> Checks)
{
    /// <summary>Evaluates and compares two plans.</summary>
    /// <param name="baseline">The reference plan.</param>
    /// <param name="variant">The changed plan.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="FundingValidationException">A plan is not valid (paths are prefixed with <c>baseline.</c> or <c>variant.</c>).</exception>
    public static PlanComparison Compare(Plan baseline, Plan variant) =>
        Compare(EvaluatePrefixed(baseline, "baseline"), EvaluatePrefixed(variant, "variant"));

    /// <summary>Compares two evaluated plans.</summary>
    /// <param name="baseline">The reference result.</param>
    /// <param name="variant">The changed result.</param>
    /// <returns>The comparison.</returns>
    public static PlanComparison Compare(PlanResult baseline, PlanResult variant)
    {
        Preconditions.CheckNotNull(baseline);
        Preconditions.CheckNotNull(variant);
        var before = baseline.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var after = variant.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var ids = variant.Funders.Select(f => f.Id).Concat(baseline.Funders.Select(f => f.Id).Where(id => !after.ContainsKey(id)));
        var funders = ids.Select(id =>
        {
            before.TryGetValue(id, out var b);
            after.TryGetValue(id, out var a);
            var from = b?.Total ?? Money.Zero;
            var to = a?.Total ?? Money.Zero;
            string name = a?.Name ?? b!.Name;
            var years = Years(baseline, b, variant, a);
            var status = b is null ? DeltaStatus.Added
                : a is null ? DeltaStatus.Removed
                : from != to ? DeltaStatus.Changed
                : years.All(y => y.Unchanged) ? DeltaStatus.Unchanged
                : DeltaStatus.Rescheduled;
            string sentence = status switch
            {
                DeltaStatus.Added => $"{name} : nouveau financeur, {FrenchFormat.Money(to)}.",
                DeltaStatus.Removed => $"{name} : retiré du plan ({FrenchFormat.Money(from)} auparavant).",
                DeltaStatus.Unchanged => $"{name} : inchangé, {FrenchFormat.Money(to)}.",
                DeltaStatus.Rescheduled => $"{name} : total inchangé, {FrenchFormat.Money(to)}, mais réparti autrement entre les exercices{Moves(years)}.",
                _ => $"{name} : {FrenchFormat.Money(from)} → {FrenchFormat.Money(to)} ({FormatDelta(to - from)}).",
            };
            return new FunderDelta(id, name, from, to, to - from, status, sentence, b?.Explanation, a?.Explanation, years);
        }).ToArray();

        var baselineChecks = baseline.Checks.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var checks = variant.Checks
            .Where(c => baselineChecks.TryGetValue(c.Id, out var old) && old.Outcome != c.Outcome)
            .Select(c => new CheckChange(c.Id, baselineChecks[c.Id].Outcome, c.Outcome, c.Message))
            .ToArray();

        return new PlanComparison(
            baseline,
            variant,
            funders,
            new AmountDelta(baseline.TotalCost, variant.TotalCost),
            new AmountDelta(baseline.TotalFunded, variant.TotalFunded),
            new AmountDelta(baseline.PublicFunding, variant.PublicFunding),
            new AmountDelta(baseline.CarrierShare, variant.CarrierShare),
            new AmountDelta(baseline.Unfunded, variant.Unfunded),
            new AmountDelta(baseline.OverFunding, variant.OverFunding),
            checks);
    }

    /// <summary>A funder's contribution and payment in each budget year of either plan, before and after.</summary>
    private static FunderYearDelta[] Years(PlanResult baseline, FunderResult? before, PlanResult variant, FunderResult? after)
    {
        var contributionsBefore = Contributions(before);
        var contributionsAfter = Contributions(after);
        var paymentsBefore = Payments(baseline, before);
        var paymentsAfter = Payments(variant, after);
        return contributionsBefore.Keys.Concat(contributionsAfter.Keys).Concat(paymentsBefore.Keys).Concat(paymentsAfter.Keys)
            .Distinct().Order()
            .Select(year => new FunderYearDelta(year,
                contributionsBefore.GetValueOrDefault(year, Money.Zero), contributionsAfter.GetValueOrDefault(year, Money.Zero),
                paymentsBefore.GetValueOrDefault(year, Money.Zero), paymentsAfter.GetValueOrDefault(year, Money.Zero)))
            .ToArray();
    }

    private static Dictionary<int, Money> Contributions(FunderResult? funder) =>
        funder is null ? [] : funder.ContributionByBudgetYear.ToDictionary(y => y.Year, y => y.Amount);

    private static Dictionary<int, Money> Payments(PlanResult result, FunderResult? funder) =>
        funder is null || result.Schedule.Funders.FirstOrDefault(s => s.FunderId == funder.Id) is not { } schedule
            ? []
            : schedule.Payments.GroupBy(p => p.BudgetYear).ToDictionary(g => g.Key, g => g.Select(p => p.Amount).Sum());

    /// <summary>« : contribution 2022 30 000,00 € → 13 333,33 € (-16 666,67 €), … ; versements 2023 … »: the years that moved.</summary>
    private static string Moves(IReadOnlyList<FunderYearDelta> years)
    {
        var contributions = years.Where(y => y.ContributionDelta != Money.Zero)
            .Select(y => $"{y.Year} {FrenchFormat.Money(y.BaselineContribution)} → {FrenchFormat.Money(y.VariantContribution)} ({FormatDelta(y.ContributionDelta)})").ToArray();
        var payments = years.Where(y => y.PaymentDelta != Money.Zero)
            .Select(y => $"{y.Year} {FrenchFormat.Money(y.BaselinePayment)} → {FrenchFormat.Money(y.VariantPayment)} ({FormatDelta(y.PaymentDelta)})").ToArray();
        var parts = new List<string>(2);
        if (contributions.Length > 0)
        {
            parts.Add("contribution " + string.Join(", ", contributions));
        }
        if (payments.Length > 0)
        {
            parts.Add("versements " + string.Join(", ", payments));
        }
        return " : " + string.Join(" ; ", parts);
    }

    /// <summary>A signed amount: « +1 000,00 € », « -5 796,75 € », « 0,00 € ».</summary>
    /// <param name="delta">The difference.</param>
    /// <returns>The formatted difference.</returns>
    public static string FormatDelta(Money delta) => delta > Money.Zero ? "+" + FrenchFormat.Money(delta) : FrenchFormat.Money(delta);

    private static PlanResult EvaluatePrefixed(Plan plan, string prefix)
    {
        try
        {
            return PlanEvaluator.Evaluate(plan);
        }
        catch (FundingValidationException ex)
        {
            throw new FundingValidationException(ex.Errors.Select(e => e with { Field = FieldPath.Of(prefix).Append(e.Field) }).ToArray());
        }
    }
}
