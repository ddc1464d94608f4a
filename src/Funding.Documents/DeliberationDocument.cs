using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Funding.Formatting;
using Funding.Plans;
using Funding.Reports;
using Funding.Reports.Drafts;

using static Funding.Documents.WordParts;

namespace Funding.Documents;

/// <summary>
/// A draft deliberation for one funder, as a DOCX a secretary can file (<see cref="DeliberationDraft"/>): the heading
/// (the body, the séance, the number), the object, the exposé with the financing table and the funder's payments, the
/// « Vu » and « Considérant », « DÉCIDE » and its numbered articles with the amount in figures and in words, the vote and
/// the signature of the right office; a funder's draft annexes the financing agreement, the carrier's does not.
/// </summary>
/// <remarks>
/// For Quimper Bretagne Occidentale in the seed case the dispositif reads « d'autoriser le Président à verser la
/// subvention à UIMM Finistère à hauteur de 11 593,50 € (onze mille cinq cent quatre-vingt-treize euros et cinquante
/// centimes) annuellement, sur 2 ans ». Every figure comes from the evaluated plan; the same plan gives the same bytes.
/// </remarks>
public static class DeliberationDocument
{
    /// <summary>The media type of a deliberation draft.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The media type of the zip holding one draft per member of a group.</summary>
    public const string ZipContentType = "application/zip";

