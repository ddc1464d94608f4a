using System.CommandLine;
using Funding.Application;
using Funding.Application.Portfolio;
using Funding.Contracts;
using Funding.Storage;

namespace Funding.Cli;

/// <summary>
/// <c>funding portfolio WORKSPACE</c>: what each funder commits, pays, received and still owes across the workspace's
/// saved plans, by budget year — the API's <c>GET /v1/portfolio</c>, read from the same database.
/// </summary>
internal static class PortfolioCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workspace = new Argument<string>("espace") { Description = "L'espace de travail." };
        var database = new Option<string?>("--database") { Description = "La chaîne de connexion de la base (par défaut ConnectionStrings__Funding, sinon « Data Source=funding.db »)." };
        var provider = new Option<string?>("--provider") { Description = "sqlite (par défaut) ou postgresql (par défaut Funding__Database__Provider)." };
        var funder = new Option<string?>("--funder") { Description = "Un financeur : son SIREN ou son identifiant ; ajoute les plans d'où viennent ses chiffres." };
        var from = new Option<int?>("--from") { Description = "Le premier exercice." };
        var to = new Option<int?>("--to") { Description = "Le dernier exercice." };
        var status = new Option<string?>("--status") { Description = "Les plans comptés : active (par défaut), signed, draft ou archived." };
        var programme = new Option<string?>("--programme") { Description = "Seulement les plans d'un dispositif (son identifiant)." };
        var format = new Option<string>("--format", "-f") { Description = "json (par défaut), csv ou xlsx (avec --out).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var outFile = new Option<FileInfo?>("--out", "-o") { Description = "Le fichier où écrire (par défaut, la sortie standard ; requis pour xlsx)." };
        var command = new Command("portfolio", "Le portefeuille : par financeur et par exercice, l'engagé, le prévu, le reçu et le reste à verser de tous les plans d'un espace.")
        {
            workspace, database, provider, funder, from, to, status, programme, format, outFile,
        };
        command.SetAction(parse =>
        {
            string chosen = parse.GetRequiredValue(format);
            var file = parse.GetValue(outFile);
            if (chosen == "xlsx" && file is null)
            {
                error.WriteLine("Le classeur (--format xlsx) s'écrit dans un fichier : donnez --out FICHIER.xlsx.");
                return CliApp.Usage;
            }
            var options = new StorageOptions(
                StorageOptions.ParseProvider(parse.GetValue(provider) ?? Environment.GetEnvironmentVariable("Funding__Database__Provider")),
                parse.GetValue(database) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Funding") ?? StorageOptions.Default.ConnectionString);
            return RunAsync(options, parse.GetRequiredValue(workspace), parse.GetValue(funder), parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(status), parse.GetValue(programme), chosen, file, output, error).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(StorageOptions options, string workspace, string? funder, int? from, int? to, string? status, string? programme,
        string format, FileInfo? file, TextWriter output, TextWriter error)
    {
        await using var storage = FundingStorage.Open(options, TimeProvider.System);
        await storage.Migrator.MigrateAsync();
        var service = new PortfolioService(storage.Portfolio, storage.Plans, new EnvelopeService(storage.Envelopes, storage.Portfolio));
        Choice<PortfolioPlanStatus>.TryParse(status, null, out var statusChoice);
        var outcome = await service.GetAsync(new Caller(workspace, "console", null), funder, from, to, status is null ? null : statusChoice, programme, CancellationToken.None);
        if (outcome.Value is not { } portfolio)
        {
            foreach (var problem in outcome.Problems ?? [])
            {
                error.WriteLine($"--{problem.Path} : {problem.Message.French}");
            }
            return CliApp.InvalidPlan;
        }
        byte[] bytes = format switch
        {
            "csv" => PortfolioService.Csv(portfolio),
            "xlsx" => PortfolioService.Workbook(portfolio),
            _ => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(portfolio, CliApp.Indented),
        };
        if (file is null)
        {
            // On the terminal, no byte order mark.
            output.Write(System.Text.Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? bytes[3..] : bytes));
            output.WriteLine();
            return CliApp.Done;
        }
        try
        {
            await File.WriteAllBytesAsync(file.FullName, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Impossible d'écrire « {file.FullName} » : {e.Message}");
            return CliApp.FileError;
        }
        error.WriteLine($"Portefeuille écrit dans {file.FullName}.");
        return CliApp.Done;
    }
}
