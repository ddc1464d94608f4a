using Funding.Documents.Xlsx;

namespace Funding.Documents;

/// <summary>One view of the portfolio for the workbook: a sheet of funders by budget year.</summary>
/// <param name="Name">The sheet's name (« Engagé — contributions »).</param>
/// <param name="Rows">One row per funder.</param>
public sealed record PortfolioView(string Name, IReadOnlyList<PortfolioViewRow> Rows);

/// <summary>A funder's amounts in a view, one per budget year of the workbook.</summary>
/// <param name="Funder">The funder's name.</param>
/// <param name="Id">Its id (or SIREN).</param>
/// <param name="Years">Its amount for each budget year, in the workbook's year order.</param>
public sealed record PortfolioViewRow(string Funder, string Id, IReadOnlyList<Money> Years);

/// <summary>
/// The portfolio as an XLSX workbook: one sheet per view (committed, planned, received, due, remaining to pay, owed to
/// the carrier), funders by budget year, each row's total and each year's total as live SUM formulas.
/// </summary>
public static class PortfolioWorkbook
{
    /// <summary>The workbook's media type.</summary>
    public const string ContentType = PlanWorkbook.ContentType;

    /// <summary>Writes the workbook.</summary>
    /// <param name="title">The document's title.</param>
    /// <param name="years">The budget years, the columns of every sheet.</param>
    /// <param name="views">The views, one sheet each.</param>
    /// <returns>The XLSX bytes, the same for the same portfolio.</returns>
    public static byte[] Build(string title, IReadOnlyList<int> years, IReadOnlyList<PortfolioView> views)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(views);
        var sheets = new List<XSheet>(views.Count);
        foreach (var view in views)
        {
            var sheet = new XSheet(view.Name);
            sheet.Widths.AddRange([38, 16, .. years.Select(_ => 16d), 18]);
            sheet.Add([XCell.Of("Financeur", CellLook.Header), XCell.Of("Identifiant", CellLook.Header),
                .. years.Select(y => XCell.Of($"{y}", CellLook.Header)), XCell.Of("Total", CellLook.Header)]);
            string firstYear = XlsxBuilder.ColumnName(3);
            string lastYear = XlsxBuilder.ColumnName(2 + years.Count);
            foreach (var row in view.Rows)
            {
                int r = sheet.NextRow;
                var total = row.Years.Sum();
                sheet.Add([XCell.Of(row.Funder), XCell.Of(row.Id), .. row.Years.Select(a => XCell.Money(a)),
                    years.Count == 0 ? XCell.Money(total, CellLook.MoneyBold) : XCell.Calc($"SUM({firstYear}{r}:{lastYear}{r})", total.Amount, CellLook.MoneyBold)]);
            }
            int first = 2;
            int last = sheet.NextRow - 1;
            var totals = new List<XCell> { XCell.Of("Total", CellLook.Bold), XCell.Empty };
            for (int c = 0; c <= years.Count; c++)
            {
                string column = XlsxBuilder.ColumnName(3 + c);
                var cached = view.Rows.Sum(row => c < years.Count ? row.Years[c] : row.Years.Sum());
                totals.Add(last < first ? XCell.Money(Money.Zero, CellLook.MoneyBold) : XCell.Calc($"SUM({column}{first}:{column}{last})", cached.Amount, CellLook.MoneyBold));
            }
            sheet.Add([.. totals]);
            sheets.Add(sheet);
        }
        return XlsxBuilder.Build(sheets, title);
    }
}
