using Funding.Allocation;
using Funding.Formatting;
using Funding.Plans;
using NodaTime;

namespace Funding.Schedules;

/// <summary>
/// Builds the payment schedules of an evaluated plan: each funder's payments, the budget-year table and the carrier's
/// treasury. Every split goes through the exact allocation engine, so payments always sum to the funder's total.
/// </summary>
internal static class ScheduleBuilder
{
    
    internal static ScheduleResult Build(Plan plan, PlanFigures result, PeriodCalendar calendar, bool explain = true)
    {
        var period = calendar.Period;
        var annualAmounts = AnnualAmounts(plan, period);
        var funders = result.Funders
            .Select(f => new FunderSchedule(f.Id, f.Name, f.Payment, f.Total,
                f.Payment is PerBudgetYearPayment perYear && f.ByBudgetYear is { } years
                    ? GivenYears(years, period, perYear, explain)
                    : Payments(f, calendar, plan.Cost.ProrataBasis, annualAmounts.TryGetValue(f.Id, out var annual) ? annual : null, explain)))
            .ToArray();
        var table = BuildTable(result, funders);
        var treasury = BuildTreasury(result, calendar, funders);
        return new ScheduleResult(funders, table, treasury);
    }

    /// <summary>The annual amount of funders with a fixed annual rule whose total is exactly annual × months / 12.</summary>
    private static Dictionary<string, Money> AnnualAmounts(Plan plan, FundingPeriod period) =>
        plan.Funders
            .Where(f => f.Rule.PromisedAnnualAmount is { } annual && period.Prorate(annual) % 0.01m == 0m)
            .ToDictionary(f => f.Id, f => f.Rule.PromisedAnnualAmount!.Value, StringComparer.Ordinal);

    private static IReadOnlyList<Payment> Payments(FunderResult funder, PeriodCalendar calendar, ProrataBasis costBasis, Money? annualAmount, bool explain)
    {
        var period = calendar.Period;
        var total = funder.Total;
        if (total.IsZero)
        {
            return [];
        }
        switch (funder.Payment)
        {
            case OncePayment once:
            {
                var date = once.Date ?? period.Start;
                return [new Payment(date, date.Year, total, PaymentKind.OneOff, explain ? $"Versement unique le {FrenchFormat.Date(date)} : {FrenchFormat.Money(total)}." : "")];
            }
            case PerBudgetYearPayment perYear:
            {
                var basis = perYear.Prorata ?? costBasis;
                var shares = BudgetYears.Split(total, calendar, basis);
                bool useAnnual = basis == ProrataBasis.Months && annualAmount is not null;
                return shares
                    .Where(s => !s.Amount.IsZero)
                    .Select(s =>
                    {
                        var date = YearPaymentDate(s.Year, period, perYear.PayOn);
                        return new Payment(date, s.Year, s.Amount, PaymentKind.Annual,
                            explain ? s.Sentence($"Versement du {FrenchFormat.Date(date)} pour l'exercice ", total, useAnnual ? annualAmount : null) : "");
                    })
                    .ToArray();
            }
            case AdvanceAndBalancePayment advance:
                return AdvanceAndBalance(total, advance, period, explain);
            case MonthlyPayment:
            {
                var parts = LargestRemainder.SplitEqually(total, period.Months);
                decimal exact = total.Amount / period.Months;
                // As in the other modes, a month whose share rounds to nothing (a few cents over many months) is no payment.
                return parts.Select((amount, i) => (amount, i))
                    .Where(x => !x.amount.IsZero)
                    .Select(x =>
                    {
                        var (amount, i) = x;
                        var date = calendar.MonthStarts[i];
                        if (!explain)
                        {
                            return new Payment(date, date.Year, amount, PaymentKind.Monthly, "");
                        }
                        string computed = exact == amount.Amount ? FrenchFormat.Money(amount) : $"{FrenchFormat.ExactMoney(exact)}, soit {FrenchFormat.Money(amount)}";
                        return new Payment(date, date.Year, amount, PaymentKind.Monthly,
                            $"Mensualité {i + 1}/{period.Months} du {FrenchFormat.Date(date)} : {FrenchFormat.Money(total)} / {period.Months} = {computed}.");
                    }).ToArray();
            }
            default:
                throw new ArgumentException($"Unknown payment mode {funder.Payment.GetType().Name}.", nameof(funder));
        }
    }

