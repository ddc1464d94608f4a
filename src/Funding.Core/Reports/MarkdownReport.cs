using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Funding.Formatting;

namespace Funding.Reports;

/// <summary>The report as Markdown, for wikis, tickets and documents that accept Markdown.</summary>
public static partial class MarkdownReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Markdown text (LF line endings).</returns>
    public static string Render(PlanReport report)
    {
        Preconditions.CheckNotNull(report);
        var md = new StringBuilder();
        md.Append("# Plan de financement — ").AppendLine(Escape(report.Title)).AppendLine();
        md.Append("Règles de calcul, version ").Append(report.CalculationVersion).AppendLine(".").AppendLine();

        var table = report.Table;
        md.AppendLine("## Plan de financement").AppendLine();
        md.Append("| Financeur | Montant | Part du coût |");
        foreach (int year in table.Years)
        {
            md.Append(' ').Append(year.ToString(CultureInfo.InvariantCulture)).Append(" |");
        }
        md.AppendLine();
        md.Append("| --- | ---: | ---: |").Append(string.Concat(Enumerable.Repeat(" ---: |", table.Years.Count))).AppendLine();
        foreach (var row in table.Rows)
        {
            Row(md, Escape(row.Name), FrenchFormat.Money(row.Amount), FrenchFormat.Rate(row.ShareOfCost), row.ByYear.Select(a => FrenchFormat.Money(a)));
        }
        Row(md, "**Total**", $"**{FrenchFormat.Money(table.Total.Amount)}**", $"**{FrenchFormat.Rate(table.Total.ShareOfCost)}**", table.Total.ByYear.Select(a => $"**{FrenchFormat.Money(a)}**"));
        Row(md, "*Coût de l'exercice*", $"*{FrenchFormat.Money(table.TotalCost)}*", "", table.CostByYear.Select(a => $"*{FrenchFormat.Money(a)}*"));
        md.AppendLine();

        md.AppendLine("## Explications").AppendLine();
        int number = 1;
        foreach (var explanation in report.Explanations)
        {
            string marker = number++.ToString(CultureInfo.InvariantCulture) + ". ";
            md.Append(marker).AppendLine(Escape(explanation.Sentence));
            foreach (var detail in explanation.Details)
            {
                // Nested items are indented to the item's text, as CommonMark requires ("10. " needs four spaces).
                md.Append(' ', marker.Length).Append("- ").AppendLine(Escape(detail));
            }
        }
        md.AppendLine().Append(Escape(report.Rounding)).AppendLine();
        md.AppendLine();

        md.AppendLine("## Contrôles").AppendLine();
        foreach (var check in report.Checks)
        {
            md.Append("- **").Append(check.Label).Append("** — ").Append(Escape(check.Message)).Append(" *(").Append(Escape(check.Source)).AppendLine(")*");
        }
        md.AppendLine();

        md.AppendLine("## Montants en toutes lettres").AppendLine();
        foreach (var words in report.AmountsInWords)
        {
            md.Append("- ").Append(Escape(words.Name)).Append(" : ").Append(words.TotalInWords).Append(" (").Append(FrenchFormat.Money(words.Total)).Append(')');
            if (words.AnnualAmount is { } annual)
            {
                md.Append(", soit par an ").Append(words.AnnualAmountInWords).Append(" (").Append(FrenchFormat.Money(annual)).Append(')');
            }
            md.AppendLine();
        }

        if (report.Deliberation is { } deliberation)
        {
            md.AppendLine().AppendLine("## Projet de délibération").AppendLine();
            md.Append("> ").AppendLine(Escape(deliberation.Paragraph)).AppendLine(">");
            md.Append("> Le conseil décide de ").Append(Escape(deliberation.Decision)).AppendLine(".");
        }
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Row(StringBuilder md, string name, string amount, string share, IEnumerable<string> years)
    {
        md.Append("| ").Append(name).Append(" | ").Append(amount).Append(" | ").Append(share).Append(" |");
        foreach (string year in years)
        {
            md.Append(' ').Append(year).Append(" |");
        }
        md.AppendLine();
    }

    /// <summary>
    /// Escapes what Markdown would read as markup in names and sentences: emphasis, code, tables, HTML and entities
    /// (<c>&amp;#x202E;</c> would become a bidirectional control), links and images (<c>[lien](https://…)</c>), and the
    /// bare addresses GitHub-flavoured Markdown turns into links.
    /// </summary>
    internal static string Escape(string text) => BareWww().Replace(EscapeMarkup(text), "$1\\.");

    private static string EscapeMarkup(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal)
        .Replace("]", "\\]", StringComparison.Ordinal)
        .Replace("!", "\\!", StringComparison.Ordinal)
        .Replace("://", ":\\/\\/", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(www)\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareWww();
}
