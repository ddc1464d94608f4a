using Funding.Contracts;
using Funding.Plans;

namespace Funding.Cli.Tests;

/// <summary>funding portfolio on a real SQLite database in a temporary folder.</summary>
public sealed class PortfolioCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("funding-cli-portfolio-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Portfolio_ReadsTheWorkspacesSavedPlans_AsTheApiDoes()
    {
        string database = $"Data Source={Path.Combine(_folder.FullName, "funding.db")}";
        await using (var storage = Funding.Storage.FundingStorage.Open(new Funding.Storage.StorageOptions(Funding.Storage.DatabaseProvider.Sqlite, database), TimeProvider.System))
        {
            await storage.Migrator.MigrateAsync();
            var service = new Funding.Application.SavedPlans.SavedPlanService(storage.Database, storage.Plans, storage.Executions, new Funding.Application.Programmes.WorkspaceProgrammeService(storage.Programmes));
            var caller = new Funding.Application.Caller("quimper", "Anne Le Goff", null);
            var saved = await service.CreateAsync(caller, new SavePlanRequest { Plan = Funding.Contracts.Mapping.PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan) }, CancellationToken.None);
            (await service.SignAsync(caller, saved.Value!.PlanId, 1, new SignRequest { VotedOn = new NodaTime.LocalDate(2022, 3, 17), Reference = "délibération n° 8" }, CancellationToken.None))
                .Succeeded.ShouldBeTrue();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (code, output, error) = Run("portfolio", "quimper", "--database", database, "--funder", "etat");
        code.ShouldBe(CliApp.Done, error);
        var state = System.Text.Json.Nodes.JsonNode.Parse(output)!["funders"]![0]!;
        // docs/plans.md: the State's 80 000 € fund 30 000 / 40 000 / 10 000 € of the seed's budget years, paid in 2022.
        state["years"]!.AsArray().Select(y => y!["committed"]!["contribution"]!.GetValue<decimal>()).ShouldBe([30_000.00m, 40_000.00m, 10_000.00m]);
        state["plans"]!.AsArray().Count.ShouldBe(2);

        var csv = Run("portfolio", "quimper", "--database", database, "--format", "csv");
        csv.Output.ShouldContain("État;etat;;2022;30000,00;80000,00;30000,00;80000,00;0,00;0,00;80000,00;0,00");
        Run("portfolio", "quimper", "--database", database, "--format", "xlsx").Code.ShouldBe(CliApp.Usage);
        Run("portfolio", "quimper", "--database", database, "--from", "2030", "--to", "2020").Code.ShouldBe(CliApp.InvalidPlan);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