    /// <summary>Amounts fixed per budget year, paid per budget year: each year's payment is that year's amount, as given.</summary>
    private static Payment[] GivenYears(IReadOnlyList<BudgetYearAmount> years, FundingPeriod period, PerBudgetYearPayment mode, bool explain) =>
        years.Where(y => !y.Amount.IsZero).OrderBy(y => y.Year).Select(y =>
        {
            var date = YearPaymentDate(y.Year, period, mode.PayOn);
            return new Payment(date, y.Year, y.Amount, PaymentKind.Annual,
                explain ? $"Versement du {FrenchFormat.Date(date)} pour l'exercice {y.Year} : montant de l'exercice, {FrenchFormat.Money(y.Amount)}." : "");
        }).ToArray();

    /// <summary>Each year's payment date: the stated day of the year, never before the period starts; else the start of the year's part.</summary>
    private static LocalDate YearPaymentDate(int year, FundingPeriod period, AnnualDate? payOn)
    {
        var yearStart = year == period.Start.Year ? period.Start : new LocalDate(year, 1, 1);
        if (payOn is not { } day)
        {
            return yearStart;
        }
        var stated = day.InYear(year);
        return stated < period.Start ? period.Start : stated;
    }

    private static List<Payment> AdvanceAndBalance(Money total, AdvanceAndBalancePayment mode, FundingPeriod period, bool explain)
    {
        // Shares in millionths of a percent: the advance, each installment, then the balance takes the rest.
        var installments = mode.Installments ?? [];
        var weights = new List<long> { Millionths(mode.Advance) };
        weights.AddRange(installments.Select(i => Millionths(i.Share)));
        long balanceWeight = 100_000_000L - weights.Sum();
        weights.Add(balanceWeight);
        var amounts = LargestRemainder.Split(total, weights.ToArray());

        var payments = new List<Payment>();
        Money paid = Money.Zero;
        void Add(LocalDate date, Money amount, PaymentKind kind, Func<string> sentence)
        {
            if (!amount.IsZero)
            {
                payments.Add(new Payment(date, date.Year, amount, kind, explain ? sentence() : ""));
            }
            paid += amount;
        }
        Add(period.Start, amounts[0], PaymentKind.Advance, () =>
            $"Avance de {FrenchFormat.Rate(mode.Advance, 6)} le {FrenchFormat.Date(period.Start)} : {FrenchFormat.Rate(mode.Advance, 6)} × {FrenchFormat.Money(total)} = {Computed(total, mode.Advance, amounts[0])}.");
        for (int k = 0; k < installments.Count; k++)
        {
            var installment = installments[k];
            int n = k;
            Add(installment.Date, amounts[k + 1], PaymentKind.Installment, () =>
                $"Acompte {n + 1} de {FrenchFormat.Rate(installment.Share, 6)} le {FrenchFormat.Date(installment.Date)} : {FrenchFormat.Rate(installment.Share, 6)} × {FrenchFormat.Money(total)} = {Computed(total, installment.Share, amounts[n + 1])}.");
        }
        var balanceDate = mode.BalanceDate ?? period.End;
        var balance = amounts[^1];
        var paidBefore = paid;
        Add(balanceDate, balance, PaymentKind.Balance, () =>
            $"Solde le {FrenchFormat.Date(balanceDate)} : {FrenchFormat.Money(total)} − {FrenchFormat.Money(paidBefore)} déjà versés = {FrenchFormat.Money(balance)}.");
        return payments;
    }

