using System.Globalization;
using DocumentFormat.OpenXml;
using Funding.Documents.Xlsx;
using Funding.Execution;
using Funding.Formatting;
using Funding.Reports;
using static Funding.Documents.WordParts;

namespace Funding.Documents;

/// <summary>
/// The execution of a plan as office files: the « état récapitulatif des dépenses » workbook, and each funder's letter —
/// the request for its balance or the statement of what it must be paid back.
/// </summary>
public static class ExecutionDocuments
{
    /// <summary>The names of the workbook's sheets, in order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } = ["État récapitulatif", "Dépenses par exercice", "Trésorerie réelle", "Contrôles"];

    /// <summary>
    /// The workbook: each funder's planned amount, due, receipts and balance (live formulas: balance = due − received,
    /// to claim and to pay back from it, totals); the expenses by year with their difference; the actual treasury.
    /// </summary>
    /// <param name="result">The execution.</param>
    /// <returns>The XLSX bytes, the same every time.</returns>
    public static byte[] Workbook(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return XlsxBuilder.Build([Statement(result), Expenses(result), Treasury(result), Checks(result)], $"{ExecutionReport.StatementTitle} — {result.Actual.Plan.Name}");
    }

    private static XSheet Statement(ExecutionResult result)
    {
        var sheet = new XSheet(SheetNames[0]);
        sheet.Widths.AddRange([38, 16, 18, 16, 16, 16, 18, 90]);
        sheet.Add(XCell.Of("Financeur", CellLook.Header), XCell.Of("Prévu", CellLook.Header), XCell.Of("Dû sur le réalisé", CellLook.Header), XCell.Of("Reçu", CellLook.Header),
            XCell.Of("Solde", CellLook.Header), XCell.Of("À percevoir", CellLook.Header), XCell.Of("Trop-perçu à reverser", CellLook.Header), XCell.Of("Calcul", CellLook.Header));
        int first = sheet.NextRow;
        foreach (var f in result.Funders)
        {
            int r = sheet.NextRow;
            sheet.Add(XCell.Of(f.Name), XCell.Money(f.Granted), XCell.Money(f.Due), XCell.Money(f.Received),
                XCell.Calc($"C{r}-D{r}", f.Balance.Amount, CellLook.Money),
                f.IsCarrier ? XCell.Money(Money.Zero) : XCell.Calc($"MAX(E{r},0)", f.ToClaim.Amount, CellLook.Money),
                XCell.Calc($"MAX(-E{r},0)", f.ToPayBack.Amount, CellLook.Money),
                XCell.Of(f.Sentence, CellLook.Wrapped));
        }
        int last = sheet.NextRow - 1;
        decimal[] totals = [result.Funders.Sum(f => f.Granted).Amount, result.Funders.Sum(f => f.Due).Amount, result.Funders.Sum(f => f.Received).Amount,
            result.Funders.Sum(f => f.Balance).Amount, result.TotalToClaim.Amount, result.TotalToPayBack.Amount];
        sheet.Add([XCell.Of("Total", CellLook.Bold), .. Enumerable.Range(0, 6).Select(c => XCell.Calc($"SUM({XlsxBuilder.ColumnName(2 + c)}{first}:{XlsxBuilder.ColumnName(2 + c)}{last})", totals[c], CellLook.MoneyBold))]);
        sheet.Add();
        sheet.Add(XCell.Of(result.Sentence, CellLook.Text));
        sheet.Add(XCell.Of($"Règles de calcul {result.Actual.CalculationVersion} — « {result.Actual.Plan.Name} ».", CellLook.Text));
        return sheet;
    }

    private static XSheet Expenses(ExecutionResult result)
    {
        var sheet = new XSheet(SheetNames[1]) { Landscape = false };
        sheet.Widths.AddRange([12, 16, 16, 16]);
        sheet.Add(XCell.Of("Exercice", CellLook.Header), XCell.Of("Prévu", CellLook.Header), XCell.Of("Réalisé", CellLook.Header), XCell.Of("Écart", CellLook.Header));
        int first = sheet.NextRow;
        foreach (var year in result.ExpensesByBudgetYear)
        {
            int r = sheet.NextRow;
            sheet.Add(XCell.Num(year.Year), XCell.Money(year.Planned), XCell.Money(year.Actual), XCell.Calc($"C{r}-B{r}", year.Difference.Amount, CellLook.Money));
        }
        int last = sheet.NextRow - 1;
        sheet.Add(XCell.Of("Total", CellLook.Bold),
            XCell.Calc($"SUM(B{first}:B{last})", result.PlannedCost.Amount, CellLook.MoneyBold),
            XCell.Calc($"SUM(C{first}:C{last})", result.ActualExpenses.Amount, CellLook.MoneyBold),
            XCell.Calc($"SUM(D{first}:D{last})", (result.ActualExpenses - result.PlannedCost).Amount, CellLook.MoneyBold));
        return sheet;
    }

