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
    public void QboDraft_HasTheSeedsDispositif_WithTheAmountInWords()
    {
        var text = Paragraphs(DeliberationDocument.Write(Seed, "qbo"));

        // The dispositif of the seed's deliberation (QBO, 17 March 2022), the amount in words written out by hand.
        text.ShouldContain("– d'autoriser le Président à verser la subvention à UIMM Finistère à hauteur de 11 593,50 € (onze mille cinq cent quatre-vingt-treize euros et cinquante centimes) annuellement, sur 2 ans ;");
        text.ShouldContain("Le coût pour Quimper Bretagne Occidentale serait de 11 593,50 € annuels sur 2 ans pour un coût total estimé annuel de 103 800 €.");
        text[0].ShouldBe("PROJET DE DÉLIBÉRATION");
        text.ShouldContain("Exposé");
        text.ShouldContain("Dispositif");
        text.ShouldContain("ANNEXE — CONVENTION DE FINANCEMENT");
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
    public void TheCarriersDraft_InscribesItsShareInTheBudget()
    {
        var carrier = Seed.Funder(Seed.CarrierId!);
        var text = Paragraphs(DeliberationDocument.Write(Seed, carrier.Id));

        text.ShouldContain(p => p.StartsWith("– d'inscrire au budget la somme de ", StringComparison.Ordinal) && p.Contains(" euros", StringComparison.Ordinal));
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
            text[1].ShouldBe(member.Name);
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
