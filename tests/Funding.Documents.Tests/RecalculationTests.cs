using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using Funding.Plans;

namespace Funding.Documents.Tests;

/// <summary>
/// The workbooks recalculated by LibreOffice, an office suite independent of the writer: every formula gives the value
/// the plan computed, and changing an input (the State's cap) changes the shares that depend on it.
/// </summary>
public class RecalculationTests
{
    public static TheoryData<string> Samples() => [.. SamplePlans.All.Select(s => s.Id)];

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void EveryFormula_RecalculatedByLibreOffice_GivesThePlansFigure(string sample)
    {
        LibreOffice.SkipUnlessInstalled();
        byte[] written = PlanWorkbook.Write(PlanEvaluator.Evaluate(SamplePlans.All.Single(s => s.Id == sample).Plan));
        var recalculated = Read(LibreOffice.Recalculated(written));
        int formulas = 0;
        foreach (var (sheet, reference, cached) in Formulas(written))
        {
            Value(recalculated, sheet, reference).ShouldBe(cached, 0.004m, $"{sheet}!{reference}");
            formulas++;
        }
        formulas.ShouldBeGreaterThan(10);
    }

    [SkippableFact]
    public void LoweringTheStatesCap_InTheWorkbook_LowersItsShare_AndRaisesTheGroupsPoolAndTheCarriersRemainder()
    {
        LibreOffice.SkipUnlessInstalled();
        byte[] written = PlanWorkbook.Write(PlanEvaluator.Evaluate(SamplePlans.TerritoireIndustrieFinistere.Plan));
        var calculation = Read(LibreOffice.Recalculated(SetInput(written, "État — plafond", 60_000m)));

        // By hand (docs/reports.md): the State gives min(50 % × 207 600, 60 000) = 60 000 €; QBO's promise stays
        // 23 187 €; 124 413 € are left, the group's pool is half of it, 62 206,50 €, and the carrier pays the rest, 62 206,50 €.
        Row(calculation, "État")[1].ShouldBe(60_000m);
        Row(calculation, "Quimper Bretagne Occidentale")[1].ShouldBe(23_187m);
        Row(calculation, "Autres EPCI du Finistère")[1].ShouldBe(62_206.50m);
        Row(calculation, "UIMM Finistère")[1].ShouldBe(62_206.50m);
        Row(calculation, "Total des financements")[1].ShouldBe(207_600m);
        Row(calculation, "Reste non financé")[1].ShouldBe(0m);
    }

    [SkippableFact]
    public void RaisingTheAnnualCost_RaisesTheTotal_TheStayingCapAndTheRemainder()
    {
        LibreOffice.SkipUnlessInstalled();
        byte[] written = PlanWorkbook.Write(PlanEvaluator.Evaluate(SamplePlans.TerritoireIndustrieFinistere.Plan));
        var calculation = Read(LibreOffice.Recalculated(SetInput(written, "Coût annuel du poste", 120_000m)));

        // By hand: 240 000 € over two years; the State is capped at 80 000 €; 240 000 − 80 000 − 23 187 = 136 813 € left,
        // half of it to the group (68 406,50 €), the rest to the carrier (68 406,50 €).
        Row(calculation, "Coût total du projet")[1].ShouldBe(240_000m);
        Row(calculation, "État")[1].ShouldBe(80_000m);
        Row(calculation, "Autres EPCI du Finistère")[1].ShouldBe(68_406.50m);
        Row(calculation, "UIMM Finistère")[1].ShouldBe(68_406.50m);
    }

    [SkippableFact]
    public void EveryDeliberationDraft_OpensInLibreOffice_AsAPdf()
    {
        LibreOffice.SkipUnlessInstalled();
        var result = PlanEvaluator.Evaluate(SamplePlans.PetitesVillesDeDemain.Plan);
        foreach (var funder in result.Funders)
        {
            byte[] pdf = LibreOffice.Pdf(DeliberationDocument.Write(result, funder.Id));
            System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-", funder.Id);
            pdf.Length.ShouldBeGreaterThan(5_000, funder.Id);
        }
    }

    /// <summary>Sets the input labelled <paramref name="label"/> on the « Calcul » sheet, as a reader would.</summary>
    private static byte[] SetInput(byte[] xlsx, string label, decimal value)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook!.Descendants<Sheet>().Single(s => s.Name == "Calcul");
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
            var row = data.Elements<Row>().Single(r => r.Elements<Cell>().FirstOrDefault()?.InnerText == label);
            var cell = row.Elements<Cell>().ElementAt(1);
            cell.CellFormula = null;
            cell.CellValue = new CellValue(value);
        }
        return buffer.ToArray();
    }

    /// <summary>Every formula cell of the workbook as written: its sheet, reference and cached value.</summary>
    private static IEnumerable<(string Sheet, string Reference, decimal Cached)> Formulas(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        foreach (var sheet in workbook.Workbook!.Descendants<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet!.Descendants<Cell>().Where(c => c.CellFormula is not null).ToList())
            {
                yield return (sheet.Name!, cell.CellReference!, decimal.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Every sheet's rows, as an independent reader (ExcelDataReader) reads the recalculated values.</summary>
    private static Dictionary<string, List<object?[]>> Read(byte[] xlsx)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(xlsx));
        var sheets = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    private static decimal Value(Dictionary<string, List<object?[]>> workbook, string sheet, string reference)
    {
        int column = 0, i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++)
        {
            column = column * 26 + (reference[i] - 'A' + 1);
        }
        int row = int.Parse(reference[i..], System.Globalization.CultureInfo.InvariantCulture);
        return System.Convert.ToDecimal(workbook[sheet][row - 1][column - 1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The « Calcul » row whose first cell is <paramref name="label"/>, its numbers as decimals (others as 0).</summary>
    private static decimal[] Row(Dictionary<string, List<object?[]>> workbook, string label)
    {
        var row = workbook["Calcul"].Single(r => (r[0] as string)?.Trim() == label);
        return [.. row.Select(v => v is double d ? Math.Round((decimal)d, 2) : 0m)];
    }
}
