using Funding.Documents.Xlsx;
using Funding.Plans;
using Funding.Reports;
using Funding.Schedules;

namespace Funding.Documents;

/// <summary>
/// An evaluated plan as an XLSX workbook for finance officers: the financing table, the budget-year table, the payment
/// schedule, the carrier's treasury and the checks, one sheet each. Totals, shares, gaps and balances are live formulas
/// over the figures, so that the workbook stays checkable (and recomputes if a figure is changed); each formula's cached
/// value is the plan's own figure, so that a reader that does not recalculate shows the same numbers.
/// </summary>
/// <remarks>
/// Amounts are numbers in euros with the format <c>#,##0.00 "€"</c> (« 11 593,50 € » in a French spreadsheet), shares
/// are fractions with <c>0.00 %</c>, dates are dates. Header rows are frozen and repeated on every printed page; pages are
/// A4 landscape, one page wide, numbered in the footer. The same plan always gives the same bytes.
/// </remarks>
public static class PlanWorkbook
{
    /// <summary>The media type of the workbook.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The names of the sheets, in order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } = ["Plan de financement", "Calcul", "Exercices", "Échéancier", "Trésorerie", "Contrôles"];

    /// <summary>Writes the workbook of <paramref name="result"/>.</summary>
    /// <param name="result">The evaluated plan.</param>
    /// <returns>The XLSX file's bytes.</returns>
    public static byte[] Write(PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = PlanReport.From(result);
        return XlsxBuilder.Build([Financing(result, report.Table), CalculationSheet.Build(result, SheetNames[1]), BudgetYears(result.Schedule.Table), Payments(result), Treasury(result.Schedule.Treasury), Checks(report)], result.Plan.Name);
    }

    /// <summary>
    /// Financeur | Nature | one column per budget year | Total | Part du coût; then the total of the financing, the cost
    /// and the gap between them (zero for a balanced plan).
    /// </summary>
    private static XSheet Financing(PlanResult result, FinancingTable table)
    {
        var sheet = new XSheet(SheetNames[0]);
        int years = table.Years.Count;
        string totalColumn = XlsxBuilder.ColumnName(3 + years);
        sheet.Widths.AddRange([38, 16, .. Enumerable.Repeat(15.0, years), 16, 13]);
        sheet.Add([XCell.Of("Financeur", CellLook.Header), XCell.Of("Nature", CellLook.Header),
            .. table.Years.Select(y => XCell.Of($"Versé en {y}", CellLook.Header)), XCell.Of("Total", CellLook.Header), XCell.Of("Part du coût", CellLook.Header)]);
        int first = sheet.NextRow;
        int last = first + table.Rows.Count - 1;
        int totalRow = last + 1;
        int costRow = last + 2;
        foreach (var row in table.Rows)
        {
            int r = sheet.NextRow;
            string kind = result.Funder(row.FunderId!).Kind.FrenchName();
            sheet.Add([XCell.Of(row.Name), XCell.Of(kind), .. row.ByYear.Select(a => XCell.Money(a)),
                XCell.Calc($"SUM(C{r}:{XlsxBuilder.ColumnName(2 + years)}{r})", row.Amount.Amount, CellLook.Money),
                XCell.Calc($"IF(${totalColumn}${costRow}=0,0,{totalColumn}{r}/${totalColumn}${costRow})", row.ShareOfCost.Fraction, CellLook.Percent)]);
        }
        sheet.Add([XCell.Of("Total des financements", CellLook.Bold), XCell.Empty,
            .. Enumerable.Range(0, years + 1).Select(c => XCell.Calc($"SUM({XlsxBuilder.ColumnName(3 + c)}{first}:{XlsxBuilder.ColumnName(3 + c)}{last})",
                c < years ? table.Total.ByYear[c].Amount : table.Total.Amount.Amount, CellLook.MoneyBold)),
            XCell.Calc($"IF(${totalColumn}${costRow}=0,0,{totalColumn}{totalRow}/${totalColumn}${costRow})", table.Total.ShareOfCost.Fraction, CellLook.PercentBold)]);
        sheet.Add([XCell.Of("Coût du projet", CellLook.Bold), XCell.Empty, .. table.CostByYear.Select(c => XCell.Money(c, CellLook.MoneyBold)),
            XCell.Calc($"SUM(C{costRow}:{XlsxBuilder.ColumnName(2 + years)}{costRow})", table.TotalCost.Amount, CellLook.MoneyBold)]);
        sheet.Add([XCell.Of("Écart (versements − coût)", CellLook.Bold), XCell.Empty,
            .. Enumerable.Range(0, years + 1).Select(c =>
            {
                string column = XlsxBuilder.ColumnName(3 + c);
                decimal gap = (c < years ? table.Total.ByYear[c].Amount - table.CostByYear[c].Amount : table.Total.Amount.Amount - table.TotalCost.Amount);
                return XCell.Calc($"{column}{totalRow}-{column}{costRow}", gap, CellLook.MoneyBold);
            })]);
        sheet.Add();
        sheet.Add(XCell.Of($"Règles de calcul {result.CalculationVersion} — « {result.Plan.Name} »."));
        return sheet;
    }

