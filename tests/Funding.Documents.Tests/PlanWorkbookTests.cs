using System.Xml.Linq;
using ExcelDataReader;
using Funding.Plans;

namespace Funding.Documents.Tests;

/// <summary>
/// The workbook read back two independent ways: its values with ExcelDataReader, its formulas from the raw XML,
/// evaluated by the test's own evaluator. Every figure is compared with the evaluated plan.
/// </summary>
public class PlanWorkbookTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static TheoryData<string> Samples => new(SamplePlans.All.Select(s => s.Id));

    static PlanWorkbookTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private static PlanResult Evaluate(string sampleId) => PlanEvaluator.Evaluate(SamplePlans.All.Single(s => s.Id == sampleId).Plan);

    /// <summary>Every sheet's rows of values, by sheet name, as ExcelDataReader reads them.</summary>
    private static Dictionary<string, List<object?[]>> ReadValues(byte[] xlsx)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = reader.GetValue(c);
                }
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    private static decimal Cents(object? value) => Math.Round(Convert.ToDecimal((double)value!), 2);

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheFinancingSheet_HoldsEveryFundersFigures_ReadByAnotherLibrary(string sampleId)
    {
        var result = Evaluate(sampleId);
        var table = result.Schedule.Table;
        var sheet = ReadValues(PlanWorkbook.Write(result))["Plan de financement"];
        int years = table.Years.Count;

        sheet[0][0].ShouldBe("Financeur");
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var row = sheet[i + 1];
            var funder = result.Funder(table.Rows[i].FunderId);
            row[0].ShouldBe(funder.Name);
            for (int y = 0; y < years; y++)
            {
                Cents(row[2 + y]).ShouldBe(table.Rows[i].Amounts[y].Amount, $"{funder.Name}, {table.Years[y]}");
            }
            Cents(row[2 + years]).ShouldBe(funder.Total.Amount, funder.Name);
            Math.Round(Convert.ToDecimal((double)row[3 + years]!), 6).ShouldBe(Math.Round(funder.ShareOfCost.Fraction, 6), funder.Name);
        }
        var total = sheet[table.Rows.Count + 1];
        total[0].ShouldBe("Total des financements");
        Cents(total[2 + years]).ShouldBe(result.TotalFunded.Amount);
        var cost = sheet[table.Rows.Count + 2];
        Cents(cost[2 + years]).ShouldBe(result.TotalCost.Amount);
        var gap = sheet[table.Rows.Count + 3];
        Cents(gap[2 + years]).ShouldBe(result.OverFunding.Amount - result.Unfunded.Amount);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryFormula_ComputedIndependently_GivesItsCachedValue(string sampleId)
    {
        var (sheets, _) = SheetXml.Read(PlanWorkbook.Write(Evaluate(sampleId)));
        int formulas = 0;
        foreach (var sheet in sheets)
        {
            foreach (var (reference, cell) in sheet.Cells.Where(c => c.Value.Formula is not null))
            {
                decimal computed = sheet.EvaluateFormula(cell.Formula!);
                decimal cached = cell.Value!.Value;
                // Shares are fractions: compared to the precision a spreadsheet shows; amounts to the cent, exactly.
                (cell.Formula!.StartsWith("IF(", StringComparison.Ordinal) ? Math.Round(computed - cached, 12) : computed - cached)
                    .ShouldBe(0m, $"{sheet.Name}!{reference} = {cell.Formula}");
                formulas++;
            }
        }
        formulas.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void TheBudgetYearsSheet_HoldsTheContributionView_ReconciledWithEachYearsCost()
    {
        // docs/plans.md by hand: the State funds 30 000 / 40 000 / 10 000 € of the years' cost, though it pays once.
        var (sheets, _) = SheetXml.Read(PlanWorkbook.Write(Evaluate(SamplePlans.TerritoireIndustrieFinistereId)));
        var years = sheets.Single(s => s.Name == "Exercices");
        var header = years.Cells.Single(c => c.Value.Text == "Contribution au coût de l'exercice").Key;
        int headerRow = int.Parse(header[1..], System.Globalization.CultureInfo.InvariantCulture);
        string State(string column) => $"{column}{headerRow + 1}";
        (years.Evaluate(State("B")), years.Evaluate(State("C")), years.Evaluate(State("D")), years.Evaluate(State("E"))).ShouldBe((30_000m, 40_000m, 10_000m, 80_000m));
        // The row of totals equals each year's cost: 77 850 / 103 800 / 25 950 €.
        var total = years.Cells.Single(c => c.Value.Text == "Total des contributions").Key;
        int totalRow = int.Parse(total[1..], System.Globalization.CultureInfo.InvariantCulture);
        (years.Evaluate($"B{totalRow}"), years.Evaluate($"C{totalRow}"), years.Evaluate($"D{totalRow}")).ShouldBe((77_850m, 103_800m, 25_950m));
    }

    [Fact]
    public void TheSeedsTotals_AreFormulas_OverTheYearsAndTheFunders()
    {
        var result = Evaluate(SamplePlans.TerritoireIndustrieFinistereId);
        var (sheets, _) = SheetXml.Read(PlanWorkbook.Write(result));
        var financing = sheets.Single(s => s.Name == "Plan de financement");
        int years = result.Schedule.Table.Years.Count; // 2022, 2023, 2024
        years.ShouldBe(3);

        // QBO: 8 695,13 + 11 593,50 + 2 898,37 = 23 187,00 (the seed's deliberation figures, docs/plans.md).
        financing.Cells["C3"].Value.ShouldBe(8_695.13m);
        financing.Cells["D3"].Value.ShouldBe(11_593.50m);
        financing.Cells["E3"].Value.ShouldBe(2_898.37m);
        financing.Cells["F3"].Formula.ShouldBe("SUM(C3:E3)");
        financing.Evaluate("F3").ShouldBe(23_187.00m);
        // State: 80 000,00, paid once.
        financing.Evaluate("F2").ShouldBe(80_000.00m);
        // The cost row is the plan's 207 600,00 and the gap is nothing.
        int rows = result.Schedule.Table.Rows.Count;
        financing.Evaluate($"F{rows + 3}").ShouldBe(207_600.00m);
        financing.Evaluate($"F{rows + 4}").ShouldBe(0m);
    }

    [Fact]
    public void EverySheet_HasFrozenHeaders_A4PrintSettings_AndPrintTitles()
    {
        var (sheets, workbook) = SheetXml.Read(PlanWorkbook.Write(Evaluate(SamplePlans.TerritoireIndustrieFinistereId)));

        sheets.Select(s => s.Name).ShouldBe(PlanWorkbook.SheetNames);
        foreach (var sheet in sheets)
        {
            var pane = sheet.Xml.Descendants(Main + "pane").Single();
            ((string)pane.Attribute("state")!).ShouldBe("frozen");
            // The « Calcul » sheet keeps its title, its note and its header in view; the others, their header row.
            ((string)pane.Attribute("topLeftCell")!).ShouldBe(sheet.Name == "Calcul" ? "A5" : "A2");
            var setup = sheet.Xml.Descendants(Main + "pageSetup").Single();
            ((string)setup.Attribute("paperSize")!).ShouldBe("9");
            ((string)setup.Attribute("fitToWidth")!).ShouldBe("1");
        }
        workbook.Descendants(Main + "definedName").Count(d => (string)d.Attribute("name")! == "_xlnm.Print_Titles").ShouldBe(sheets.Count);
    }

    [Fact]
    public void TheSamePlan_GivesTheSameBytes()
    {
        var result = Evaluate(SamplePlans.TerritoireIndustrieFinistereId);
        var first = PlanWorkbook.Write(result);
        var second = PlanWorkbook.Write(PlanEvaluator.Evaluate(result.Plan));
        first.SequenceEqual(second).ShouldBeTrue();
    }

    [Fact]
    public void ThePaymentsSheet_ListsEveryPayment_AndItsTotalIsTheFunding()
    {
        var result = Evaluate(SamplePlans.TerritoireIndustrieFinistereId);
        var sheet = ReadValues(PlanWorkbook.Write(result))["Échéancier"];
        int payments = result.Schedule.Funders.Sum(f => f.Payments.Count);

        sheet.Count.ShouldBe(payments + 2);
        Cents(sheet[payments + 1][4]).ShouldBe(result.TotalFunded.Amount);
    }
}
