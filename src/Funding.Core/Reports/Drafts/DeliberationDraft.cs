using System.Globalization;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Reports.Drafts;

/// <summary>
/// The text of a funder's deliberation draft, as a secretary files it: the heading (the body, the « séance », the
/// number to fill in), the object, the « Vu » (the code's article, the law on grant agreements when it applies, the
/// plan), the « Considérant », the exposé with the plan's figures, « DÉCIDE » (« ARRÊTE » for the State) and its
/// numbered articles, the vote and the signature of the right office. The carrier's draft approves the plan and
/// requests each funder's share; a funder's grants its own and authorises the signature of the financing agreement.
/// </summary>
/// <remarks>
/// Layout is the renderers' (the DOCX of <c>Funding.Documents</c>); every figure comes from the evaluated plan, in digits
/// and in words, and the same plan gives the same text.
/// </remarks>
/// <param name="FunderId">The funder the draft is written for.</param>
/// <param name="Body">Who decides, and how.</param>
/// <param name="Title">« PROJET DE DÉLIBÉRATION » or « PROJET D'ARRÊTÉ ».</param>
/// <param name="Heading">The lines above the object: the funder, the assembly and its séance, the act's number.</param>
/// <param name="Subject">« Objet : … ».</param>
/// <param name="Preamble">« Le Conseil communautaire, » or « Le Préfet, ».</param>
/// <param name="Vu">The texts the decision rests on, each a « Vu … ; ».</param>
/// <param name="Considering">The reasons, each a « Considérant que … ; ».</param>
/// <param name="Exposition">The exposé's opening paragraph (the project, its period and cost); the financing table follows it.</param>
/// <param name="FunderParagraph">The paragraph on this funder's share.</param>
/// <param name="PaymentsIntro">« Les versements de l'État seraient les suivants : », before the funder's payments.</param>
/// <param name="Decides">« DÉCIDE : » or « ARRÊTE : ».</param>
/// <param name="Articles">The numbered articles.</param>
/// <param name="Vote">The vote's line to fill in, or null for an arrêté.</param>
/// <param name="Place">« Fait à ……………, le …………… ».</param>
/// <param name="Agreement">The parties of the annexed financing agreement (« Entre la Commune de …, ci-après « le financeur », et … »); null for the carrier's draft, which has none.</param>
public sealed record DeliberationDraft(
    string FunderId,
    DeliberatingBody Body,
    string Title,
    IReadOnlyList<string> Heading,
    string Subject,
    string Preamble,
    IReadOnlyList<string> Vu,
    IReadOnlyList<string> Considering,
    string Exposition,
    string FunderParagraph,
    string PaymentsIntro,
    string Decides,
    IReadOnlyList<DraftArticle> Articles,
    string? Vote,
    string Place,
    string? Agreement)
{
    private const string Blank = "……………";

    /// <summary>The draft for <paramref name="funderId"/>.</summary>
    /// <param name="result">The evaluated plan.</param>
    /// <param name="funderId">A funder's id (not a group's).</param>
    /// <returns>The draft.</returns>
    /// <exception cref="FundingValidationException">No funder has that id (path <c>funderId</c>).</exception>
    public static DeliberationDraft For(PlanResult result, string funderId)
    {
        Preconditions.CheckNotNull(result);
        var report = PlanReport.From(result, funderId);
        var funder = result.Funder(funderId);
        var deliberation = report.Deliberation!;
        var plan = result.Plan;
        var period = plan.Cost.Period;
        var body = DeliberatingBody.Of(funder.Kind);
        string carrierName = result.CarrierId is { } carrierId ? result.Funder(carrierId).Name : "le porteur du projet";
        var carrier = result.CarrierId is { } id ? result.Funder(id) : null;
        string project = $"« {plan.Name} »";
        var words = report.AmountsInWords.Single(a => a.FunderId == funder.Id);

        var vu = new List<string>();
        if (body.Code is { } code)
        {
            vu.Add(code);
        }
        // A grant to a private body above the threshold needs a written agreement (loi n° 2000-321, art. 10).
        var threshold = LegalParameters.WrittenAgreementThreshold.On(period.Start);
        if (!funder.IsCarrier && carrier is { Kind: FunderKind.Private } && threshold is not null && AnnualOrTotal(words) > threshold.Value)
        {
            vu.Add($"Vu la loi n° 2000-321 du 12 avril 2000 relative aux droits des citoyens dans leurs relations avec les administrations, notamment son article 10, et le décret n° 2001-495 du 6 juin 2001, qui imposent une convention au-delà de {FrenchFormat.MoneyCompact(threshold.Value)} par an ;");
        }
        vu.Add($"Vu le plan de financement prévisionnel du projet {project} ;");

        string cost = $"{FrenchFormat.MoneyCompact(result.TotalCost)} ({FrenchWords.Amount(result.TotalCost)})";
        var considering = new List<string>
        {
            $"Considérant que le projet {project}, porté par {FrenchProse.WithArticle(carrierName)}, court du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)} pour un coût total de {cost} ;",
            funder.IsCarrier
                ? $"Considérant que le plan de financement associe {FrenchProse.Count(result.Funders.Count(f => !f.IsCarrier), "financeur", "financeurs")} et laisse à la charge du porteur {FrenchFormat.MoneyCompact(funder.Total)} ({words.TotalInWords}) ;"
                : $"Considérant que la participation demandée {FrenchProse.To(funder.Name)} s'élève à {FrenchFormat.MoneyCompact(funder.Total)} ({words.TotalInWords}) sur la durée du projet ;",
        };

        string exposition = $"Le projet {project} court du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)}, soit {FrenchProse.Duration(period.Months)}, pour un coût total de {FrenchFormat.MoneyCompact(result.TotalCost)}. Son plan de financement prévisionnel est le suivant :";
        var budgetYears = result.Schedule.Funders.Single(s => s.FunderId == funder.Id).Payments.Select(p => p.BudgetYear).Distinct().Order().ToArray();
        string years = budgetYears.Length switch
        {
            0 => "",
            1 => $"de l'exercice {budgetYears[0].ToString(CultureInfo.InvariantCulture)}",
            _ => $"des exercices {budgetYears[0].ToString(CultureInfo.InvariantCulture)} à {budgetYears[^1].ToString(CultureInfo.InvariantCulture)}",
        };

        var articles = new List<DraftArticle>
        {
            new(1, $"Approuve le plan de financement prévisionnel du projet {project} présenté ci-dessus.", []),
        };
        if (funder.IsCarrier)
        {
            var requests = report.AmountsInWords.Where(a => a.FunderId != funder.Id && !result.Groups.Any(g => g.Id == a.FunderId))
                .Select(a => a.AnnualAmount is { } annual && a.AnnualAmountInWords is { } annualWords && period.Months % 12 == 0
                    ? $"{FrenchProse.Subject(a.Name)} : {FrenchFormat.MoneyCompact(annual)} ({annualWords}) par an, soit {FrenchFormat.MoneyCompact(a.Total)} sur la durée du projet ;"
                    : $"{FrenchProse.Subject(a.Name)} : {FrenchFormat.MoneyCompact(a.Total)} ({a.TotalInWords}) ;")
                .ToArray();
            articles.Add(new(2, "Sollicite auprès de chaque financeur la participation inscrite au plan de financement :", requests));
            articles.Add(new(3, $"Décide d'{deliberation.DecisionWithWords}.", []));
            articles.Add(new(4, $"Autorise {body.Office} à solliciter ces participations, à signer les conventions de financement correspondantes et tout document s'y rapportant.", []));
        }
        else
        {
            articles.Add(new(2, $"Décide de {deliberation.DecisionWithWords}.", []));
            articles.Add(new(3, $"Autorise {body.Office} à signer la convention de financement annexée et tout document s'y rapportant.", []));
        }
        if (years.Length > 0 && !body.IsDecree)
        {
            articles.Add(new(articles.Count + 1, $"Dit que les crédits nécessaires sont inscrits au budget {years}.", []));
        }
        if (body.IsDecree)
        {
            articles.Add(new(articles.Count + 1, $"{FrenchProse.Subject(body.Office.Replace("le ", "", StringComparison.Ordinal))} est chargé de l'exécution du présent arrêté.", []));
        }

        return new DeliberationDraft(
            funder.Id,
            body,
            body.IsDecree ? "PROJET D'ARRÊTÉ ATTRIBUTIF DE SUBVENTION" : "PROJET DE DÉLIBÉRATION",
            body.IsDecree
                ? [funder.Name, $"Arrêté n° {Blank} du {Blank}"]
                : [funder.Name, $"{body.Assembly} — séance du {Blank}", $"Délibération n° {Blank}"],
            funder.IsCarrier
                ? $"Objet : {plan.Name} — plan de financement et demandes de participation"
                : $"Objet : {plan.Name} — participation {FrenchProse.Of(funder.Name)}",
            body.IsDecree ? $"{body.Signatory}," : $"Le {body.Assembly},",
            vu,
            considering,
            exposition,
            deliberation.Paragraph,
            $"Les versements {FrenchProse.Of(funder.Name)} seraient les suivants :",
            body.IsDecree ? "ARRÊTE :" : "Après en avoir délibéré, DÉCIDE :",
            articles,
            body.IsDecree ? null : $"Adopté par {Blank} voix pour, {Blank} voix contre et {Blank} abstentions.",
            $"Fait à {Blank}, le {Blank}",
            funder.IsCarrier ? null : $"Entre {FrenchProse.WithArticle(funder.Name)}, ci-après « le financeur », et {FrenchProse.WithArticle(carrierName)}, ci-après « le porteur ».");
    }

    private static Money AnnualOrTotal(AmountInWords words) => words.AnnualAmount ?? words.Total;
}
