using System.Globalization;
using System.Text;
using Funding.Formatting;

namespace Funding.Reports;

/// <summary>
/// The financing table as CSV: one row per funder with its amount, share of the cost, one column per budget year and its
/// explanation, then the total and the cost of each year. Amounts are plain numbers (<c>11593,50</c>) so that the
/// spreadsheet can add them up.
/// </summary>
/// <remarks>
/// Fields holding the separator, a quote or a line break are quoted (RFC 4180). Text that a spreadsheet would take for a
/// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return), ids included, is
/// prefixed with an apostrophe.
/// </remarks>
public static class CsvReport
{
    /// <summary>The byte order mark the French dialect starts with.</summary>
    public const char ByteOrderMark = '\uFEFF';

    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="dialect">The CSV conventions.</param>
    /// <returns>The CSV text, starting with a byte order mark in the French dialect.</returns>
    public static string Render(PlanReport report, CsvDialect dialect = CsvDialect.French)
    {
        Preconditions.CheckNotNull(report);
        bool french = dialect == CsvDialect.French;
        char separator = french ? ';' : ',';
        var table = report.Table;
        var explanations = report.Explanations.Where(e => e.FunderId is not null).GroupBy(e => e.FunderId!).ToDictionary(g => g.Key, g => g.Last().Sentence, StringComparer.Ordinal);
        var csv = new StringBuilder();
        if (french)
        {
            csv.Append(ByteOrderMark);
        }

        var header = french
            ? new List<string> { "Financeur", "Identifiant", "Montant (€)", "Part du coût (%)" }
            : ["funder", "id", "amount", "shareOfCostPercent"];
        header.AddRange(table.Years.Select(y => french ? $"{y.ToString(CultureInfo.InvariantCulture)} (€)" : y.ToString(CultureInfo.InvariantCulture)));
        header.Add(french ? "Explication" : "explanation");
        Line(csv, separator, header);

        foreach (var row in table.Rows)
        {
            var fields = new List<string> { Text(row.Name), Text(row.FunderId ?? ""), Amount(row.Amount, french), Percent(row.ShareOfCost, french) };
            fields.AddRange(row.ByYear.Select(a => Amount(a, french)));
            fields.Add(Text(explanations.GetValueOrDefault(row.FunderId ?? "", "")));
            Line(csv, separator, fields);
        }
        var total = new List<string> { "Total", "", Amount(table.Total.Amount, french), Percent(table.Total.ShareOfCost, french) };
        total.AddRange(table.Total.ByYear.Select(a => Amount(a, french)));
        total.Add("");
        Line(csv, separator, total);
        var cost = new List<string> { french ? "Coût de l'exercice" : "cost", "", Amount(table.TotalCost, french), "" };
        cost.AddRange(table.CostByYear.Select(a => Amount(a, french)));
        cost.Add("");
        Line(csv, separator, cost);
        return csv.ToString();
    }

    internal static string Amount(Money amount, bool french) =>
        french ? FrenchFormat.PlainAmount(amount) : amount.ToInvariantString();

    private static string Percent(Ratio rate, bool french)
    {
        string value = FrenchFormat.PlainNumber(rate.PercentValue, 2);
        return french ? value : value.Replace(',', '.');
    }

    /// <summary>
    /// Every text field (names, ids, sentences) that a spreadsheet could read as a formula or a command — starting with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — gets a leading apostrophe (OWASP's CSV
    /// injection advice). Amounts and percentages are written by this class as numbers and stay numbers.
    /// </summary>
    internal static string Text(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    internal static void Line(StringBuilder csv, char separator, IEnumerable<string> fields)
    {
        csv.AppendJoin(separator, fields.Select(f => Quote(f, separator))).Append("\r\n");
    }

    private static string Quote(string field, char separator) =>
        field.Contains(separator, StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal) || field.Contains('\r', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
