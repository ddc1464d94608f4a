using System.Globalization;
using Funding.Formatting;
using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Execution;

/// <summary>
/// Computes what each funder owes on the actual expenses of a voted plan and the balance with what it paid.
/// </summary>
/// <remarks>
/// The plan is evaluated again on the actual expenses, each funder's rule adjusted by its terms: a rate capped at the
/// grant applies to the actual expense within the planned base and never gives more than the amount granted; a fixed
/// contribution is due as promised or, « au prorata », grant × actual / planned expenses (rounded by the plan's
/// policy); a group's pool follows its rule on what is actually left and is split again by its key; the remainder
/// funder closes the plan. Every due therefore has its explanation, and dues sum to the actual expenses (or the
/// over-funding or unfunded part says why).
/// </remarks>
public static class ExecutionEvaluator
{
    /// <summary>Evaluates the execution of a plan.</summary>
    /// <param name="plan">The voted plan.</param>
    /// <param name="input">Actual expenses and receipts.</param>
    /// <returns>Dues, receipts and balances.</returns>
    /// <exception cref="FundingValidationException">The plan or the input is not valid.</exception>
    public static ExecutionResult Evaluate(Plan plan, ExecutionInput input)
    {
        Preconditions.CheckNotNull(input);
        var planned = PlanEvaluator.Evaluate(plan);
        var years = planned.CostByBudgetYear.Select(c => c.Year).ToArray();
        Validate(planned, input, years);

        var monthly = input.MonthlyExpenses ?? [];
        var actualYears = years.Select(y => new BudgetYearAmount(y, monthly.Count > 0
            ? monthly.Where(m => m.Month.Year == y).Sum(m => m.Amount)
            : input.ActualExpenses.Where(a => a.Year == y).Sum(a => a.Amount))).ToArray();
        var actualTotal = actualYears.Sum(y => y.Amount);
        var plannedTotal = planned.TotalCost;
        static ExecutionTerms TermsOf(Funder f) => f.Execution ?? ExecutionTerms.DefaultFor(f.Kind);

        // Each funder's due is its own rule's, on the actual expenses (RuleDue): no rule is rewritten into another. A shared
        // ceiling is an envelope granted together: its funders never owe more than their share of it.
        var inCeiling = plan.SharedCeilings.SelectMany(c => c.FunderIds).ToHashSet(StringComparer.Ordinal);
        var inYearlyCeiling = plan.SharedCeilings.Where(c => c.Scope == CapScope.BudgetYear).SelectMany(c => c.FunderIds).ToHashSet(StringComparer.Ordinal);
        var start = plan.Cost.Period.Start;
        var actualPlan = plan with { Cost = new PerBudgetYearCost(actualYears, new LocalDate(start.Year, start.Month, 1)) };
        PlanResult actual;
        try
        {
            // Not validated again: the voted plan is, and the actual expenses are checked above (the actual plan's period
            // runs to the end of its last budget year, where the rules keep the voted period's terms).
            actual = PlanEvaluator.Result(PlanEvaluator.Run(actualPlan, (rule, evaluation) =>
            {
                var funder = evaluation.Funder;
                bool shares = inCeiling.Contains(funder.Id);
                var terms = shares ? TermsOf(funder) with { CapAtGrant = true } : TermsOf(funder);
                rule.Due(new RuleDue(evaluation, planned, terms, shares, inYearlyCeiling.Contains(funder.Id), actualTotal));
            }), ExplanationDepth.Full);
        }
        catch (FundingValidationException ex)
        {
            // The voted plan is valid: only the actual figures can make it fail (a total beyond the supported magnitude).
            throw new FundingValidationException(ex.Errors.Select(e => e with { Field = FieldPath.Of(monthly.Count > 0 ? "monthlyExpenses" : "actualExpenses") }).ToArray());
        }
        var received = input.Receipts.GroupBy(r => r.FunderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);

        var result = actual.Funders.Select(due =>
        {
            var paid = received.TryGetValue(due.Id, out var sum) ? sum : Money.Zero;
            var balance = due.Total - paid;
            var plannedFunder = planned.Funder(due.Id);
            var granted = plannedFunder.Total;
            // A group member's due follows its group's rule.
            var funder = plan.Funders.First(f => f.Id == (due.GroupId ?? due.Id));
            string how = funder.Rule.DueBasis(new DueBasisContext(TermsOf(funder), granted, actualTotal, plannedTotal));
            string outcome = due.IsCarrier
                ? $"part propre du porteur, qui clôt le plan"
                : balance.IsZero
                    ? "rien ne reste à percevoir ni à reverser"
                    : balance.IsNegative
                        ? $"trop-perçu à reverser : {FrenchFormat.Money(-balance)}"
                        : $"solde à percevoir : {FrenchFormat.Money(balance)}";
            string sentence = $"{FrenchProse.Subject(due.Name)} : {FrenchFormat.Money(due.Total)} {how} (prévu : {FrenchFormat.Money(granted)}) ; reçu {FrenchFormat.Money(paid)} ; {outcome}.";
            var byYear = years.Select((y, k) => new PlannedAndActual(y, plannedFunder.ContributionByBudgetYear[k].Amount, due.ContributionByBudgetYear[k].Amount)).ToArray();
            return new FunderExecution(due.Id, due.Name, granted, due.Total, paid, balance, sentence, byYear, due.IsCarrier);
        }).ToArray();

        var expenses = years.Select((y, k) => new PlannedAndActual(y, planned.CostByBudgetYear[k].Amount, actualYears[k].Amount)).ToArray();
        var treasury = Treasury(planned, actualYears, monthly, input.Receipts);
        var checks = ReceiptChecks(planned, input.Receipts);
        var toClaim = result.Sum(f => f.ToClaim);
        var toPayBack = result.Sum(f => f.ToPayBack);
        string summary = $"Dépenses réalisées : {FrenchFormat.Money(actualTotal)} pour {FrenchFormat.Money(plannedTotal)} prévus ({(actualTotal >= plannedTotal ? "+" : "−")} {FrenchFormat.Money(actualTotal >= plannedTotal ? actualTotal - plannedTotal : plannedTotal - actualTotal)}). "
            + $"Reste à percevoir des financeurs : {FrenchFormat.Money(toClaim)} ; trop-perçus à reverser : {FrenchFormat.Money(toPayBack)}.";
        return new ExecutionResult(planned, plannedTotal, actualTotal, actual, result, expenses, treasury, checks, summary);
    }