    private static long Millionths(Rate rate) => (long)(rate.PercentValue * 1_000_000m);

    private static string Computed(Money total, Rate rate, Money amount)
    {
        decimal exact = rate.ExactOf(total);
        return exact == amount.Amount ? FrenchFormat.Money(amount) : $"{FrenchFormat.ExactMoney(exact)}, soit {FrenchFormat.Money(amount)}";
    }

    private static BudgetYearTable BuildTable(PlanFigures result, IReadOnlyList<FunderSchedule> schedules)
    {
        var costYears = result.CostByBudgetYear.Select(c => c.Year);
        var paymentYears = schedules.SelectMany(s => s.Payments).Select(p => p.BudgetYear);
        var allYears = costYears.Concat(paymentYears).ToArray();
        int first = allYears.Min();
        int last = allYears.Max();
        var years = Enumerable.Range(first, last - first + 1).ToArray();

        Money[] OnYears<T>(IEnumerable<T> items, Func<T, int> year, Func<T, Money> amount)
        {
            var amounts = new Money[years.Length];
            foreach (var item in items)
            {
                amounts[year(item) - first] += amount(item);
            }
            return amounts;
        }

        var rows = schedules.Select((s, i) => new BudgetYearRow(s.FunderId, s.Name,
            OnYears(s.Payments, p => p.BudgetYear, p => p.Amount), s.Total,
            OnYears(result.Funders[i].ContributionByBudgetYear, c => c.Year, c => c.Amount))).ToArray();
        var yearTotals = years.Select((_, i) => rows.Sum(r => r.Amounts[i])).ToArray();
        var contributionTotals = years.Select((_, i) => rows.Sum(r => r.Contributions[i])).ToArray();
        var cost = OnYears(result.CostByBudgetYear, c => c.Year, c => c.Amount);
        return new BudgetYearTable(years, rows, yearTotals, rows.Sum(r => r.Total), cost, contributionTotals,
            OnYears(result.BudgetYears, b => b.Year, b => b.OverFunding), OnYears(result.BudgetYears, b => b.Year, b => b.Unfunded));
    }

