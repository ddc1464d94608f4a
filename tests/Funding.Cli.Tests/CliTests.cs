using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ExcelDataReader;
using Funding.Contracts;
using Funding.Plans;

namespace Funding.Cli.Tests;

/// <summary>The command line run on real files in a temporary folder, as a report writer would.</summary>
public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("funding-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PlanPath(string name = "plan.json", string? json = null)
    {
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, json ?? PlanFile.Write(SamplePlans.TerritoireIndustrieFinistere.Plan), new UTF8Encoding(false));
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString().Replace('\u202F', ' ').Replace('\u00A0', ' '), error.ToString());
    }

    [Fact]
    public void Evaluate_PrintsTheFinancingTable_WithTheSeedsFigures()
    {
        var (code, output, _) = Run("evaluate", PlanPath());

        code.ShouldBe(CliApp.Done);
        // The seed's figures, derived by hand in docs/plans.md.
        output.ShouldContain("État                                  80 000,00 €       38,54 %");
        output.ShouldContain("Quimper Bretagne Occidentale          23 187,00 €       11,17 %");
        output.ShouldContain("Total                                207 600,00 €      100,00 %");
    }

    [Fact]
    public void ReportXlsx_WritesAWorkbook_ThatAnotherReaderOpens()
    {
        var (code, output, _) = Run("report", PlanPath(), "--format", "xlsx", "--out", Path.Combine(_folder.FullName, "out"));

        code.ShouldBe(CliApp.Done);
        string file = output.Trim();
        file.ShouldEndWith(Path.Combine("out", "plan.xlsx"));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(File.OpenRead(file));
        reader.Name.ShouldBe("Plan de financement");
        var totals = new Dictionary<string, double>();
        reader.Read(); // header
        while (reader.Read())
        {
            if (reader.GetValue(0) is string name && reader.GetValue(5) is double total)
            {
                totals[name] = total;
            }
        }
        totals["Quimper Bretagne Occidentale"].ShouldBe(23_187.00);
        totals["État"].ShouldBe(80_000.00);
    }

    [Fact]
    public void ReportDocx_ForQbo_WritesTheDraftWithTheDispositif()
    {
        var (code, output, _) = Run("report", PlanPath(), "-f", "docx", "--funder", "qbo", "-o", _folder.FullName);

        code.ShouldBe(CliApp.Done);
        string file = output.Trim();
        Path.GetFileName(file).ShouldBe("deliberation-qbo.docx");
        using var zip = ZipFile.OpenRead(file);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        string text = string.Concat(XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "t").Select(t => t.Value)).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        text.ShouldContain("à hauteur de 11 593,50 € (onze mille cinq cent quatre-vingt-treize euros et cinquante centimes) annuellement, sur 2 ans");
    }

    [Fact]
    public void ReportDocx_ForAGroup_WritesOneDraftPerMember()
    {
        var (code, output, _) = Run("report", PlanPath(), "-f", "docx", "--funder", "autres-epci", "-o", _folder.FullName);

        code.ShouldBe(CliApp.Done);
        output.Trim().Split('\n').Length.ShouldBe(9);
    }

    [Theory]
    [InlineData("md", "plan.md", "# ")]
    [InlineData("html", "plan.html", "<section")]
    [InlineData("csv", "plan.csv", "\uFEFFFinanceur;")]
    public void ReportText_WritesTheReport(string format, string name, string start)
    {
        var (code, _, _) = Run("report", PlanPath(), "-f", format, "-o", _folder.FullName);

        code.ShouldBe(CliApp.Done);
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_folder.FullName, name))).ShouldStartWith(start);
    }

    [Fact]
    public void AnInvalidPlan_ExitsWith2_NamingEachFieldInFrench()
    {
        string json = PlanFile.Write(SamplePlans.TerritoireIndustrieFinistere.Plan).Replace("\"cap\": 80000.00", "\"cap\": -5", StringComparison.Ordinal);
        json.ShouldContain("-5");

        var (code, _, error) = Run("evaluate", PlanPath("bad.json", json));

        code.ShouldBe(CliApp.InvalidPlan);
        error.ShouldContain("funders[0].rule.cap : Le plafond vaut -5,00");
        error.ShouldContain("[amount-negative]");
    }

    [Fact]
    public void AFileThatIsNotJson_IsDescribed_NotAStackTrace()
    {
        var (code, _, error) = Run("evaluate", PlanPath("broken.json", "{\"name\": "));

        code.ShouldBe(CliApp.InvalidPlan);
        error.ShouldContain("name : Le corps n'est pas du JSON valide");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void AMissingFile_ExitsWith3()
    {
        var (code, _, error) = Run("evaluate", Path.Combine(_folder.FullName, "nowhere.json"));

        code.ShouldBe(CliApp.FileError);
        error.ShouldContain("Impossible de lire");
    }

    [Fact]
    public void AnUnknownFunder_IsAUsageError_NamingTheOption()
    {
        var (code, _, error) = Run("report", PlanPath(), "-f", "docx", "--funder", "nobody", "-o", _folder.FullName);

        code.ShouldBe(CliApp.Usage);
        error.ShouldContain("--funder : Aucun financeur du plan n'a l'identifiant « nobody ».");
    }

    [Fact]
    public void AnUnknownFormat_IsAUsageError()
    {
        Run("report", PlanPath(), "-f", "pdf").Code.ShouldBe(CliApp.Usage);
    }

    [Fact]
    public void APlanFile_WrittenThenRead_IsTheSamePlan()
    {
        foreach (var sample in SamplePlans.All)
        {
            string written = PlanFile.Write(sample.Plan);
            var read = PlanFile.Read(written);
            read.Errors.ShouldBeEmpty();
            PlanFile.Write(read.Plan!).ShouldBe(written);
            PlanEvaluator.Evaluate(read.Plan!).Funders.Select(f => f.Total).ShouldBe(PlanEvaluator.Evaluate(sample.Plan).Funders.Select(f => f.Total));
        }
    }

    [Fact]
    public void ProgrammesPlan_WritesAPlanThatEvaluateChecksAgainstItsProgramme()
    {
        var (code, list, _) = Run("programmes", "list", "--date", "2025-01-01", "--applicant", "municipality");
        code.ShouldBe(CliApp.Done);
        list.ShouldContain("petites-villes-de-demain\tPetites villes de demain");

        string request = Path.Combine(_folder.FullName, "demande.json");
        File.WriteAllText(request, """
            {"annualCost": 64000, "start": "2025-01-01", "months": 36, "carrier": {"id": "commune", "name": "Commune", "kind": "municipality"},
             "partners": [{"id": "anct", "ratePercent": 25}, {"id": "banque-des-territoires", "ratePercent": 25}, {"id": "etat", "ratePercent": 25}]}
            """);
        (code, string plan, string error) = Run("programmes", "plan", "petites-villes-de-demain", request);
        code.ShouldBe(CliApp.Done, error);
        string planPath = PlanPath("pvd.json", plan);

        (code, string evaluated, _) = Run("evaluate", planPath);
        code.ShouldBe(CliApp.Done);
        // By hand (docs/programmes.md): the commune pays 19 000 € a year, 57 000 € in all.
        evaluated.ShouldContain("57 000,00 €");
        evaluated.ShouldContain("Respecté : Le plan respecte les règles du dispositif « Petites villes de demain — poste de chef de projet » en vigueur au 1er janvier 2025.");
    }

    [Fact]
    public void ProgrammesCheck_SaysALocalProgrammeIsValid_OrNamesTheFieldOfEachProblem()
    {
        string file = Path.Combine(_folder.FullName, "ingenierie-region.json");
        const string Valid = """
            {"id": "ingenierie-region", "name": "Ingénierie territoriale — exemple régional", "description": "Exemple.",
             "applicants": ["municipality"],
             "sources": [{"id": "deliberation", "title": "Délibération (exemple)", "url": "https://region.example.org/d", "read": "2024-07-15"}],
             "validity": [{"from": "2024-01-01", "source": "deliberation"}],
             "funders": [{"id": "region", "name": "Région", "kind": "region",
               "rules": [{"from": "2024-01-01", "source": "deliberation", "rule": {"type": "rate", "ratePercent": 30}}]}]}
            """;
        File.WriteAllText(file, Valid);
        var (code, output, error) = Run("programmes", "check", file);
        code.ShouldBe(CliApp.Done, error);
        output.ShouldContain("« Ingénierie territoriale — exemple régional » (ingenierie-region) est valide : 1 financeur(s), 1 source(s).");

        File.WriteAllText(file, Valid.Replace("\"source\": \"deliberation\", \"rule\"", "\"source\": \"ailleurs\", \"rule\"", StringComparison.Ordinal));
        (code, _, error) = Run("programmes", "check", file);
        code.ShouldBe(CliApp.InvalidPlan);
        error.ShouldContain("funders[0].rules[0].source : la source « ailleurs » n'est pas déclarée");
    }
}

/// <summary>The example plan file of the documentation is the seed, as PlanFile writes it, and the command line reads it.</summary>
public class ExamplePlanFileTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory!.FullName;
    }

    [Fact]
    public void TheDocumentedExample_IsTheSeed_AndEvaluates()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "examples", "territoire-industrie-finistere.json");
        string expected = PlanFile.Write(SamplePlans.TerritoireIndustrieFinistere.Plan) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, expected, new UTF8Encoding(false));
        }
        File.ReadAllText(path).ShouldBe(expected, "regenerate with UPDATE_GOLDEN=1 dotnet test tests/Funding.Cli.Tests");

        var output = new StringWriter();
        CliApp.Run(["evaluate", path], output, new StringWriter()).ShouldBe(CliApp.Done);
        output.ToString().ShouldContain("Quimper Bretagne Occidentale");
    }
}
