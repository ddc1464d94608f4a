using System.CommandLine;
using System.Text;
using Funding.Application.Plans;
using Funding.Contracts;
using Funding.Documents;
using Funding.Formatting;
using Funding.Plans;
using Funding.Reports;

namespace Funding.Cli;

/// <summary>
/// <c>funding evaluate plan.json</c> prints the financing table; <c>funding report plan.json --format … --out DIR</c>
/// writes the plan's report, workbook or deliberation drafts. Plan files are the API's and the page's JSON.
/// </summary>
/// <remarks>Exit codes: 0 done; 1 the command line is wrong; 2 the plan is not valid (each problem printed with its path); 3 a file cannot be read or written.</remarks>
internal static class CliApp
{
    public const int Done = 0;
    public const int Usage = 1;
    public const int InvalidPlan = 2;
    public const int FileError = 3;

    private static readonly string[] Formats = ["xlsx", "docx", "md", "html", "csv"];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var planArgument = new Argument<FileInfo>("plan") { Description = "Le fichier du plan (JSON de l'API ou exporté par le simulateur)." };

        var evaluate = new Command("evaluate", "Calcule le plan et affiche le tableau de financement et les contrôles.") { planArgument };
        evaluate.SetAction(parse => Evaluate(parse.GetRequiredValue(planArgument), output, error));

