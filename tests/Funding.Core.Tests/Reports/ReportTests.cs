using System.Globalization;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Funding.Plans;
using Funding.Reports;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Reports;

public class ReportTests
{
    private static readonly PlanResult SeedResult = PlanEvaluator.Evaluate(Seed);
    private static readonly PlanReport SeedReport = PlanReport.From(SeedResult, "qbo");

    [Fact]
    public void Golden_Markdown() => Golden.Matches(MarkdownReport.Render(SeedReport), "territoire-industrie-finistere.md");

    [Fact]
    public void Golden_Html() => Golden.Matches(HtmlReport.Render(SeedReport), "territoire-industrie-finistere.html");

    [Fact]
    public void Golden_FrenchCsv() => Golden.Matches(CsvReport.Render(SeedReport, CsvDialect.French), "territoire-industrie-finistere.csv");

    [Fact]
    public void Golden_Rfc4180Csv() => Golden.Matches(CsvReport.Render(SeedReport, CsvDialect.Rfc4180), "territoire-industrie-finistere-rfc4180.csv");

    /// <summary>
    /// The golden files are snapshots; this checks every figure of one of them against the independent computation, so
    /// that a snapshot can never freeze a wrong figure: each funder's total and its payments in 2022, 2023 and 2024.
    /// </summary>
    [Fact]
    public void GoldenCsv_EveryFunderFigure_MatchesTheIndependentComputation()
    {
        string path = Path.Combine(Golden.RepositoryRoot(), "docs", "reports", "territoire-industrie-finistere-rfc4180.csv");
        using var reader = new CsvReader(new StringReader(File.ReadAllText(path)), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Where(r => (string)r["id"] != "").ToList();
        rows.Count.ShouldBe(SeedByHand.TotalCents.Count);
        foreach (var row in rows)
        {
            string id = (string)row["id"];
            ((string)row["amount"]).ShouldBe(SeedByHand.Invariant(SeedByHand.TotalCents[id]), id);
            string[] years = [(string)row["2022"], (string)row["2023"], (string)row["2024"]];
            years.ShouldBe(SeedByHand.PaymentsCents(id).Select(SeedByHand.Invariant).ToArray(), id);
        }
    }

    [Fact]
    public void DeliberationParagraph_ForQbo_ReproducesTheSeedDeliberation()
    {
        var deliberation = SeedReport.Deliberation!;
        deliberation.Paragraph.ShouldBe("Le coût pour Quimper Bretagne Occidentale serait de 11\u202F593,50\u00A0€ annuels sur 2 ans pour un coût total estimé annuel de 103\u202F800\u00A0€.");
        deliberation.Decision.ShouldBe("verser la subvention à UIMM Finistère à hauteur de 11\u202F593,50\u00A0€ annuellement, sur 2 ans");
        // The seed document writes the same sentences with ordinary spaces.
        Normalize(deliberation.Paragraph).ShouldBe("Le coût pour Quimper Bretagne Occidentale serait de 11 593,50 € annuels sur 2 ans pour un coût total estimé annuel de 103 800 €.");
        Normalize(deliberation.Decision).ShouldBe("verser la subvention à UIMM Finistère à hauteur de 11 593,50 € annuellement, sur 2 ans");
    }

    [Fact]
    public void DeliberationParagraph_ForOtherRules_GivesTheTotalAndTheBudgetYears()
    {
        // Figures derived independently (SeedByHand: integer cents, by hand in its remarks), not copied from the output:
        // Brest's 23 706,83 € and its payments 8 890,06 / 11 853,42 / 2 963,35 €.
        SeedByHand.TotalCents["brest-metropole"].ShouldBe(2_370_683);
        SeedByHand.PaymentsCents("brest-metropole").ShouldBe([889_006, 1_185_342, 296_335]);
        var brest = PlanReport.From(SeedResult, "brest-metropole").Deliberation!;
        Normalize(brest.Paragraph).ShouldBe("Le coût pour Brest Métropole serait de 23 706,83 € sur 2 ans pour un coût total estimé annuel de 103 800 €.");
        Normalize(brest.Decision).ShouldBe("verser la subvention à UIMM Finistère à hauteur de 23 706,83 €, versés en 2022 (8 890,06 €), 2023 (11 853,42 €) et 2024 (2 963,35 €)");

        var carrier = PlanReport.From(SeedResult, "uimm-finistere").Deliberation!;
        Normalize(carrier.Paragraph).ShouldBe("Le reste à charge pour UIMM Finistère, porteur du projet, serait de 52 206,50 € sur 2 ans pour un coût total estimé annuel de 103 800 €.");
    }

    [Fact]
    public void UnknownFocusFunder_IsAValidationError()
    {
        Should.Throw<FundingValidationException>(() => PlanReport.From(SeedResult, "nobody")).Errors.Single().Path.ShouldBe("funderId");
    }

    [Fact]
    public void Explanations_ComeInPlanOrder_WithTheGroupBeforeItsMembers()
    {
        var subjects = SeedReport.Explanations.Select(e => e.FunderId ?? e.Subject).ToList();
        subjects[0].ShouldBe("Coût");
        subjects[1..4].ShouldBe(["etat", "qbo", "autres-epci"]);
        subjects[4].ShouldBe("brest-metropole");
        subjects[^2].ShouldBe("uimm-finistere");
        SeedReport.Explanations.Single(e => e.FunderId == "qbo").Details.Count.ShouldBe(3);
    }

    [Fact]
    public void AmountsInWords_GiveTotalsAndYearlyAmounts()
    {
        var qbo = SeedReport.AmountsInWords.Single(a => a.FunderId == "qbo");
        qbo.TotalInWords.ShouldBe("vingt-trois mille cent quatre-vingt-sept euros");
        qbo.AnnualAmountInWords.ShouldBe("onze mille cinq cent quatre-vingt-treize euros et cinquante centimes");
        SeedReport.AmountsInWords.Single(a => a.FunderId == "etat").TotalInWords.ShouldBe("quatre-vingt mille euros");
    }

    [Theory]
    [InlineData(CsvDialect.French, ";", "fr-FR")]
    [InlineData(CsvDialect.Rfc4180, ",", "")]
    public void Csv_ReadBackByARealParser_GivesEveryAmountOfThePlan(CsvDialect dialect, string delimiter, string culture)
    {
        string csv = CsvReport.Render(SeedReport, dialect);
        (csv[0] == CsvReport.ByteOrderMark).ShouldBe(dialect == CsvDialect.French);

        var config = new CsvConfiguration(culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture)) { Delimiter = delimiter };
        using var reader = new StringReader(csv.TrimStart(CsvReport.ByteOrderMark));
        using var parser = new CsvReader(reader, config);
        parser.Read();
        parser.ReadHeader();
        var header = parser.HeaderRecord!;
        var numbers = new NumberFormatInfo { NumberDecimalSeparator = dialect == CsvDialect.French ? "," : "." };
        var table = SeedResult.Schedule.Table;
        int rows = 0;
        while (parser.Read())
        {
            string id = parser.GetField(1)!;
            var amounts = Enumerable.Range(4, table.Years.Count).Select(i => decimal.Parse(parser.GetField(i)!, NumberStyles.Number | NumberStyles.AllowLeadingSign, numbers)).ToArray();
            decimal amount = decimal.Parse(parser.GetField(2)!, NumberStyles.Number | NumberStyles.AllowLeadingSign, numbers);
            if (id.Length > 0)
            {
                var row = table.Rows.Single(r => r.FunderId == id);
                amount.ShouldBe(row.Total.Amount);
                amounts.ShouldBe(row.Amounts.Select(a => a.Amount).ToArray());
                parser.GetField(header.Length - 1)!.ShouldBe(SeedResult.Funder(id).Explanation.Sentence);
            }
            else if (rows == table.Rows.Count)
            {
                amount.ShouldBe(table.GrandTotal.Amount);
                amounts.ShouldBe(table.YearTotals.Select(a => a.Amount).ToArray());
            }
            else
            {
                amount.ShouldBe(SeedResult.TotalCost.Amount);
                amounts.ShouldBe(table.CostByYear.Select(a => a.Amount).ToArray());
            }
            rows++;
        }
        rows.ShouldBe(table.Rows.Count + 2);
    }