    /// <summary>
    /// Each funder's payments per budget year, the totals per year and the cost per year; below, the contribution view —
    /// what each funder funds of each year's cost, whatever it pays when — whose totals equal each year's cost plus its
    /// over-funding minus its unfunded part.
    /// </summary>
    private static XSheet BudgetYears(BudgetYearTable table)
    {
        var sheet = new XSheet(SheetNames[2]);
        int years = table.Years.Count;
        sheet.Widths.AddRange([38, .. Enumerable.Repeat(15.0, years), 16]);
        YearBlock(sheet, table, "Financeur", r => r.Amounts, "Total versé", table.YearTotals);
        int costRow = sheet.NextRow;
        sheet.Add([XCell.Of("Coût de l'exercice", CellLook.Bold), .. table.CostByYear.Select(c => XCell.Money(c, CellLook.MoneyBold)),
            XCell.Calc($"SUM(B{costRow}:{XlsxBuilder.ColumnName(1 + years)}{costRow})", table.CostByYear.Sum(c => c.Amount), CellLook.MoneyBold)]);
        sheet.Add();
        YearBlock(sheet, table, "Contribution au coût de l'exercice", r => r.Contributions, "Total des contributions", table.ContributionTotals);
        if (table.OverFundingByYear.Any(o => !o.IsZero))
        {
            sheet.Add([XCell.Of("Surfinancement de l'exercice", CellLook.Bold), .. table.OverFundingByYear.Select(o => XCell.Money(o, CellLook.MoneyBold))]);
        }
        if (table.UnfundedByYear.Any(u => !u.IsZero))
        {
            sheet.Add([XCell.Of("Non financé de l'exercice", CellLook.Bold), .. table.UnfundedByYear.Select(u => XCell.Money(u, CellLook.MoneyBold))]);
        }
        return sheet;
    }

    /// <summary>A header, one row per funder with its amounts by year and their SUM, and a row of column SUMs.</summary>
    private static void YearBlock(XSheet sheet, BudgetYearTable table, string title, Func<BudgetYearRow, IReadOnlyList<Money>> amounts, string totalLabel, IReadOnlyList<Money> totals)
    {
        int years = table.Years.Count;
        sheet.Add([XCell.Of(title, CellLook.Header), .. table.Years.Select(y => XCell.Of(y.ToString(System.Globalization.CultureInfo.InvariantCulture), CellLook.Header)), XCell.Of("Total", CellLook.Header)]);
        int first = sheet.NextRow;
        foreach (var row in table.Rows)
        {
            int r = sheet.NextRow;
            sheet.Add([XCell.Of(row.Name), .. amounts(row).Select(a => XCell.Money(a)),
                XCell.Calc($"SUM(B{r}:{XlsxBuilder.ColumnName(1 + years)}{r})", row.Total.Amount, CellLook.Money)]);
        }
        int last = sheet.NextRow - 1;
        sheet.Add([XCell.Of(totalLabel, CellLook.Bold),
            .. Enumerable.Range(0, years + 1).Select(c => XCell.Calc($"SUM({XlsxBuilder.ColumnName(2 + c)}{first}:{XlsxBuilder.ColumnName(2 + c)}{last})",
                c < years ? totals[c].Amount : table.GrandTotal.Amount, CellLook.MoneyBold))]);
    }

