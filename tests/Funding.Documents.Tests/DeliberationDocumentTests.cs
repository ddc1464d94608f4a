using System.IO.Compression;
using System.Xml.Linq;
using Funding.Plans;

namespace Funding.Documents.Tests;

/// <summary>The deliberation drafts opened from their raw XML: their paragraphs, tables and figures.</summary>
public class DeliberationDocumentTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly PlanResult Seed = PlanEvaluator.Evaluate(SamplePlans.TerritoireIndustrieFinistere.Plan);

    /// <summary>Every paragraph's text, spaces made ordinary (French figures use narrow and no-break spaces).</summary>
    internal static List<string> Paragraphs(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(stream).Descendants(W + "p")
            .Select(p => string.Concat(p.Descendants(W + "t").Select(t => t.Value)).Replace('\u202F', ' ').Replace('\u00A0', ' '))
            .ToList();
    }

    [Fact]
    public void QboDraft_IsAnEpcisDeliberation_WithTheSeedsDecision_InFiguresAndWords()
    {
        var text = Paragraphs(DeliberationDocument.Write(Seed, "qbo"));

        text.Take(5).ShouldBe([
            "Quimper Bretagne Occidentale",
            "Conseil communautaire — séance du ……………",
            "Délibération n° ……………",
            "PROJET DE DÉLIBÉRATION",
            "Objet : Chargé(e) de mission Territoire d'industrie Finistère — participation de Quimper Bretagne Occidentale",
        ]);
        text.ShouldContain("Le Conseil communautaire,");
        text.ShouldContain("Vu le code général des collectivités territoriales, notamment ses articles L. 5211-1 et L. 5211-10 ;");
        // UIMM Finistère is a private body and QBO gives it 11 593,50 € a year: below 23 000 €, no convention is required by law.
        text.ShouldNotContain(p => p.StartsWith("Vu la loi n° 2000-321", StringComparison.Ordinal));
        text.ShouldContain("Considérant que la participation demandée à Quimper Bretagne Occidentale s'élève à 23 187 € (vingt-trois mille cent quatre-vingt-sept euros) sur la durée du projet ;");
        text.ShouldContain("Après en avoir délibéré, DÉCIDE :");
        // The dispositif of the seed's deliberation (QBO, 17 March 2022), the amount in words written out by hand.
        text.ShouldContain("Article 2 — Décide de verser la subvention à UIMM Finistère à hauteur de 11 593,50 € (onze mille cinq cent quatre-vingt-treize euros et cinquante centimes) annuellement, sur 2 ans.");
        text.ShouldContain("Article 3 — Autorise le Président à signer la convention de financement annexée et tout document s'y rapportant.");
        text.ShouldContain("Article 4 — Dit que les crédits nécessaires sont inscrits au budget des exercices 2022 à 2024.");
        text.ShouldContain("Adopté par …………… voix pour, …………… voix contre et …………… abstentions.");
        text.ShouldContain("Le Président,");
        text.ShouldContain("ANNEXE — CONVENTION DE FINANCEMENT");
        text.ShouldContain("Entre Quimper Bretagne Occidentale, ci-après « le financeur », et UIMM Finistère, ci-après « le porteur ».");
        // Not the seed's illustrative note: the description stays out of a document a council files.
        text.ShouldNotContain(p => p.Contains("illustrati", StringComparison.Ordinal));
    }

    [Fact]
    public void TheStatesDraft_IsAnArrete_SignedByThePrefet_AndCitesTheLawOnAgreementsAboveTheThreshold()
    {
        var text = Paragraphs(DeliberationDocument.Write(Seed, "etat"));

        text.ShouldContain("PROJET D'ARRÊTÉ ATTRIBUTIF DE SUBVENTION");
        text.ShouldContain("Le Préfet,");
        text.ShouldContain("ARRÊTE :");
        // 80 000 € to a private body, paid once: above 23 000 € a year, so the law on grant agreements is cited.
        text.ShouldContain(p => p.StartsWith("Vu la loi n° 2000-321 du 12 avril 2000", StringComparison.Ordinal) && p.Contains("23 000 €", StringComparison.Ordinal));
        text.ShouldContain("Objet : Chargé(e) de mission Territoire d'industrie Finistère — participation de l'État");
        text.ShouldContain(p => p.StartsWith("Article 2 — Décide de verser la subvention à UIMM Finistère à hauteur de 80 000 € (quatre-vingt mille euros)", StringComparison.Ordinal));
        text.ShouldNotContain(p => p.StartsWith("Adopté par", StringComparison.Ordinal));
    }

    [Fact]
    public void ACommunesDraft_IsSignedByTheMaire_WithItsArticles()
    {
        var plan = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var withCommune = plan with
        {
            Funders = [.. plan.Funders.Take(plan.Funders.Count - 1),
                new Funder("pont-labbe", "Commune de Pont-l'Abbé", FunderKind.Municipality, new Funding.Rules.FixedTotalRule(Money.Euros(5_000m))),
                plan.Funders[^1]],
        };
        var text = Paragraphs(DeliberationDocument.Write(PlanEvaluator.Evaluate(withCommune), "pont-labbe"));

        text.ShouldContain("Commune de Pont-l'Abbé");
        text.ShouldContain("Conseil municipal — séance du ……………");
        text.ShouldContain("Le Conseil municipal,");
        text.ShouldContain("Vu le code général des collectivités territoriales, notamment son article L. 2121-29 ;");
        text.ShouldContain("Objet : Chargé(e) de mission Territoire d'industrie Finistère — participation de la Commune de Pont-l'Abbé");
        text.ShouldContain("Considérant que la participation demandée à la Commune de Pont-l'Abbé s'élève à 5 000 € (cinq mille euros) sur la durée du projet ;");
        text.ShouldContain("Article 3 — Autorise le Maire à signer la convention de financement annexée et tout document s'y rapportant.");
        text.ShouldContain("Le Maire,");
        text.ShouldContain("Entre la Commune de Pont-l'Abbé, ci-après « le financeur », et UIMM Finistère, ci-après « le porteur ».");
    }

    [Fact]
    public void QboDraft_FinancingTable_AndPayments_AreThePlans()
    {
        var text = Paragraphs(DeliberationDocument.Write(Seed, "qbo"));

        // Table cells are paragraphs: the State's 80 000,00 €, QBO's three payments (docs/plans.md, by hand).
        text.ShouldContain("80 000,00 €");
        text.ShouldContain("23 187,00 €");
        text.ShouldContain("207 600,00 €");
        foreach (string payment in new[] { "8 695,13 €", "11 593,50 €", "2 898,37 €" })
        {
            text.ShouldContain(payment);
        }
    }

    [Fact]
    public void TheCarriersDraft_ApprovesThePlan_RequestsEachShare_AndHasNoAgreementWithItself()
    {
        var pvd = PlanEvaluator.Evaluate(SamplePlans.PetitesVillesDeDemain.Plan);
        var carrier = pvd.Funder(pvd.CarrierId!);
        var text = Paragraphs(DeliberationDocument.Write(pvd, carrier.Id));

        text.ShouldContain("Conseil municipal — séance du ……………");
        text.ShouldContain(p => p.StartsWith("Objet : ", StringComparison.Ordinal) && p.EndsWith("— plan de financement et demandes de participation", StringComparison.Ordinal));
        text.ShouldContain(p => p.StartsWith("Article 1er — Approuve le plan de financement prévisionnel", StringComparison.Ordinal));
        text.ShouldContain("Article 2 — Sollicite auprès de chaque financeur la participation inscrite au plan de financement :");
        foreach (var funder in pvd.Funders.Where(f => !f.IsCarrier))
        {
            text.ShouldContain(p => p.StartsWith("– ", StringComparison.Ordinal) && p.Contains(funder.Total.ToString().Replace('\u202F', ' ').Replace('\u00A0', ' ').Replace(",00 €", "", StringComparison.Ordinal), StringComparison.Ordinal));
        }
        text.ShouldContain(p => p.StartsWith("Article 3 — Décide d'inscrire au budget la somme de ", StringComparison.Ordinal) && p.Contains(" euros", StringComparison.Ordinal));
        text.ShouldContain(p => p.StartsWith("Article 4 — Autorise le Maire à solliciter ces participations", StringComparison.Ordinal));
        text.ShouldContain("Le Maire,");
        text.ShouldNotContain("ANNEXE — CONVENTION DE FINANCEMENT");
        text.ShouldNotContain(p => p.Contains("ci-après « le porteur »", StringComparison.Ordinal));
    }

    [Fact]
    public void AGroup_GivesOneDraftPerMember_InAZip()
    {
        var group = Seed.Groups.Single();
        DeliberationDocument.IsGroup(Seed, group.Id).ShouldBeTrue();

        using var zip = new ZipArchive(new MemoryStream(DeliberationDocument.WriteGroup(Seed, group.Id)), ZipArchiveMode.Read);

        zip.Entries.Select(e => e.Name).ShouldBe(group.MemberIds.Select(id => $"{id}.docx"));
        foreach (var entry in zip.Entries)
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }
            var member = Seed.Funder(Path.GetFileNameWithoutExtension(entry.Name));
            var text = Paragraphs(copy.ToArray());
            text[0].ShouldBe(member.Name);
            text.ShouldContain(p => p.Contains(member.Total.ToString().Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AnUnknownFunder_IsAValidationError()
    {
        var error = Should.Throw<FundingValidationException>(() => DeliberationDocument.Write(Seed, "nobody")).Errors.Single();
        error.Path.ShouldBe("funderId");
    }

    [Fact]
    public void TheSamePlan_GivesTheSameBytes()
    {
        DeliberationDocument.Write(Seed, "qbo").SequenceEqual(DeliberationDocument.Write(PlanEvaluator.Evaluate(Seed.Plan), "qbo")).ShouldBeTrue();
        DeliberationDocument.WriteGroup(Seed, "autres-epci").SequenceEqual(DeliberationDocument.WriteGroup(Seed, "autres-epci")).ShouldBeTrue();
    }
}
