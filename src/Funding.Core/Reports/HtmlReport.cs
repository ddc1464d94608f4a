using System.Globalization;
using System.Text;
using Funding.Formatting;

namespace Funding.Reports;

/// <summary>
/// The report as a standalone HTML fragment: a <c>&lt;table&gt;</c> with a caption and the lists that explain it, which
/// a word processor keeps as a table when it is copied and pasted. Well-formed (it parses as XML too) and without
/// styles beyond the alignment of figures.
/// </summary>
public static class HtmlReport
{
    private const string Number = " style=\"text-align:right\"";

    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>An HTML fragment (a <c>&lt;section lang="fr"&gt;</c>), LF line endings.</returns>
    public static string Render(PlanReport report)
    {
        Preconditions.CheckNotNull(report);
        var html = new StringBuilder();
        html.AppendLine("<section lang=\"fr\" class=\"plan-de-financement\">");
        var table = report.Table;
        html.AppendLine("<table>");
        html.Append("<caption>Plan de financement — ").Append(Escape(report.Title)).AppendLine("</caption>");
        html.Append("<thead><tr><th scope=\"col\">Financeur</th><th scope=\"col\">Montant</th><th scope=\"col\">Part du coût</th>");
        foreach (int year in table.Years)
        {
            html.Append("<th scope=\"col\">").Append(year.ToString(CultureInfo.InvariantCulture)).Append("</th>");
        }
        html.AppendLine("</tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            Row(html, Escape(row.Name), FrenchFormat.Money(row.Amount), FrenchFormat.Rate(row.ShareOfCost), row.ByYear.Select(a => FrenchFormat.Money(a)));
        }
        html.AppendLine("</tbody>");
        html.AppendLine("<tfoot>");
        Row(html, "Total", FrenchFormat.Money(table.Total.Amount), FrenchFormat.Rate(table.Total.ShareOfCost), table.Total.ByYear.Select(a => FrenchFormat.Money(a)));
        Row(html, "Coût de l'exercice", FrenchFormat.Money(table.TotalCost), "", table.CostByYear.Select(a => FrenchFormat.Money(a)));
        html.AppendLine("</tfoot>");
        html.AppendLine("</table>");

        html.AppendLine("<h2>Explications</h2>");
        html.AppendLine("<ol>");
        foreach (var explanation in report.Explanations)
        {
            html.Append("<li>").Append(Escape(explanation.Sentence));
            if (explanation.Details.Count > 0)
            {
                html.Append("<ul>");
                foreach (var detail in explanation.Details)
                {
                    html.Append("<li>").Append(Escape(detail)).Append("</li>");
                }
                html.Append("</ul>");
            }
            html.AppendLine("</li>");
        }
        html.AppendLine("</ol>");
        html.Append("<p>").Append(Escape(report.Rounding)).AppendLine("</p>");

        html.AppendLine("<h2>Contrôles</h2>");
        html.AppendLine("<ul>");
        foreach (var check in report.Checks)
        {
            html.Append("<li><strong>").Append(check.Label).Append("</strong> — ").Append(Escape(check.Message))
                .Append(" <em>(").Append(Escape(check.Source)).AppendLine(")</em></li>");
        }
        html.AppendLine("</ul>");

        html.AppendLine("<h2>Montants en toutes lettres</h2>");
        html.AppendLine("<ul>");
        foreach (var words in report.AmountsInWords)
        {
            html.Append("<li>").Append(Escape(words.Name)).Append(" : ").Append(Escape(words.TotalInWords)).Append(" (").Append(FrenchFormat.Money(words.Total)).Append(')');
            if (words.AnnualAmount is { } annual)
            {
                html.Append(", soit par an ").Append(Escape(words.AnnualAmountInWords!)).Append(" (").Append(FrenchFormat.Money(annual)).Append(')');
            }
            html.AppendLine("</li>");
        }
        html.AppendLine("</ul>");

        if (report.Deliberation is { } deliberation)
        {
            html.AppendLine("<h2>Projet de délibération</h2>");
            html.AppendLine("<blockquote>");
            html.Append("<p>").Append(Escape(deliberation.Paragraph)).AppendLine("</p>");
            html.Append("<p>Le conseil décide de ").Append(Escape(deliberation.Decision)).AppendLine(".</p>");
            html.AppendLine("</blockquote>");
        }
        html.AppendLine("</section>");
        return html.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Row(StringBuilder html, string name, string amount, string share, IEnumerable<string> years)
    {
        html.Append("<tr><th scope=\"row\">").Append(name).Append("</th><td").Append(Number).Append('>').Append(amount).Append("</td><td").Append(Number).Append('>').Append(share).Append("</td>");
        foreach (string year in years)
        {
            html.Append("<td").Append(Number).Append('>').Append(year).Append("</td>");
        }
        html.AppendLine("</tr>");
    }

    /// <summary>Escapes the characters that are markup in HTML text and attributes.</summary>
    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
