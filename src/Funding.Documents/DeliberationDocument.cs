using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Funding.Formatting;
using Funding.Plans;
using Funding.Reports;

using static Funding.Documents.WordParts;

namespace Funding.Documents;

/// <summary>
/// A draft deliberation for one funder, as a DOCX a council report writer finishes in a word processor: the exposé
/// (the project, the financing table, the funder's payments and the paragraph of the seed's deliberations), the
/// dispositif with the amount in figures and in words, and the financing-agreement annex.
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
        var deliberation = report.Deliberation!;
        var words = report.AmountsInWords.Single(a => a.FunderId == funder.Id);
        var period = result.Plan.Cost.Period;
        var payments = result.Schedule.Funders.Single(s => s.FunderId == funder.Id).Payments;

        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph("PROJET DE DÉLIBÉRATION", bold: true, size: 32, center: true));
            body.Append(Paragraph(funder.Name, bold: true, size: 24, center: true));
            body.Append(Paragraph($"Objet : {result.Plan.Name} — participation financière", bold: true));

            body.Append(Heading("Exposé"));
            if (result.Plan.Description is { } description)
            {
                foreach (string line in description.Split('\n'))
                {
                    body.Append(Paragraph(line));
                }
            }
            body.Append(Paragraph($"Le projet court du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)}, pour un coût total de {FrenchFormat.Money(result.TotalCost)}. Son plan de financement prévisionnel est le suivant :"));
            body.Append(FinancingTable(report.Table));
            body.Append(Paragraph(deliberation.Paragraph));
            if (payments.Count > 0)
            {
                body.Append(Paragraph($"Les versements de {funder.Name} seraient les suivants :"));
                body.Append(Table(["Date", "Exercice", "Montant"],
                    payments.Select(p => new[] { FrenchFormat.Date(p.Date), p.BudgetYear.ToString(CultureInfo.InvariantCulture), FrenchFormat.Money(p.Amount) }).ToArray(),
                    ["Total", "", FrenchFormat.Money(payments.Sum(p => p.Amount))]));
            }

            body.Append(Heading("Dispositif"));
            body.Append(Paragraph("Le conseil, après en avoir délibéré, décide :"));
            body.Append(Paragraph($"– d'approuver le plan de financement du projet « {result.Plan.Name} » présenté ci-dessus ;"));
            body.Append(Paragraph(funder.IsCarrier
                ? $"– d'{deliberation.DecisionWithWords} ;"
                : $"– d'autoriser le Président à {deliberation.DecisionWithWords} ;"));
            body.Append(Paragraph("– d'autoriser le Président à signer la convention de financement annexée et tout document s'y rapportant."));
            body.Append(Paragraph($"Chiffres calculés par Funding, règles de calcul {result.CalculationVersion}.", italic: true, size: 18));

            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Paragraph("ANNEXE — CONVENTION DE FINANCEMENT", bold: true, size: 28, center: true));
            body.Append(Paragraph($"Entre {funder.Name}, ci-après « le financeur », et {CarrierName(result)}, ci-après « le porteur »."));
            body.Append(Heading("Article 1 — Objet"));
            body.Append(Paragraph($"La présente convention fixe la participation du financeur au projet « {result.Plan.Name} », du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)}."));
            body.Append(Heading("Article 2 — Montant"));
            body.Append(Paragraph(words.AnnualAmount is { } annual && words.AnnualAmountInWords is { } annualWords
                ? $"Le financeur participe à hauteur de {FrenchFormat.MoneyCompact(annual)} ({annualWords}) par an, soit {FrenchFormat.MoneyCompact(words.Total)} ({words.TotalInWords}) sur la durée du projet."
                : $"Le financeur participe à hauteur de {FrenchFormat.MoneyCompact(words.Total)} ({words.TotalInWords}) sur la durée du projet."));
            body.Append(Paragraph(funder.Explanation.Sentence));
            body.Append(Heading("Article 3 — Versements"));
            foreach (var payment in payments)
            {
                body.Append(Paragraph("– " + payment.Sentence));
            }
            body.Append(Heading("Article 4 — Justificatifs et reversement"));
            body.Append(Paragraph("Le porteur transmet au financeur l'état récapitulatif des dépenses réalisées. Toute somme versée au-delà de la participation due au vu des dépenses réalisées est reversée au financeur."));
            body.Append(Heading("Article 5 — Durée"));
            body.Append(Paragraph("La convention prend effet à sa signature et s'achève au versement du solde."));
            body.Append(Paragraph("Fait en deux exemplaires, le ……………"));
            body.Append(Table(["Pour le financeur", "Pour le porteur"], [[funder.Name, CarrierName(result)]], null));

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    private static string CarrierName(PlanResult result) =>
        result.CarrierId is { } id ? result.Funder(id).Name : "le porteur du projet";

    private static Table FinancingTable(FinancingTable table) =>
        Table(["Financeur", "Montant", "Part du coût"],
            table.Rows.Select(r => new[] { r.Name, FrenchFormat.Money(r.Amount), FrenchFormat.Rate(r.ShareOfCost) }).ToArray(),
            ["Total", FrenchFormat.Money(table.Total.Amount), FrenchFormat.Rate(table.Total.ShareOfCost)]);
}
