using System.Globalization;
using System.Text;
using Funding.Plans;

namespace Funding.Reports;

/// <summary>
/// A sweep as CSV, line by line as the scenarios are computed (an API streams them): one row per scenario — its number,
/// each parameter's value, the total cost, every funder's total (and each budget year's contribution when asked), what
/// is unfunded and over-funded — then each funder's minimum and maximum.
/// </summary>
public static class SweepCsv
{
    /// <summary>The lines of the file, each ending with CRLF, computed lazily; the French dialect's first line starts with a byte order mark.</summary>
    /// <param name="sweep">The prepared sweep.</param>
    /// <param name="dialect">The CSV conventions.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Lines(PreparedSweep sweep, CsvDialect dialect = CsvDialect.French)
    {
        Preconditions.CheckNotNull(sweep);
        return LinesOf(sweep, dialect);
    }

    private static IEnumerable<string> LinesOf(PreparedSweep sweep, CsvDialect dialect)
    {
        bool french = dialect == CsvDialect.French;
        char separator = french ? ';' : ',';
        var funders = sweep.Funders;
        var header = new List<string> { french ? "Scénario" : "scenario" };
        header.AddRange(sweep.Axes.Select(a => french ? a.Title(sweep.Plan) : $"{a.Parameter.ToString().ToLowerInvariant()}{(a.FunderId is null ? "" : ":" + a.FunderId)}"));
        header.Add(french ? "Coût total (€)" : "totalCost");
        header.AddRange(funders.Select(f => french ? $"{f.Name} (€)" : f.Id));
        if (sweep.ByBudgetYear)
        {
            foreach (var f in funders)
            {
                header.AddRange(sweep.Years.Select(y => french ? $"{f.Name} {Year(y)} (€)" : $"{f.Id}:{Year(y)}"));
            }
        }
        header.Add(french ? "Non financé (€)" : "unfunded");
        header.Add(french ? "Surfinancement (€)" : "overFunding");
        yield return (french ? CsvReport.ByteOrderMark.ToString() : "") + Line(separator, header.Select(CsvReport.Text));

        var ranges = new SweepRanges(sweep);
        var line = new List<string>(header.Count);
        foreach (var scenario in sweep.Scenarios())
        {
            line.Clear();
            line.Add((scenario.Index + 1).ToString(CultureInfo.InvariantCulture));
            for (int a = 0; a < sweep.Axes.Count; a++)
            {
                line.Add(Value(sweep.Axes[a], scenario.Values[a], french));
            }
            line.Add(CsvReport.Amount(scenario.TotalCost, french));
            line.AddRange(scenario.Totals.Select(t => CsvReport.Amount(t, french)));
            ranges.Add(scenario);
            if (scenario.ByBudgetYear is { } byYear)
            {
                foreach (var years in byYear)
                {
                    line.AddRange(years.Select(a => CsvReport.Amount(a, french)));
                }
            }
            line.Add(CsvReport.Amount(scenario.Unfunded, french));
            line.Add(CsvReport.Amount(scenario.OverFunding, french));
            yield return Line(separator, line);
        }
        foreach (var (label, values) in new[] { (french ? "Minimum" : "min", ranges.Min), (french ? "Maximum" : "max", ranges.Max) })
        {
            line.Clear();
            line.Add(label);
            line.AddRange(sweep.Axes.Select(_ => ""));
            line.Add("");
            line.AddRange(values.Select(v => CsvReport.Amount(v, french)));
            if (sweep.ByBudgetYear)
            {
                line.AddRange(Enumerable.Repeat("", funders.Count * sweep.Years.Count));
            }
            line.Add("");
            line.Add("");
            yield return Line(separator, line);
        }
    }

    /// <summary>A parameter's value as a cell: a number for a rate or an amount, an ISO date, a key's name.</summary>
    private static string Value(SweepAxis axis, int i, bool french) => axis.Parameter switch
    {
        SweepParameter.StartDate => axis.Dates[i].ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture),
        SweepParameter.Key => CsvReport.Text(axis.Keys[i].Name),
        _ => french ? axis.Numbers[i].ToString(CultureInfo.InvariantCulture).Replace('.', ',') : axis.Numbers[i].ToString(CultureInfo.InvariantCulture),
    };

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Line(char separator, IEnumerable<string> fields)
    {
        var csv = new StringBuilder();
        CsvReport.Line(csv, separator, fields);
        return csv.ToString();
    }
}