    [Fact]
    public void Html_IsWellFormed_WithATableAndACaption()
    {
        var document = XDocument.Parse(HtmlReport.Render(SeedReport));
        var section = document.Root!;
        section.Name.LocalName.ShouldBe("section");
        section.Attribute("lang")!.Value.ShouldBe("fr");
        var table = section.Element("table")!;
        table.Element("caption")!.Value.ShouldBe("Plan de financement — Chargé(e) de mission Territoire d'industrie Finistère");
        table.Element("tbody")!.Elements("tr").Count().ShouldBe(SeedResult.Funders.Count);
        table.Element("tbody")!.Elements("tr").First().Elements("td").First().Value.ShouldBe("80\u202F000,00\u00A0€");
    }

    [Fact]
    public void NamesThatLookLikeMarkupOrFormulas_AreEscaped()
    {
        var plan = Annual(1_000m, 12,
        [
            new Funder("f", "=HYPERLINK(\"x\") | <b>", FunderKind.Private, new FixedTotalRule(E(100m))),
            Carrier(),
        ]);
        var report = PlanReport.From(PlanEvaluator.Evaluate(plan));

        MarkdownReport.Render(report).ShouldContain("| =HYPERLINK(\"x\") \\| &lt;b> |");
        HtmlReport.Render(report).ShouldContain("<th scope=\"row\">=HYPERLINK(&quot;x&quot;) | &lt;b&gt;</th>");
        XDocument.Parse(HtmlReport.Render(report)).ShouldNotBeNull();
        CsvReport.Render(report).ShouldContain("\"'=HYPERLINK(\"\"x\"\") | <b>\";f;100,00");
    }

    private static string Normalize(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}

public class SafeOutputTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+33 1 23")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=cmd")]
    [InlineData("\r=cmd")]
    public void Csv_NeutralisesEveryTextFieldAFormulaCouldStartWith(string text) =>
        CsvReport.Text(text).ShouldBe("'" + text);

    [Fact]
    public void Csv_LeavesOrdinaryTextAlone() => CsvReport.Text("Brest Métropole").ShouldBe("Brest Métropole");

    [Theory]
    [InlineData("[lien](https://exemple.fr)", @"\[lien\](https:\/\/exemple.fr)")]
    [InlineData("![image](x.png)", @"\!\[image\](x.png)")]
    [InlineData("voir www.exemple.fr", @"voir www\.exemple.fr")]
    [InlineData("&#x202E;", "&amp;#x202E;")]
    [InlineData("<script>", "&lt;script>")]
    public void Markdown_EscapesLinksImagesAddressesAndEntities(string text, string escaped) =>
        MarkdownReport.Escape(text).ShouldBe(escaped);

    [Fact]
    public void Markdown_APlanNamedLikeALink_IsNoLinkInTheReport()
    {
        var plan = Seed with { Name = "[lien](https://exemple.fr)" };
        string markdown = MarkdownReport.Render(PlanReport.From(PlanEvaluator.Evaluate(plan), null));
        markdown.ShouldContain(@"# Plan de financement — \[lien\](https:\/\/exemple.fr)");
        markdown.ShouldNotContain("[lien](");
    }
}
