using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Funding.Documents.Xlsx;

/// <summary>How a cell looks: its number format and weight. The formats are the file's own (Excel shows them with the
/// reader's separators: « 11 593,50 € » in a French Excel).</summary>
internal enum CellLook : uint
{
    Text = 0,
    Money = 1,
    Percent = 2,
    Header = 3,
    MoneyBold = 4,
    PercentBold = 5,
    Date = 6,
    Month = 7,
    Bold = 8,
    Wrapped = 9,
    Title = 10,

    /// <summary>An input the reader may change: an amount, on a light yellow ground.</summary>
    InputMoney = 11,

    /// <summary>An input the reader may change: a rate, on a light yellow ground.</summary>
    InputPercent = 12,
}

/// <summary>One cell: a text, a number or a formula with its cached value, and how it looks.</summary>
internal readonly record struct XCell(string? Text, decimal? Number, string? Formula, CellLook Look)
{
    public static XCell Of(string text, CellLook look = CellLook.Text) => new(text, null, null, look);

    public static XCell Money(Money amount, CellLook look = CellLook.Money) => new(null, amount.Amount, null, look);

    public static XCell Percent(Ratio ratio, CellLook look = CellLook.Percent) => new(null, ratio.Fraction, null, look);

    public static XCell Num(decimal value, CellLook look = CellLook.Text) => new(null, value, null, look);

    /// <summary>A live formula, with the value the plan computed as its cached value (what a reader shows before recalculating).</summary>
    public static XCell Calc(string formula, decimal cached, CellLook look) => new(null, cached, formula, look);

    public static XCell Day(NodaTime.LocalDate date) => new(null, Serial(date), null, CellLook.Date);

    public static XCell MonthOf(NodaTime.YearMonth month) => new(null, Serial(month.OnDayOfMonth(1)), null, CellLook.Month);

    public static readonly XCell Empty = new(null, null, null, CellLook.Text);

    /// <summary>The spreadsheet's day number (1900 date system): days since 30 December 1899.</summary>
    private static decimal Serial(NodaTime.LocalDate date) => NodaTime.Period.Between(new NodaTime.LocalDate(1899, 12, 30), date, NodaTime.PeriodUnits.Days).Days;
}

/// <summary>One worksheet to write: its rows, column widths, frozen header rows and print title rows.</summary>
internal sealed class XSheet(string name)
{
    public string Name { get; } = name;

    public List<XCell[]> Rows { get; } = [];

    public List<double> Widths { get; } = [];

    /// <summary>Rows kept on screen when scrolling, and repeated on every printed page.</summary>
    public int HeaderRows { get; set; } = 1;

    public bool Landscape { get; set; } = true;

    /// <summary>The 1-based number of the next row.</summary>
    public int NextRow => Rows.Count + 1;

    public int Add(params XCell[] cells)
    {
        Rows.Add(cells);
        return Rows.Count;
    }
}

/// <summary>
/// Writes XLSX workbooks with the Open XML SDK: styles for French figures, frozen header rows, A4 print settings
/// (landscape, one page wide, header rows repeated, page numbers in the footer), live formulas with cached values.
/// The bytes depend only on the content (see <see cref="DeterministicZip"/>).
/// </summary>
internal static class XlsxBuilder
{
    public static byte[] Build(IReadOnlyList<XSheet> sheets, string title)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = Styles();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            for (int s = 0; s < sheets.Count; s++)
            {
                var sheet = sheets[s];
                var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{s + 1}");
                part.Worksheet = Worksheet(sheet, title);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(s + 1), Name = sheet.Name });
                if (sheet.HeaderRows > 0)
                {
                    definedNames.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!$1:${sheet.HeaderRows}")
                    {
                        Name = "_xlnm.Print_Titles",
                        LocalSheetId = (uint)s,
                    });
                }
            }
            workbookPart.Workbook.Append(definedNames);
            // Formulas are recalculated when the file is opened: the cached values are the plan's, the live ones the reader's.
            workbookPart.Workbook.Append(new CalculationProperties { FullCalculationOnLoad = true });
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    private static Worksheet Worksheet(XSheet sheet, string title)
    {
        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (sheet.HeaderRows > 0)
        {
            view.Append(new Pane
            {
                VerticalSplit = sheet.HeaderRows,
                TopLeftCell = $"A{sheet.HeaderRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
        }
        worksheet.Append(new SheetViews(view));
        if (sheet.Widths.Count > 0)
        {
            var columns = new Columns();
            for (int c = 0; c < sheet.Widths.Count; c++)
            {
                columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = sheet.Widths[c], CustomWidth = true });
            }
            worksheet.Append(columns);
        }
        var data = new SheetData();
        for (int r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            var cells = sheet.Rows[r];
            for (int c = 0; c < cells.Length; c++)
            {
                if (ToCell(cells[c], $"{ColumnName(c + 1)}{r + 1}") is { } cell)
                {
                    row.Append(cell);
                }
            }
            data.Append(row);
        }
        worksheet.Append(data);
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        worksheet.Append(new HeaderFooter(
            new OddHeader("&L" + Escape(title) + "&R" + Escape(sheet.Name)),
            new OddFooter("&LFunding&RPage &P / &N")));
        return worksheet;
    }

    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    private static Cell? ToCell(XCell value, string reference)
    {
        if (value.Text is null && value.Number is null && value.Formula is null)
        {
            return null;
        }
        var cell = new Cell { CellReference = reference };
        if (value.Look != CellLook.Text)
        {
            cell.StyleIndex = (uint)value.Look;
        }
        if (value.Formula is { } formula)
        {
            cell.Append(new CellFormula(formula));
        }
        if (value.Text is { } text)
        {
            cell.DataType = CellValues.InlineString;
            cell.Append(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        else if (value.Number is { } number)
        {
            cell.Append(new CellValue(number.ToString(CultureInfo.InvariantCulture)));
        }
        return cell;
    }

    /// <summary>A, B, …, Z, AA, AB…</summary>
    public static string ColumnName(int column)
    {
        string name = "";
        for (int n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00\\ \"€\"" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00\\ %" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "mmmm\\ yyyy" });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EEF7" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF7F7F7F" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        CellFormat Format(uint numberFormat, uint font, uint fill = 0, uint border = 0, bool wrap = false)
        {
            var format = new CellFormat
            {
                NumberFormatId = numberFormat,
                FontId = font,
                FillId = fill,
                BorderId = border,
                FormatId = 0,
                ApplyNumberFormat = numberFormat != 0,
                ApplyFont = font != 0,
                ApplyFill = fill != 0,
                ApplyBorder = border != 0,
            };
            if (wrap)
            {
                format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
                format.ApplyAlignment = true;
            }
            return format;
        }
        // The order is CellLook's.
        var cellFormats = new CellFormats(
            Format(0, 0),
            Format(164, 0),
            Format(165, 0),
            Format(0, 1, fill: 2, border: 1, wrap: true),
            Format(164, 1),
            Format(165, 1),
            Format(166, 0),
            Format(167, 0),
            Format(0, 1),
            Format(0, 0, wrap: true),
            Format(0, 2),
            Format(164, 0, fill: 3),
            Format(165, 0, fill: 3));
        return new Stylesheet(
            numberFormats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