        var reportPlan = new Argument<FileInfo>("plan") { Description = "Le fichier du plan (JSON de l'API ou exporté par le simulateur)." };
        var format = new Option<string>("--format", "-f") { Description = "xlsx (classeur), docx (projets de délibération), md, html ou csv.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong(Formats);
        var outDirectory = new Option<DirectoryInfo>("--out", "-o") { Description = "Le dossier où écrire (par défaut, le dossier courant).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var funder = new Option<string?>("--funder") { Description = "Pour docx et md/html/csv : le financeur (ou le groupe) pour qui écrire la délibération ; docx sans --funder écrit un projet par financeur." };
        var csv = new Option<string>("--csv") { Description = "Le dialecte CSV : fr (';', virgule décimale) ou rfc4180 (',', point).", DefaultValueFactory = _ => "fr" };
        csv.AcceptOnlyFromAmong("fr", "rfc4180");
        var report = new Command("report", "Écrit le rapport du plan, son classeur ou ses projets de délibération.") { reportPlan, format, outDirectory, funder, csv };
        report.SetAction(parse => Report(
            parse.GetRequiredValue(reportPlan), parse.GetRequiredValue(format), parse.GetRequiredValue(outDirectory), parse.GetValue(funder),
            parse.GetRequiredValue(csv) == "rfc4180" ? CsvChoice.Rfc4180 : CsvChoice.Fr, output, error));

        var root = new RootCommand("Funding : plans de cofinancement calculés au centime, avec l'explication de chaque chiffre.") { evaluate, report };
        // The parser's own texts are French (its fr resources), but for the help option's description.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = "Afficher l'aide et l'utilisation.";
        }
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Evaluate(FileInfo file, TextWriter output, TextWriter error)
    {
        if (Load(file, error) is not { } result)
        {
            return file.Exists ? InvalidPlan : FileError;
        }
        output.Write(FinancingText(result));
        return Done;
    }

    /// <summary>The financing table as aligned text: funder, amount, share of the cost; the total; the checks.</summary>
    internal static string FinancingText(PlanResult result)
    {
        var table = PlanReport.From(result).Table;
        (string Name, string Amount, string Share)[] rows =
        [
            .. table.Rows.Select(r => (r.Name, FrenchFormat.Money(r.Amount), FrenchFormat.Rate(r.ShareOfCost))),
            ("Total", FrenchFormat.Money(table.Total.Amount), FrenchFormat.Rate(table.Total.ShareOfCost)),
            ("Coût du projet", FrenchFormat.Money(table.TotalCost), ""),
        ];
        int name = Math.Max("Financeur".Length, rows.Max(r => r.Name.Length));
        int amount = Math.Max("Montant".Length, rows.Max(r => r.Amount.Length));
        var text = new StringBuilder();
        text.Append(result.Plan.Name).Append('\n').Append('\n');
        text.Append("Financeur".PadRight(name)).Append("  ").Append("Montant".PadLeft(amount)).Append("  ").Append("Part du coût").Append('\n');
        text.Append(new string('-', name)).Append("  ").Append(new string('-', amount)).Append("  ").Append(new string('-', 12)).Append('\n');
        foreach (var (rowName, rowAmount, share) in rows)
        {
            text.Append(rowName.PadRight(name)).Append("  ").Append(rowAmount.PadLeft(amount)).Append("  ").Append(share.PadLeft(12).TrimEnd()).Append('\n');
        }
        text.Append('\n').Append("Contrôles :").Append('\n');
        foreach (var check in PlanReport.From(result).Checks)
        {
            text.Append("- ").Append(check.Label).Append(" : ").Append(check.Message).Append('\n');
        }
        text.Append('\n').Append("Règles de calcul ").Append(result.CalculationVersion).Append('.').Append('\n');
        return text.ToString();
    }

    private static int Report(FileInfo file, string format, DirectoryInfo directory, string? funderId, CsvChoice csv, TextWriter output, TextWriter error)
    {
        if (Load(file, error) is not { } result)
        {
            return file.Exists ? InvalidPlan : FileError;
        }
        string stem = Path.GetFileNameWithoutExtension(file.Name);
        var chosen = format switch
        {
            "xlsx" => ReportFormat.Xlsx,
            "docx" => ReportFormat.Docx,
            "html" => ReportFormat.Html,
            "csv" => ReportFormat.Csv,
            _ => ReportFormat.Markdown,
        };
        // The API's report, file by file: a draft per funder (or per member of a group) for docx, one file otherwise.
        IEnumerable<string?> funders = chosen != ReportFormat.Docx ? [funderId]
            : funderId is null ? result.Funders.Select(f => (string?)f.Id)
            : DeliberationDocument.IsGroup(result, funderId) ? result.Groups.Single(g => g.Id == funderId).MemberIds.Select(id => (string?)id)
            : [funderId];
        var files = new List<(string Name, byte[] Content)>();
        foreach (string? id in funders)
        {
            var outcome = PlanService.Report(result.Plan, chosen, id, csv);
            if (outcome.Value?.File is not { } written)
            {
                foreach (var problem in outcome.Problems ?? [])
                {
                    error.WriteLine($"--{problem.Path.Replace("funderId", "funder", StringComparison.Ordinal)} : {problem.Message.French}");
                }
                return Usage;
            }
            files.Add((chosen == ReportFormat.Docx ? written.FileName! : $"{stem}.{format}", written.Content));
        }
        try
        {
            directory.Create();
            foreach (var (name, content) in files)
            {
                string path = Path.Combine(directory.FullName, name);
                File.WriteAllBytes(path, content);
                output.WriteLine(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Impossible d'écrire dans « {directory.FullName} » : {e.Message}");
            return FileError;
        }
        return Done;
    }

    /// <summary>The evaluated plan of <paramref name="file"/>, or null after printing why not.</summary>
    private static PlanResult? Load(FileInfo file, TextWriter error)
    {
        byte[] bytes;
        try
        {
            if (file.Exists && file.Length > PlanFile.MaxBytes)
            {
                error.WriteLine($"« {file.FullName} » fait {file.Length} octets, au-delà de la limite de {PlanFile.MaxBytes} octets.");
                return null;
            }
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Impossible de lire « {file.FullName} » : {e.Message}");
            return null;
        }
        var read = PlanFile.Read(bytes);
        if (read.Plan is null)
        {
            error.WriteLine($"Le plan « {file.Name} » n'est pas valide :");
            foreach (var problem in read.Errors)
            {
                error.WriteLine($"  {problem.Path} : {problem.Problem.French} [{problem.Problem.Code}]");
            }
            return null;
        }
        return PlanEvaluator.Evaluate(read.Plan);
    }
}