    private static TreasuryProjection BuildTreasury(PlanFigures result, PeriodCalendar calendar, IReadOnlyList<FunderSchedule> schedules)
    {
        var period = calendar.Period;
        var receipts = schedules.Where(s => s.FunderId != result.CarrierId).SelectMany(s => s.Payments).ToArray();
        var own = schedules.Where(s => s.FunderId == result.CarrierId).SelectMany(s => s.Payments).ToArray();

        // Months run from the first cost or payment to the last, as offsets from the first.
        var firstMonth = period.Start.ToYearMonth();
        var lastMonth = calendar.MonthStarts[^1].ToYearMonth();
        foreach (var payment in receipts.Concat(own))
        {
            var month = payment.Date.ToYearMonth();
            firstMonth = month < firstMonth ? month : firstMonth;
            lastMonth = month > lastMonth ? month : lastMonth;
        }
        foreach (var yearCost in result.CostByBudgetYear)
        {
            if (!yearCost.Amount.IsZero && MonthsIn(calendar, yearCost.Year) == 0)
            {
                // A year where no month of the period begins (a period ending on 14 January, by days) pays its cost in January.
                var january = new YearMonth(yearCost.Year, 1);
                firstMonth = january < firstMonth ? january : firstMonth;
                lastMonth = january > lastMonth ? january : lastMonth;
            }
        }
        int Offset(YearMonth month) => ((month.Year - firstMonth.Year) * 12) + month.Month - firstMonth.Month;
        int count = Offset(lastMonth) + 1;
        var costByMonth = new Money[count];
        var receiptsByMonth = new Money[count];

        // Cost paid out: each budget year's cost spread equally over the months of the period that begin in it (or, for a
        // year where no month begins, its January).
        foreach (var yearCost in result.CostByBudgetYear)
        {
            if (yearCost.Amount.IsZero)
            {
                continue;
            }
            int monthsInYear = MonthsIn(calendar, yearCost.Year);
            if (monthsInYear == 0)
            {
                costByMonth[Offset(new YearMonth(yearCost.Year, 1))] += yearCost.Amount;
                continue;
            }
            var parts = LargestRemainder.SplitEqually(yearCost.Amount, monthsInYear);
            int part = 0;
            foreach (var start in calendar.MonthStarts)
            {
                if (start.Year == yearCost.Year)
                {
                    costByMonth[Offset(start.ToYearMonth())] += parts[part++];
                }
            }
        }
        foreach (var payment in receipts)
        {
            receiptsByMonth[Offset(payment.Date.ToYearMonth())] += payment.Amount;
        }
        var ownByMonth = new Money[count];
        foreach (var payment in own)
        {
            ownByMonth[Offset(payment.Date.ToYearMonth())] += payment.Amount;
        }

        var months = new List<TreasuryMonth>(count);
        var deficitMonths = new List<YearMonth>();
        Money balance = Money.Zero;
        Money withOwn = Money.Zero;
        Money largestDeficit = Money.Zero;
        Money largestDeficitWithOwn = Money.Zero;
        YearMonth? largestDeficitMonth = null;
        YearMonth? largestDeficitWithOwnMonth = null;
        for (int i = 0; i < count; i++)
        {
            var month = firstMonth.PlusMonths(i);
            balance = balance + receiptsByMonth[i] - costByMonth[i];
            withOwn = withOwn + receiptsByMonth[i] + ownByMonth[i] - costByMonth[i];
            months.Add(new TreasuryMonth(month, costByMonth[i], receiptsByMonth[i], balance, ownByMonth[i], withOwn));
            if (-withOwn > largestDeficitWithOwn)
            {
                largestDeficitWithOwn = -withOwn;
                largestDeficitWithOwnMonth = month;
            }
            if (balance.IsNegative)
            {
                deficitMonths.Add(month);
                if (-balance > largestDeficit)
                {
                    largestDeficit = -balance;
                    largestDeficitMonth = month;
                }
            }
        }

        var totalCost = months.Sum(m => m.Cost);
        var totalReceipts = months.Sum(m => m.Receipts);
        string whose = result.CarrierId is { } carrierId ? $"du porteur, {result.Funder(carrierId).Name}," : "du projet";
        string sentence = largestDeficitMonth is { } worst
            ? $"La trésorerie {whose} est négative {FrenchProse.Count(deficitMonths.Count, "mois", "mois")} ; le besoin de trésorerie maximal est de {FrenchFormat.Money(largestDeficit)} fin {FrenchFormat.Month(worst)}."
            : $"La trésorerie {whose} reste positive ou nulle chaque mois.";
        sentence += $" Solde en fin de période : {FrenchFormat.Money(totalReceipts)} reçus − {FrenchFormat.Money(totalCost)} dépensés = {FrenchFormat.Money(balance)}.";
        if (result.CarrierId is not null)
        {
            sentence += largestDeficitWithOwnMonth is { } worstWithOwn
                ? $" En versant sa propre part selon son échéancier, le porteur doit encore préfinancer jusqu'à {FrenchFormat.Money(largestDeficitWithOwn)} (fin {FrenchFormat.Month(worstWithOwn)})."
                : " En versant sa propre part selon son échéancier, le porteur n'a rien à préfinancer.";
        }
        return new TreasuryProjection(result.CarrierId, months, totalCost, totalReceipts, balance, largestDeficit, largestDeficitMonth, deficitMonths, largestDeficitWithOwn, sentence);
    }

    private static int MonthsIn(PeriodCalendar calendar, int year)
    {
        int index = year - calendar.FirstYear;
        return index >= 0 && index < calendar.MonthsByYear.Length ? calendar.MonthsByYear[index] : 0;
    }
}
