using Funding.Documents.Xlsx;
using Funding.Plans;

namespace Funding.Documents;

/// <summary>
/// A sweep as an XLSX workbook: « Scénarios », one row per scenario with each parameter's value, the total cost and every
/// funder's total (then each budget year's contribution when asked); « Synthèse », each funder's minimum and maximum as
/// live MIN/MAX formulas over the scenarios, with the scenario giving each.
/// </summary>
public static class SweepWorkbook
{
    /// <summary>The workbook's media type.</summary>
    public const string ContentType = PlanWorkbook.ContentType;

    /// <summary>Writes the workbook.</summary>
    /// <param name="result">The sweep, computed.</param>
    /// <returns>The XLSX bytes, the same for the same sweep.</returns>
    public static byte[] Build(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sweep = result.Sweep;
        var scenarios = new XSheet("Scénarios");
        var header = new List<XCell> { XCell.Of("Scénario", CellLook.Header) };
        header.AddRange(sweep.Axes.Select(a => XCell.Of(a.Title(sweep.Plan), CellLook.Header)));
        header.Add(XCell.Of("Coût total", CellLook.Header));
        header.AddRange(sweep.Funders.Select(f => XCell.Of(f.Name, CellLook.Header)));
        if (sweep.ByBudgetYear)
        {
            foreach (var f in sweep.Funders)
            {
                header.AddRange(sweep.Years.Select(y => XCell.Of($"{f.Name} {y}", CellLook.Header)));
            }
        }
        header.Add(XCell.Of("Non financé", CellLook.Header));
        header.Add(XCell.Of("Surfinancement", CellLook.Header));
        scenarios.Add([.. header]);
        scenarios.Widths.AddRange([10, .. sweep.Axes.Select(_ => 22d), 16, .. Enumerable.Repeat(16d, header.Count - sweep.Axes.Count - 2)]);
        foreach (var s in result.Scenarios)
        {
            var row = new List<XCell> { XCell.Num(s.Index + 1) };
            for (int a = 0; a < sweep.Axes.Count; a++)
            {
                var axis = sweep.Axes[a];
                int i = s.Values[a];
                row.Add(axis.Parameter switch
                {
                    SweepParameter.StartDate => XCell.Day(axis.Dates[i]),
                    SweepParameter.Key => XCell.Of(axis.Keys[i].Name),
                    SweepParameter.Rate => XCell.Num(axis.Numbers[i] / 100m, CellLook.Percent),
                    _ => XCell.Num(axis.Numbers[i], CellLook.Money),
                });
            }
            row.Add(XCell.Money(s.TotalCost));
            row.AddRange(s.Totals.Select(t => XCell.Money(t)));
            if (s.ByBudgetYear is { } byYear)
            {
                row.AddRange(byYear.SelectMany(y => y).Select(a => XCell.Money(a)));
            }
            row.Add(XCell.Money(s.Unfunded));
            row.Add(XCell.Money(s.OverFunding));
            scenarios.Add([.. row]);
        }

        var summary = new XSheet("Synthèse") { Landscape = false };
        summary.Widths.AddRange([38, 16, 12, 16, 12]);
        summary.Add(XCell.Of("Financeur", CellLook.Header), XCell.Of("Minimum", CellLook.Header), XCell.Of("Scénario", CellLook.Header),
            XCell.Of("Maximum", CellLook.Header), XCell.Of("Scénario", CellLook.Header));
        int firstRow = 2;
        int lastRow = result.Scenarios.Count + 1;
        for (int f = 0; f < result.Funders.Count; f++)
        {
            var funder = result.Funders[f];
            string column = XlsxBuilder.ColumnName(2 + sweep.Axes.Count + 1 + f);
            string range = $"'Scénarios'!{column}{firstRow}:{column}{lastRow}";
            summary.Add(XCell.Of(funder.Name), XCell.Calc($"MIN({range})", funder.Min.Amount, CellLook.Money), XCell.Num(funder.MinScenario + 1),
                XCell.Calc($"MAX({range})", funder.Max.Amount, CellLook.Money), XCell.Num(funder.MaxScenario + 1));
        }
        summary.Add();
        summary.Add(XCell.Of($"{sweep.Count} scénarios ; règles de calcul {CalculationVersion.Current} — « {sweep.Plan.Name} ».", CellLook.Text));
        if (sweep.PlanScenario is { } current)
        {
            summary.Add(XCell.Of($"Le scénario {current + 1} est le plan tel qu'il est.", CellLook.Text));
        }
        return XlsxBuilder.Build([summary, scenarios], $"Scénarios — {sweep.Plan.Name}");
    }
}