    /// <summary>Whether <paramref name="id"/> names a group of the plan (then <see cref="WriteGroup"/> applies).</summary>
    /// <param name="result">The evaluated plan.</param>
    /// <param name="id">A funder or group id.</param>
    /// <returns>True for a group's id.</returns>
    public static bool IsGroup(PlanResult result, string id)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Groups.Any(g => g.Id == id);
    }

    /// <summary>The draft deliberation for the funder <paramref name="funderId"/>.</summary>
    /// <param name="result">The evaluated plan.</param>
    /// <param name="funderId">The funder (not a group).</param>
    /// <returns>The DOCX file's bytes.</returns>
    /// <exception cref="FundingValidationException">No funder has that id (path <c>funderId</c>).</exception>
    public static byte[] Write(PlanResult result, string funderId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = PlanReport.From(result, funderId);
        return Render(result, report, result.Funder(funderId));
    }

    /// <summary>One draft per member of the group <paramref name="groupId"/>, in a zip: <c>{memberId}.docx</c>, in the group's order.</summary>
    /// <param name="result">The evaluated plan.</param>
    /// <param name="groupId">The group.</param>
    /// <returns>The zip file's bytes.</returns>
    public static byte[] WriteGroup(PlanResult result, string groupId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var group = result.Groups.Single(g => g.Id == groupId);
        return DeterministicZip.Create(group.MemberIds.Select(id => ($"{id}.docx", Write(result, id))));
    }

    private static byte[] Render(PlanResult result, PlanReport report, FunderResult funder)
    {
        var draft = DeliberationDraft.For(result, funder.Id);
        var words = report.AmountsInWords.Single(a => a.FunderId == funder.Id);
        var period = result.Plan.Cost.Period;
        var payments = result.Schedule.Funders.Single(s => s.FunderId == funder.Id).Payments;

        var parts = new List<OpenXmlElement>();
        parts.AddRange(draft.Heading.Select((line, i) => Styled(i == 0 ? SubtitleStyle : null, line)));
        parts.Add(Styled(TitleStyle, draft.Title));
        parts.Add(Styled(null, draft.Subject, bold: true));

        parts.Add(Heading("Exposé"));
        parts.Add(Paragraph(draft.Exposition));
        parts.Add(FinancingTable(report.Table));
        parts.Add(Paragraph(draft.FunderParagraph));
        if (payments.Count > 0)
        {
            parts.Add(Paragraph(draft.PaymentsIntro));
            parts.Add(Table(["Date", "Exercice", "Montant"],
                payments.Select(p => new[] { FrenchFormat.Date(p.Date), p.BudgetYear.ToString(CultureInfo.InvariantCulture), FrenchFormat.Money(p.Amount) }).ToArray(),
                ["Total", "", FrenchFormat.Money(payments.Sum(p => p.Amount))]));
        }

        parts.Add(Heading("Décision"));
        parts.Add(Styled(null, draft.Preamble, bold: true));
        parts.AddRange(draft.Vu.Select(Paragraph));
        parts.AddRange(draft.Considering.Select(Paragraph));
        parts.Add(Styled(null, draft.Decides, bold: true));
        foreach (var article in draft.Articles)
        {
            parts.Add(LeadIn(ArticleStyle, $"Article {(article.Number == 1 ? "1er" : article.Number.ToString(CultureInfo.InvariantCulture))} — ", article.Text));
            parts.AddRange(article.Items.Select(item => Styled(ItemStyle, "– " + item)));
        }
        if (draft.Vote is { } vote)
        {
            parts.Add(Paragraph(vote));
        }
        parts.Add(Paragraph(draft.Place));
        parts.Add(Styled(SignatureStyle, draft.Body.Signatory + ","));
        parts.Add(Styled(NoteStyle, $"Chiffres calculés par Funding, règles de calcul {result.CalculationVersion}."));

        if (draft.Agreement is { } agreement)
        {
            string carrier = CarrierName(result);
            parts.Add(PageBreak());
            parts.Add(Styled(TitleStyle, "ANNEXE — CONVENTION DE FINANCEMENT"));
            parts.Add(Paragraph(agreement));
            parts.Add(Heading("Article 1er — Objet"));
            parts.Add(Paragraph($"La présente convention fixe la participation du financeur au projet « {result.Plan.Name} », du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)}."));
            parts.Add(Heading("Article 2 — Montant"));
            parts.Add(Paragraph(words.AnnualAmount is { } annual && words.AnnualAmountInWords is { } annualWords
                ? $"Le financeur participe à hauteur de {FrenchFormat.MoneyCompact(annual)} ({annualWords}) par an, soit {FrenchFormat.MoneyCompact(words.Total)} ({words.TotalInWords}) sur la durée du projet."
                : $"Le financeur participe à hauteur de {FrenchFormat.MoneyCompact(words.Total)} ({words.TotalInWords}) sur la durée du projet."));
            parts.Add(Paragraph(funder.Explanation.Sentence));
            parts.Add(Heading("Article 3 — Versements"));
            parts.AddRange(payments.Select(payment => Styled(ItemStyle, "– " + payment.Sentence)));
            parts.Add(Heading("Article 4 — Justificatifs et reversement"));
            parts.Add(Paragraph("Le porteur transmet au financeur l'état récapitulatif des dépenses réalisées. Toute somme versée au-delà de la participation due au vu des dépenses réalisées est reversée au financeur."));
            parts.Add(Heading("Article 5 — Durée"));
            parts.Add(Paragraph("La convention prend effet à sa signature et s'achève au versement du solde."));
            parts.Add(Paragraph("Fait en deux exemplaires, le ……………"));
            parts.Add(Table(["Pour le financeur", "Pour le porteur"], [[funder.Name, carrier]], null));
        }
        return Document($"{draft.Title} — {result.Plan.Name} — {funder.Name}", parts);
    }

    private static string CarrierName(PlanResult result) =>
        result.CarrierId is { } id ? result.Funder(id).Name : "le porteur du projet";

    private static Table FinancingTable(FinancingTable table) =>
        Table(["Financeur", "Montant", "Part du coût"],
            table.Rows.Select(r => new[] { r.Name, FrenchFormat.Money(r.Amount), FrenchFormat.Rate(r.ShareOfCost) }).ToArray(),
            ["Total", FrenchFormat.Money(table.Total.Amount), FrenchFormat.Rate(table.Total.ShareOfCost)]);
}
