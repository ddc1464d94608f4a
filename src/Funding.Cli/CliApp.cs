using System.CommandLine;
using System.Text;
using Funding.Application.Plans;
using Funding.Application.Programmes;
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

        var root = new RootCommand("Funding : plans de cofinancement calculés au centime, avec l'explication de chaque chiffre.") { evaluate, report, ProgrammesCommand(output, error), PortfolioCommand.Create(output, error) };
        // The parser's own texts are French (its fr resources), but for the help option's description.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = "Afficher l'aide et l'utilisation.";
        }
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary><c>funding programmes list|show|plan</c>: the catalogue of programmes, as the API gives it.</summary>
    private static Command ProgrammesCommand(TextWriter output, TextWriter error)
    {
        var date = new Option<string?>("--date") { Description = "Le jour (AAAA-MM-JJ) : les dispositifs en vigueur ce jour-là, ou les règles de ce jour-là." };
        var applicant = new Option<string?>("--applicant") { Description = "Le porteur : municipality, epci, department, region, otherPublic, private." };
        var list = new Command("list", "Liste les dispositifs du catalogue.") { date, applicant };
        list.SetAction(parse =>
        {
            var outcome = ProgrammeService.List(parse.GetValue(date), parse.GetValue(applicant) is { } a ? Choices.Parse<Funding.Plans.FunderKind>(a) : null);
            if (outcome.Value is not { } programmes)
            {
                return Problems(outcome.Problems, error);
            }
            foreach (var programme in programmes)
            {
                output.WriteLine($"{programme.Id}\t{programme.Name}{(programme.InForce ? "" : " (hors période à cette date)")}");
            }
            return Done;
        });
        var id = new Argument<string>("dispositif") { Description = "L'identifiant du dispositif (funding programmes list)." };
        var showDate = new Option<string?>("--date") { Description = "Le jour dont donner les règles (AAAA-MM-JJ)." };
        var show = new Command("show", "Donne les règles d'un dispositif en vigueur un jour, avec leurs sources (JSON).") { id, showDate };
        show.SetAction(parse => Json(ProgrammeService.Show(parse.GetRequiredValue(id), parse.GetValue(showDate)), output, error));
        var planId = new Argument<string>("dispositif") { Description = "L'identifiant du dispositif." };
        var request = new Argument<FileInfo>("demande") { Description = "La demande (JSON de POST /v1/programmes/{id}/plans : annualCost, start, months, carrier, partners)." };
        var plan = new Command("plan", "Écrit le plan d'un poste à partir d'un dispositif (JSON, prêt pour funding evaluate).") { planId, request };
        plan.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(request);
            ProgrammePlanRequest? body;
            try
            {
                body = System.Text.Json.JsonSerializer.Deserialize<ProgrammePlanRequest>(File.ReadAllBytes(file.FullName), Funding.Contracts.Json.ApiJson.Options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                error.WriteLine($"Impossible de lire « {file.FullName} » : {e.Message}");
                return FileError;
            }
            return body is null ? Usage : Json(ProgrammeService.Plan(parse.GetRequiredValue(planId), body), output, error);
        });
        var checkFile = new Argument<FileInfo>("fichier") { Description = "Le fichier du dispositif (le format du catalogue, programme.schema.json)." };
        var check = new Command("check", "Vérifie le fichier d'un dispositif propre à un espace de travail (d'une Région, d'un Département) comme le catalogue vérifie les siens, avant de l'enregistrer (PUT /v1/workspace/programmes/{id}).") { checkFile };
        check.SetAction(parse => CheckProgramme(parse.GetRequiredValue(checkFile), output, error));
        return new Command("programmes", "Le catalogue des dispositifs (programmes) : leurs règles datées et sourcées, et un plan à partir de l'un d'eux.") { list, show, plan, check };
    }

    /// <summary>A programme file checked as the catalogue's are: every problem with its field, or « valide ».</summary>
    private static int CheckProgramme(FileInfo file, TextWriter output, TextWriter error)
    {
        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Impossible de lire « {file.FullName} » : {e.Message}");
            return FileError;
        }
        string id = "";
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var given)
                && given.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                id = given.GetString() ?? "";
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Named by the check below, with its line.
        }
        var (catalog, problems) = Funding.Catalogue.ProgrammeCatalog.Load([($"Programmes/{id}.json", json)]);
        if (catalog is null)
        {
            error.WriteLine($"Le dispositif « {file.Name} » n'est pas valide :");
            foreach (var problem in problems)
            {
                error.WriteLine($"  {problem.Path} : {problem.Message}");
            }
            return InvalidPlan;
        }
        var programme = catalog.Programmes[0];
        output.WriteLine($"« {programme.Name} » ({programme.Id}) est valide : {programme.Funders.Count} financeur(s), {programme.Sources.Count} source(s).");
        return Done;
    }

    private static int Json<T>(Funding.Application.Outcome<T> outcome, TextWriter output, TextWriter error)
    {
        if (outcome.Value is not { } value)
        {
            if (outcome.Failure is { } failure)
            {
                error.WriteLine($"{failure.Title.French} {failure.Detail?.French}");
                return Usage;
            }
            return Problems(outcome.Problems, error);
        }
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, Indented));
        return Done;
    }

    private static int Problems(IReadOnlyList<Funding.Contracts.Errors.FieldProblem>? problems, TextWriter error)
    {
        foreach (var problem in problems ?? [])
        {
            error.WriteLine($"{problem.Path} : {problem.Message.French}");
        }
        return InvalidPlan;
    }

    internal static readonly System.Text.Json.JsonSerializerOptions Indented = new(Funding.Contracts.Json.ApiJson.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
        // A plan that names a programme is checked against it, as the API checks it.
        var errors = new Funding.Contracts.Errors.RequestErrors();
        var plan = ProgrammeService.Attach(read.Request!, read.Plan, errors);
        if (errors.HasErrors || plan is null)
        {
            error.WriteLine($"Le plan « {file.Name} » n'est pas valide :");
            foreach (var problem in errors.ToList())
            {
                error.WriteLine($"  {problem.Path} : {problem.Message.French} [{problem.Message.Code}]");
            }
            return null;
        }
        return PlanEvaluator.Evaluate(plan);
    }
}