    private static XSheet Treasury(ExecutionResult result)
    {
        var sheet = new XSheet(SheetNames[2]) { Landscape = false };
        sheet.Widths.AddRange([16, 15, 15, 16, 16]);
        sheet.Add(XCell.Of("Mois", CellLook.Header), XCell.Of("Dépensé", CellLook.Header), XCell.Of("Reçu", CellLook.Header),
            XCell.Of("Solde réel", CellLook.Header), XCell.Of("Solde prévu", CellLook.Header));
        foreach (var month in result.Treasury)
        {
            int r = sheet.NextRow;
            sheet.Add(XCell.MonthOf(month.Month), XCell.Money(month.Spent), XCell.Money(month.Received),
                XCell.Calc(r == 2 ? $"C{r}-B{r}" : $"D{r - 1}+C{r}-B{r}", month.Balance.Amount, CellLook.Money), XCell.Money(month.ForecastBalance));
        }
        return sheet;
    }

    private static XSheet Checks(ExecutionResult result)
    {
        var sheet = new XSheet(SheetNames[3]);
        sheet.Widths.AddRange([26, 80, 50]);
        sheet.Add(XCell.Of("Contrôle", CellLook.Header), XCell.Of("Constat", CellLook.Header), XCell.Of("Source", CellLook.Header));
        foreach (var check in result.Checks)
        {
            sheet.Add(XCell.Of(check.Id), XCell.Of(check.Message, CellLook.Wrapped), XCell.Of(check.Source, CellLook.Wrapped));
        }
        return sheet;
    }

    /// <summary>The letter to <paramref name="funderId"/>: the request for the balance, or the statement of the amount to pay back.</summary>
    /// <param name="result">The execution.</param>
    /// <param name="input">The receipts.</param>
    /// <param name="funderId">A funder other than the carrier.</param>
    /// <returns>The DOCX bytes, the same every time.</returns>
    public static byte[] Letter(ExecutionResult result, ExecutionInput input, string funderId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var letter = ExecutionReport.Letter(result, input, funderId);
        var funder = result.Funders.Single(f => f.FunderId == funderId);
        var parts = new List<OpenXmlElement>
        {
            Styled(TitleStyle, letter.Title.ToUpper(CultureInfo.GetCultureInfo("fr-FR"))),
            Styled(SubtitleStyle, funder.Name),
        };
        parts.AddRange(letter.Paragraphs.Select(p => Paragraph(p)));
        parts.Add(Heading("Participation"));
        parts.Add(Table(["", "Montant"],
        [
            ["Participation prévue", FrenchFormat.Money(funder.Granted)],
            ["Participation due sur les dépenses réalisées", FrenchFormat.Money(funder.Due)],
            ["Sommes reçues", FrenchFormat.Money(funder.Received)],
        ], [funder.ToPayBack > Money.Zero ? "Trop-perçu à reverser" : "Solde à percevoir", FrenchFormat.Money(funder.ToPayBack > Money.Zero ? funder.ToPayBack : funder.ToClaim)]));
        if (letter.Receipts.Count > 0)
        {
            parts.Add(Heading("Versements reçus"));
            parts.Add(Table(["Date", "Référence", "Montant"],
                letter.Receipts.Select(r => new[] { FrenchFormat.Date(r.Date), r.Reference ?? "", FrenchFormat.Money(r.Amount) }).ToArray(),
                ["Total", "", FrenchFormat.Money(funder.Received)]));
        }
        parts.Add(Heading("Dépenses par exercice"));
        parts.Add(Table(["Exercice", "Prévu", "Réalisé"],
            result.ExpensesByBudgetYear.Select(y => new[] { y.Year.ToString(CultureInfo.InvariantCulture), FrenchFormat.Money(y.Planned), FrenchFormat.Money(y.Actual) }).ToArray(),
            ["Total", FrenchFormat.Money(result.PlannedCost), FrenchFormat.Money(result.ActualExpenses)]));
        parts.Add(Paragraph("Fait le ……………, certifié exact par le porteur du projet."));
        return Document($"{letter.Title} — {funder.Name}", parts);
    }

    /// <summary>The media type of the letter.</summary>
    public const string LetterContentType = DeliberationDocument.ContentType;
}