    private static void Validate(PlanResult planned, ExecutionInput input, int[] years)
    {
        var errors = new ValidationErrors();
        if (input.ActualExpenses is null || input.Receipts is null)
        {
            errors.Add(FieldPath.Of(input.ActualExpenses is null ? "actualExpenses" : "receipts"), CommonMessages.Missing("La liste manque (null).", "The list is missing."));
            throw new FundingValidationException(errors.ToList());
        }
        if (input.ActualExpenses.Count + (input.MonthlyExpenses?.Count ?? 0) + input.Receipts.Count > FundingLimits.MaxExecutionEntries)
        {
            errors.Add(FieldPath.Of("receipts"), CommonMessages.TooMany(input.ActualExpenses.Count + (input.MonthlyExpenses?.Count ?? 0) + input.Receipts.Count, FundingLimits.MaxExecutionEntries, "dépenses et recettes", "expenses and receipts"));
            throw new FundingValidationException(errors.ToList());
        }
        if (input.ActualExpenses.Count == 0 && input.MonthlyExpenses is not { Count: > 0 })
        {
            errors.Add(FieldPath.Of("actualExpenses"), CommonMessages.Missing(
                "Donnez les dépenses réalisées, par exercice ou par mois : sans elles, rien n'est dû.",
                "Give the actual expenses, by budget year or by month: without them nothing is due."));
        }
        if (input.ActualExpenses.Count > 0 && input.MonthlyExpenses is { Count: > 0 })
        {
            errors.Add(FieldPath.Of("monthlyExpenses"), ErrorCodes.ValueNotAllowed,
                "Donnez les dépenses réalisées par exercice ou par mois, pas les deux.", "Give the actual expenses by budget year or by month, not both.");
        }
        var seen = new HashSet<int>();
        for (int i = 0; i < input.ActualExpenses.Count; i++)
        {
            var year = input.ActualExpenses[i];
            var path = FieldPath.Of("actualExpenses").Item(i);
            if (year is null)
            {
                errors.Add(path, CommonMessages.Missing("Un exercice manque (null).", "A budget year is missing."));
                continue;
            }
            if (!years.Contains(year.Year))
            {
                errors.Add(path.Field("year"), ErrorCodes.PeriodOutOfRange,
                    $"L'exercice {year.Year} est hors de la période du plan, exercices {years[0]} à {years[^1]}.",
                    $"The budget year {year.Year} is outside the plan's period, budget years {years[0]} to {years[^1]}.");
            }
            else if (!seen.Add(year.Year))
            {
                errors.Add(path.Field("year"), ErrorCodes.YearsNotConsecutive, $"L'exercice {year.Year} est donné deux fois.", $"The budget year {year.Year} is given twice.");
            }
            if (year.Amount.IsNegative)
            {
                errors.Add(path.Field("amount"), CommonMessages.Negative(new Subject($"la dépense de {year.Year}", $"the expense of {year.Year}"), year.Amount));
            }
        }
        var months = new HashSet<YearMonth>();
        var period = planned.Plan.Cost.Period;
        var first = period.Start.ToYearMonth();
        var last = period.End.ToYearMonth();
        for (int i = 0; i < (input.MonthlyExpenses?.Count ?? 0); i++)
        {
            var month = input.MonthlyExpenses![i];
            var path = FieldPath.Of("monthlyExpenses").Item(i);
            if (month is null)
            {
                errors.Add(path, CommonMessages.Missing("Un mois manque (null).", "A month is missing."));
                continue;
            }
            if (month.Month < first || month.Month > last)
            {
                // Refused as an expense given by year outside the period is: the same rule whatever the form.
                errors.Add(path.Field("month"), ErrorCodes.PeriodOutOfRange,
                    $"Le mois {month.Month.Month:00}/{month.Month.Year} est hors de la période du plan, de {first.Month:00}/{first.Year} à {last.Month:00}/{last.Year}.",
                    $"The month {month.Month.Year}-{month.Month.Month:00} is outside the plan's period, {first.Year}-{first.Month:00} to {last.Year}-{last.Month:00}.");
            }
            else if (!months.Add(month.Month))
            {
                errors.Add(path.Field("month"), ErrorCodes.YearsNotConsecutive, $"Le mois {month.Month.Month:00}/{month.Month.Year} est donné deux fois.", $"The month {month.Month.Year}-{month.Month.Month:00} is given twice.");
            }
            if (month.Amount.IsNegative)
            {
                errors.Add(path.Field("amount"), CommonMessages.Negative(new Subject("la dépense du mois", "the month's expense"), month.Amount));
            }
        }
        var ids = planned.Funders.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < input.Receipts.Count; i++)
        {
            var receipt = input.Receipts[i];
            var path = FieldPath.Of("receipts").Item(i);
            if (receipt is null)
            {
                errors.Add(path, CommonMessages.Missing("Une recette manque (null).", "A receipt is missing."));
                continue;
            }
            if (!ids.Contains(receipt.FunderId))
            {
                errors.Add(path.Field("funderId"), ErrorCodes.ValueNotAllowed,
                    $"« {receipt.FunderId} » n'est pas un financeur du plan (ni un membre de groupe).", $"'{receipt.FunderId}' is not a funder of the plan (nor a group member).");
            }
            if (receipt.Date.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
            {
                errors.Add(path.Field("date"), ErrorCodes.DateOutOfRange,
                    $"La date {FundingMessage.Fr(receipt.Date)} est hors limites ({FundingLimits.MinYear} à {FundingLimits.MaxYear}).",
                    $"The date {FundingMessage.En(receipt.Date)} is out of range ({FundingLimits.MinYear} to {FundingLimits.MaxYear}).");
            }
            if (receipt.Reference is { } reference && TextRules.TextProblem(reference, multiLine: false) is { } problem)
            {
                errors.Add(path.Field("reference"), problem);
            }
        }
        if (!errors.Any)
        {
            // Sums checked before anything is computed: every figure stays within the supported magnitude.
            decimal spent = input.ActualExpenses.Sum(y => y.Amount.Amount) + (input.MonthlyExpenses?.Sum(m => m.Amount.Amount) ?? 0m);
            decimal moved = input.Receipts.Sum(r => Math.Abs(r.Amount.Amount));
            var max = Money.MaxValue.Amount;
            foreach (var (total, field, french, english) in new[]
            {
                (spent, input.MonthlyExpenses is { Count: > 0 } ? "monthlyExpenses" : "actualExpenses", "Les dépenses réalisées font ensemble", "The actual expenses add up to"),
                (moved, "receipts", "Les recettes font ensemble", "The receipts add up to"),
            })
            {
                if (total > max)
                {
                    errors.Add(FieldPath.Of(field), ErrorCodes.AmountOutOfRange,
                        $"{french} {FrenchFormat.Number(total, 2)} €, au-delà des {FrenchFormat.Money(Money.MaxValue)} pris en charge.",
                        $"{english} {total.ToString("0.00", CultureInfo.InvariantCulture)} €, beyond the supported {FundingMessage.En(Money.MaxValue)}.");
                }
            }
        }
        if (errors.Any)
        {
            throw new FundingValidationException(errors.ToList());
        }
    }

