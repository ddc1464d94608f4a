using System.Text.RegularExpressions;
using Funding.Documents;
using Funding.Plans;

namespace Funding.Documents.Tests;

public partial class SweepWorkbookTests
{
    private static readonly SweepResult Result = PlanSweep.Run(SamplePlans.TerritoireIndustrieFinistere.Plan,
        [new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m, 80_000m, 100_000m] }]);

    [Fact]
    public void TheSummary_TakesEachFundersMinAndMax_OverItsOwnColumnOfScenarios()
    {
        var (sheets, _) = SheetXml.Read(SweepWorkbook.Build(Result));
        sheets.Select(s => s.Name).ShouldBe(["Synthèse", "Scénarios"]);
        var summary = sheets[0];
        var scenarios = sheets[1];
        int checkedFormulas = 0;
        foreach (var (reference, cell) in summary.Cells.Where(c => c.Value.Formula is not null))
        {
            var match = Aggregate().Match(cell.Formula!);
            match.Success.ShouldBeTrue(cell.Formula);
            var column = match.Groups["column"].Value;
            var values = Enumerable.Range(int.Parse(match.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture), 3)
                .Select(r => scenarios.Cells[column + r].Value!.Value).ToArray();
            decimal expected = match.Groups["fn"].Value == "MIN" ? values.Min() : values.Max();
            cell.Value.ShouldBe(expected, $"Synthèse!{reference} = {cell.Formula}");
            checkedFormulas++;
        }
        checkedFormulas.ShouldBe(2 * Result.Funders.Count);
        // The carrier's row, by hand (docs/plans.md): 42 206,50 € under a 100 000 € cap, 62 206,50 € under 60 000 €.
        int carrier = Result.Funders.Select(f => f.Id).ToList().IndexOf("uimm-finistere");
        summary.Cells[$"A{carrier + 2}"].Text.ShouldBe("UIMM Finistère");
        summary.Cells[$"B{carrier + 2}"].Value.ShouldBe(42_206.50m);
        summary.Cells[$"D{carrier + 2}"].Value.ShouldBe(62_206.50m);
        SweepWorkbook.Build(Result).ShouldBe(SweepWorkbook.Build(PlanSweep.Run(SamplePlans.TerritoireIndustrieFinistere.Plan,
            [new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m, 80_000m, 100_000m] }])), "the same bytes for the same sweep");
    }

    [GeneratedRegex(@"^(?<fn>MIN|MAX)\('Scénarios'!(?<column>[A-Z]+)(?<from>\d+):[A-Z]+\d+\)$")]
    private static partial Regex Aggregate();
}
