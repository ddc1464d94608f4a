using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Funding.Execution;
using Funding.Plans;
using NodaTime;

namespace Funding.Documents.Tests;

/// <summary>
/// Every DOCX and XLSX the project writes, checked by the Open XML SDK's own validator (the schemas and semantic rules
/// Word and Excel hold a file to): 0 errors, for every sample plan, every funder and group, the sweep workbook and the
/// execution statement and letters.
/// </summary>
public class OfficeValidityTests
{
    public static TheoryData<string> Samples() => [.. SamplePlans.All.Select(s => s.Id)];

    private static PlanResult Evaluated(string id) => PlanEvaluator.Evaluate(SamplePlans.All.Single(s => s.Id == id).Plan);

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryDeliberationDraft_IsValid(string sample)
    {
        var result = Evaluated(sample);
        foreach (var funder in result.Funders)
        {
            ShouldBeValidWord(DeliberationDocument.Write(result, funder.Id), $"{sample}/{funder.Id}");
        }
        foreach (var group in result.Groups)
        {
            using var zip = new ZipArchive(new MemoryStream(DeliberationDocument.WriteGroup(result, group.Id)), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var copy = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(copy);
                }
                ShouldBeValidWord(copy.ToArray(), $"{sample}/{group.Id}/{entry.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryPlanWorkbook_IsValid(string sample) => ShouldBeValidExcel(PlanWorkbook.Write(Evaluated(sample)), sample);

    [Fact]
    public void TheSweepWorkbook_IsValid()
    {
        var plan = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var result = PlanSweep.Run(plan, [new SweepAxis(SweepParameter.Cap, "etat") { Numbers = [60_000m, 80_000m, 100_000m] }], byBudgetYear: true);
        ShouldBeValidExcel(SweepWorkbook.Build(result), "sweep");
    }

    [Fact]
    public void TheExecutionStatement_AndEveryLetter_AreValid()
    {
        var plan = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var input = new ExecutionInput(
            [new BudgetYearAmount(2022, Money.Euros(77_850m)), new BudgetYearAmount(2023, Money.Euros(25_950m)), new BudgetYearAmount(2024, Money.Euros(25_950m))],
            [new Receipt("etat", new LocalDate(2022, 4, 1), Money.Euros(80_000m), "titre n° 2022-041"), new Receipt("qbo", new LocalDate(2022, 4, 1), Money.Euros(8_695.13m))]);
        var result = ExecutionEvaluator.Evaluate(plan, input);
        ShouldBeValidExcel(ExecutionDocuments.Workbook(result), "execution");
        foreach (var funder in result.Funders.Where(f => !f.IsCarrier))
        {
            ShouldBeValidWord(ExecutionDocuments.Letter(result, input, funder.FunderId), $"letter/{funder.FunderId}");
        }
    }

    internal static void ShouldBeValidWord(byte[] docx, string what)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Errors(document).ShouldBeEmpty(what);
        // French is declared (the document's default language), and every part a word processor expects is there.
        document.MainDocumentPart!.StyleDefinitionsPart.ShouldNotBeNull(what);
        document.MainDocumentPart.DocumentSettingsPart.ShouldNotBeNull(what);
        document.CoreFilePropertiesPart.ShouldNotBeNull(what);
        document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Languages>().Single().Val!.Value.ShouldBe("fr-FR");
        document.MainDocumentPart.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .ShouldAllBe(t => t.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableGrid>() != null, what);
    }

    internal static void ShouldBeValidExcel(byte[] xlsx, string what)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Errors(document).ShouldBeEmpty(what);
    }

    private static string[] Errors(OpenXmlPackage package) =>
        [.. new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
}