    /// <summary>
    /// The carrier's actual treasury: spent each month (the months given, or each year's expense spread equally over the
    /// plan's months in that year), received from the other funders by the receipts' dates, beside the forecast balance.
    /// </summary>
    private static ActualTreasuryMonth[] Treasury(PlanResult planned, BudgetYearAmount[] actualYears, IReadOnlyList<MonthExpense> monthly, IReadOnlyList<Receipt> receipts)
    {
        var spent = new Dictionary<YearMonth, Money>();
        void Add(Dictionary<YearMonth, Money> into, YearMonth month, Money amount) => into[month] = (into.TryGetValue(month, out var m) ? m : Money.Zero) + amount;
        var period = planned.Plan.Cost.Period;
        var periodMonths = Enumerable.Range(0, period.Months).Select(i => period.Start.PlusMonths(i).ToYearMonth()).ToArray();
        if (monthly.Count > 0)
        {
            foreach (var m in monthly)
            {
                Add(spent, m.Month, m.Amount);
            }
        }
        else
        {
            foreach (var year in actualYears.Where(y => !y.Amount.IsZero))
            {
                var months = periodMonths.Where(m => m.Year == year.Year).ToArray();
                if (months.Length == 0)
                {
                    Add(spent, new YearMonth(year.Year, 1), year.Amount);
                    continue;
                }
                var parts = Allocation.LargestRemainder.SplitEqually(year.Amount, months.Length);
                for (int i = 0; i < months.Length; i++)
                {
                    Add(spent, months[i], parts[i]);
                }
            }
        }
        var got = new Dictionary<YearMonth, Money>();
        foreach (var receipt in receipts.Where(r => r.FunderId != planned.CarrierId))
        {
            Add(got, receipt.Date.ToYearMonth(), receipt.Amount);
        }
        var forecast = planned.Schedule.Treasury.Months.ToDictionary(m => m.Month, m => m.Balance);
        var all = spent.Keys.Concat(got.Keys).Concat(forecast.Keys).ToArray();
        if (all.Length == 0)
        {
            return [];
        }
        var first = all.Min();
        var last = all.Max();
        var result = new List<ActualTreasuryMonth>();
        var balance = Money.Zero;
        var lastForecast = Money.Zero;
        for (var month = first; month <= last; month = month.PlusMonths(1))
        {
            var s = spent.TryGetValue(month, out var a) ? a : Money.Zero;
            var r = got.TryGetValue(month, out var b) ? b : Money.Zero;
            balance = balance + r - s;
            lastForecast = forecast.TryGetValue(month, out var f) ? f : lastForecast;
            result.Add(new ActualTreasuryMonth(month, s, r, balance, lastForecast));
        }
        return [.. result];
    }

