using System.Globalization;
using System.Text;
using Funding.Execution;
using Funding.Formatting;

namespace Funding.Reports;

/// <summary>
/// The execution of a plan as reports: the « état récapitulatif des dépenses » (expenses planned and actual, each funder's
/// due, receipts and balance) in Markdown, HTML or CSV, and each funder's letter.
/// </summary>
public static class ExecutionReport
{
    /// <summary>The title of the statement.</summary>
    public const string StatementTitle = "État récapitulatif des dépenses";

    /// <summary>The letter to <paramref name="funderId"/>: the request for its balance, or the statement of what it must be paid back.</summary>
    /// <param name="result">The execution.</param>
    /// <param name="input">The receipts it was computed from.</param>
    /// <param name="funderId">A funder other than the carrier.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="FundingValidationException">No funder but the carrier has that id (path <c>funderId</c>).</exception>
    public static BalanceLetter Letter(ExecutionResult result, ExecutionInput input, string funderId)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(input);
        var funder = result.Funders.FirstOrDefault(f => f.FunderId == funderId && !f.IsCarrier)
            ?? throw new FundingValidationException([new ValidationError(FieldPath.Of("funderId"), new FundingMessage(ErrorCodes.ValueNotAllowed,
                $"« {funderId} » n'est pas un financeur du plan autre que le porteur : la lettre s'adresse à un financeur.",
                $"'{funderId}' is not a funder of the plan other than the carrier: the letter is addressed to a funder."))]);
        var plan = result.Planned.Plan;
        var period = plan.Cost.Period;
        string carrier = result.Actual.CarrierId is { } id ? result.Actual.Funder(id).Name : "Le porteur du projet";
        string title = funder.ToClaim > Money.Zero ? "Demande de versement du solde"
            : funder.ToPayBack > Money.Zero ? "Trop-perçu à reverser"
            : "Situation de la participation";
        var paragraphs = new List<string>
        {
            $"Objet : {plan.Name} — {title.ToLower(CultureInfo.GetCultureInfo("fr-FR"))}.",
            $"{carrier} a réalisé le projet « {plan.Name} » pour des dépenses de {FrenchFormat.Money(result.ActualExpenses)}, pour {FrenchFormat.Money(result.PlannedCost)} prévus au plan de financement.",
            funder.Sentence,
        };
        if (result.Actual.Funder(funderId).Explanation.Sentence is { Length: > 0 } explanation)
        {
            paragraphs.Add("Calcul sur les dépenses réalisées : " + explanation);
        }
        paragraphs.Add(funder.ToClaim > Money.Zero
            ? $"{carrier} vous prie de bien vouloir lui verser le solde de votre participation, soit {FrenchFormat.MoneyCompact(funder.ToClaim)} ({FrenchWords.Amount(funder.ToClaim)})."
            : funder.ToPayBack > Money.Zero
                ? $"Les sommes reçues dépassent la participation due : {carrier} vous reversera {FrenchFormat.MoneyCompact(funder.ToPayBack)} ({FrenchWords.Amount(funder.ToPayBack)}), sur présentation de votre titre de recettes."
                : "La participation due est entièrement versée : rien ne reste à percevoir ni à reverser.");
        paragraphs.Add($"Chiffres calculés par Funding, règles de calcul {result.Actual.CalculationVersion}, pour la période du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)}.");
        return new BalanceLetter(funderId, title, paragraphs, input.Receipts.Where(r => r.FunderId == funderId).OrderBy(r => r.Date).ToArray());
    }

    /// <summary>The statement, and the letter to <paramref name="funderId"/> when given, in Markdown.</summary>
    /// <param name="result">The execution.</param>
    /// <param name="input">The receipts.</param>
    /// <param name="funderId">A funder for the letter, or null.</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(ExecutionResult result, ExecutionInput input, string? funderId = null)
    {
        Preconditions.CheckNotNull(result);
        var md = new StringBuilder();
        md.Append("# ").Append(StatementTitle).Append(" — ").AppendLine(result.Actual.Plan.Name).AppendLine();
        md.AppendLine(result.Sentence).AppendLine();
        md.AppendLine("| Exercice | Prévu | Réalisé | Écart |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var year in result.ExpensesByBudgetYear)
        {
            md.Append("| ").Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(FrenchFormat.Money(year.Planned)).Append(" | ")
                .Append(FrenchFormat.Money(year.Actual)).Append(" | ").Append(FrenchFormat.Money(year.Difference)).AppendLine(" |");
        }
        md.Append("| **Total** | **").Append(FrenchFormat.Money(result.PlannedCost)).Append("** | **").Append(FrenchFormat.Money(result.ActualExpenses))
            .Append("** | **").Append(FrenchFormat.Money(result.ActualExpenses - result.PlannedCost)).AppendLine("** |").AppendLine();
        md.AppendLine("| Financeur | Prévu | Dû sur le réalisé | Reçu | Solde à percevoir | Trop-perçu à reverser |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var f in result.Funders)
        {
            md.Append("| ").Append(Cell(f.Name)).Append(" | ").Append(FrenchFormat.Money(f.Granted)).Append(" | ").Append(FrenchFormat.Money(f.Due)).Append(" | ")
                .Append(FrenchFormat.Money(f.Received)).Append(" | ").Append(f.IsCarrier ? "—" : FrenchFormat.Money(f.ToClaim)).Append(" | ").Append(FrenchFormat.Money(f.ToPayBack)).AppendLine(" |");
        }
        md.Append("| **Total** | **").Append(FrenchFormat.Money(result.Funders.Sum(f => f.Granted))).Append("** | **").Append(FrenchFormat.Money(result.Funders.Sum(f => f.Due)))
            .Append("** | **").Append(FrenchFormat.Money(result.Funders.Sum(f => f.Received))).Append("** | **").Append(FrenchFormat.Money(result.TotalToClaim))
            .Append("** | **").Append(FrenchFormat.Money(result.TotalToPayBack)).AppendLine("** |").AppendLine();
        md.AppendLine("## Explications").AppendLine();
        foreach (var f in result.Funders)
        {
            md.Append("- ").AppendLine(f.Sentence);
        }
        md.AppendLine().AppendLine("## Contrôles des recettes").AppendLine();
        foreach (var check in result.Checks)
        {
            md.Append("- ").Append(check.Message).Append(" (").Append(check.Source).AppendLine(")");
        }
        if (funderId is not null)
        {
            var letter = Letter(result, input, funderId);
            md.AppendLine().Append("## ").AppendLine(letter.Title).AppendLine();
            foreach (var paragraph in letter.Paragraphs)
            {
                md.AppendLine(paragraph).AppendLine();
            }
        }
        return md.ToString();
    }

    /// <summary>The statement's two tables as an HTML fragment, to paste into a word processor.</summary>
    /// <param name="result">The execution.</param>
    /// <returns>The HTML text.</returns>
    public static string Html(ExecutionResult result)
    {
        Preconditions.CheckNotNull(result);
        var html = new StringBuilder();
        html.Append("<table>\n<caption>").Append(HtmlReport.Escape($"{StatementTitle} — {result.Actual.Plan.Name}")).AppendLine("</caption>");
        html.AppendLine("<thead><tr><th>Financeur</th><th>Prévu</th><th>Dû sur le réalisé</th><th>Reçu</th><th>Solde à percevoir</th><th>Trop-perçu à reverser</th></tr></thead>\n<tbody>");
        foreach (var f in result.Funders)
        {
            html.Append("<tr><th scope=\"row\">").Append(HtmlReport.Escape(f.Name)).Append("</th>");
            foreach (string cell in new[] { FrenchFormat.Money(f.Granted), FrenchFormat.Money(f.Due), FrenchFormat.Money(f.Received), f.IsCarrier ? "—" : FrenchFormat.Money(f.ToClaim), FrenchFormat.Money(f.ToPayBack) })
            {
                html.Append("<td style=\"text-align:right\">").Append(cell).Append("</td>");
            }
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody>\n</table>");
        html.Append("<p>").Append(HtmlReport.Escape(result.Sentence)).AppendLine("</p>");
        return html.ToString();
    }

    /// <summary>One row per funder: planned, due, received, to claim, to pay back, and its sentence.</summary>
    /// <param name="result">The execution.</param>
    /// <param name="dialect">The CSV conventions.</param>
    /// <returns>The CSV text.</returns>
    public static string Csv(ExecutionResult result, CsvDialect dialect = CsvDialect.French)
    {
        Preconditions.CheckNotNull(result);
        bool french = dialect == CsvDialect.French;
        char separator = french ? ';' : ',';
        var csv = new StringBuilder();
        if (french)
        {
            csv.Append(CsvReport.ByteOrderMark);
        }
        CsvReport.Line(csv, separator, french
            ? ["Financeur", "Identifiant", "Prévu (€)", "Dû sur le réalisé (€)", "Reçu (€)", "Solde à percevoir (€)", "Trop-perçu à reverser (€)", "Explication"]
            : ["funder", "id", "granted", "due", "received", "toClaim", "toPayBack", "sentence"]);
        foreach (var f in result.Funders)
        {
            CsvReport.Line(csv, separator, [CsvReport.Text(f.Name), CsvReport.Text(f.FunderId), CsvReport.Amount(f.Granted, french), CsvReport.Amount(f.Due, french),
                CsvReport.Amount(f.Received, french), CsvReport.Amount(f.ToClaim, french), CsvReport.Amount(f.ToPayBack, french), CsvReport.Text(f.Sentence)]);
        }
        CsvReport.Line(csv, separator, ["Total", "", CsvReport.Amount(result.Funders.Sum(f => f.Granted), french), CsvReport.Amount(result.Funders.Sum(f => f.Due), french),
            CsvReport.Amount(result.Funders.Sum(f => f.Received), french), CsvReport.Amount(result.TotalToClaim, french), CsvReport.Amount(result.TotalToPayBack, french), ""]);
        return csv.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