    /// <summary>Every payment: funder, date, budget year, kind, amount and how it was obtained.</summary>
    private static XSheet Payments(PlanResult result)
    {
        var sheet = new XSheet(SheetNames[3]);
        sheet.Widths.AddRange([34, 12, 10, 14, 15, 90]);
        sheet.Add(XCell.Of("Financeur", CellLook.Header), XCell.Of("Date", CellLook.Header), XCell.Of("Exercice", CellLook.Header),
            XCell.Of("Nature", CellLook.Header), XCell.Of("Montant", CellLook.Header), XCell.Of("Calcul", CellLook.Header));
        int first = sheet.NextRow;
        foreach (var schedule in result.Schedule.Funders)
        {
            foreach (var payment in schedule.Payments)
            {
                sheet.Add(XCell.Of(schedule.Name), XCell.Day(payment.Date), XCell.Num(payment.BudgetYear), XCell.Of(KindName(payment.Kind)),
                    XCell.Money(payment.Amount), XCell.Of(payment.Sentence));
            }
        }
        int last = sheet.NextRow - 1;
        decimal total = result.Schedule.Funders.Sum(s => s.Payments.Sum(p => p.Amount.Amount));
        sheet.Add(XCell.Of("Total", CellLook.Bold), XCell.Empty, XCell.Empty, XCell.Empty,
            last >= first ? XCell.Calc($"SUM(E{first}:E{last})", total, CellLook.MoneyBold) : XCell.Money(Money.Zero, CellLook.MoneyBold));
        return sheet;
    }

    private static string KindName(PaymentKind kind) => kind switch
    {
        PaymentKind.OneOff => "Versement unique",
        PaymentKind.Annual => "Annuel",
        PaymentKind.Advance => "Avance",
        PaymentKind.Installment => "Acompte",
        PaymentKind.Balance => "Solde",
        PaymentKind.Monthly => "Mensuel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Month by month: what the carrier pays out, receives, and its cumulative balance (a formula over the months).</summary>
    private static XSheet Treasury(TreasuryProjection treasury)
    {
        var sheet = new XSheet(SheetNames[4]) { Landscape = false };
        sheet.Widths.AddRange([16, 15, 15, 16, 15, 20]);
        sheet.Add(XCell.Of("Mois", CellLook.Header), XCell.Of("Dépenses", CellLook.Header), XCell.Of("Recettes", CellLook.Header),
            XCell.Of("Solde cumulé", CellLook.Header), XCell.Of("Apport propre", CellLook.Header), XCell.Of("Solde avec apports", CellLook.Header));
        foreach (var month in treasury.Months)
        {
            int r = sheet.NextRow;
            bool first = r == 2;
            sheet.Add(XCell.MonthOf(month.Month), XCell.Money(month.Cost), XCell.Money(month.Receipts),
                XCell.Calc(first ? $"C{r}-B{r}" : $"D{r - 1}+C{r}-B{r}", month.Balance.Amount, CellLook.Money),
                XCell.Money(month.OwnContribution),
                XCell.Calc(first ? $"C{r}+E{r}-B{r}" : $"F{r - 1}+C{r}+E{r}-B{r}", month.BalanceWithOwnContributions.Amount, CellLook.Money));
        }
        sheet.Add();
        sheet.Add(XCell.Of(treasury.Sentence, CellLook.Text));
        return sheet;
    }

    private static XSheet Checks(PlanReport report)
    {
        var sheet = new XSheet(SheetNames[5]);
        sheet.Widths.AddRange([26, 14, 80, 50]);
        sheet.Add(XCell.Of("Contrôle", CellLook.Header), XCell.Of("Résultat", CellLook.Header), XCell.Of("Constat", CellLook.Header), XCell.Of("Source", CellLook.Header));
        foreach (var check in report.Checks)
        {
            sheet.Add(XCell.Of(check.Id), XCell.Of(check.Label, CellLook.Bold), XCell.Of(check.Message, CellLook.Wrapped), XCell.Of(check.Source, CellLook.Wrapped));
        }
        return sheet;
    }
}