    /// <summary>
    /// For each funder paying an advance and installments, what it paid before the balance date against the ceilings
    /// in force on the plan's start: the first receipt against the advance ceiling, all of them against the installments
    /// ceiling — both as shares of the amount granted.
    /// </summary>
    private static CheckResult[] ReceiptChecks(PlanResult planned, IReadOnlyList<Receipt> receipts)
    {
        var start = planned.Plan.Cost.Period.Start;
        var advanceCeiling = LegalParameters.AdvanceCeiling.On(start);
        var installmentsCeiling = LegalParameters.InstallmentsCeiling.On(start);
        var withAdvance = planned.Funders.Where(f => f.Payment is AdvanceAndBalancePayment && !f.Total.IsZero).ToArray();
        if (withAdvance.Length == 0 || advanceCeiling is null || installmentsCeiling is null)
        {
            string why = withAdvance.Length == 0 ? "Aucun financeur ne verse d'avance ni d'acompte." : $"Funding ne connaît pas les plafonds en vigueur le {FrenchFormat.Date(start)}.";
            return
            [
                new(ExecutionChecks.AdvanceReceived, CheckOutcome.NotApplicable, why, advanceCeiling?.CitedOn(start) ?? "décret n° 2018-514"),
                new(ExecutionChecks.InstallmentsReceived, CheckOutcome.NotApplicable, why, installmentsCeiling?.CitedOn(start) ?? "décret n° 2018-514"),
            ];
        }
        var advanceOver = new List<string>();
        var installmentsOver = new List<string>();
        foreach (var funder in withAdvance)
        {
            var mode = (AdvanceAndBalancePayment)funder.Payment;
            var balanceDate = mode.BalanceDate ?? planned.Plan.Cost.Period.End;
            var before = receipts.Where(r => r.FunderId == funder.Id && r.Date < balanceDate).OrderBy(r => r.Date).ToArray();
            var advanceLimit = mode.AdvanceGuaranteed ? advanceCeiling.Value.Guaranteed : advanceCeiling.Value.Plain;
            var installmentsLimit = planned.Plan.Cost.Period.Months > 48 ? installmentsCeiling.Value.Beyond48Months : installmentsCeiling.Value.UpTo48Months;
            if (before.Length > 0 && Ratio.Of(before[0].Amount, funder.Total).PercentValue > advanceLimit.PercentValue)
            {
                advanceOver.Add($"{funder.Name} : avance de {FrenchFormat.Money(before[0].Amount)}, {FrenchFormat.Rate(Ratio.Of(before[0].Amount, funder.Total))} des {FrenchFormat.Money(funder.Total)} attribués, pour un maximum de {FrenchFormat.Rate(advanceLimit)}");
            }
            var sum = before.Sum(r => r.Amount);
            if (Ratio.Of(sum, funder.Total).PercentValue > installmentsLimit.PercentValue)
            {
                installmentsOver.Add($"{funder.Name} : {FrenchFormat.Money(sum)} reçus avant le solde du {FrenchFormat.Date(balanceDate)}, {FrenchFormat.Rate(Ratio.Of(sum, funder.Total))} des {FrenchFormat.Money(funder.Total)} attribués, pour un maximum de {FrenchFormat.Rate(installmentsLimit)}");
            }
        }
        return
        [
            advanceOver.Count == 0
                ? new(ExecutionChecks.AdvanceReceived, CheckOutcome.Passed, "Les avances reçues restent dans le plafond.", advanceCeiling.CitedOn(start))
                : new(ExecutionChecks.AdvanceReceived, CheckOutcome.Failed, "Avance reçue au-delà du plafond : " + string.Join(" ; ", advanceOver) + ".", advanceCeiling.CitedOn(start)),
            installmentsOver.Count == 0
                ? new(ExecutionChecks.InstallmentsReceived, CheckOutcome.Passed, "Avances et acomptes reçus avant le solde restent dans le plafond.", installmentsCeiling.CitedOn(start))
                : new(ExecutionChecks.InstallmentsReceived, CheckOutcome.Failed, "Avances et acomptes reçus au-delà du plafond : " + string.Join(" ; ", installmentsOver) + ".", installmentsCeiling.CitedOn(start)),
        ];
    }
}
