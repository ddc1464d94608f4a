using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Funding.Application;
using Funding.Application.Plans;
using Funding.Application.Portfolio;
using Funding.Application.SavedPlans;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;
using Funding.Storage;
using NodaTime;

namespace Funding.Benchmarks;

/// <summary>
/// The portfolio at scale: a workspace of 10 000 saved plans of 4 to 15 funders over 1 to 6 budget years (half of them
/// signed), imported through the API's own import (which computes every version's rows), then one funder's portfolio
/// and the whole workspace's. The database is SQLite by default, PostgreSQL with FUNDING_BENCH_POSTGRES (a connection
/// string). The import's time and the process's memory around 50 portfolios are printed by the setup.
/// </summary>
[MemoryDiagnoser]
public class PortfolioBenchmarks
{
    /// <summary>The plans of the workspace.</summary>
    public const int Plans = 10_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"funding-portfolio-bench-{Guid.NewGuid():N}");
    private FundingStorage _storage = null!;
    private PortfolioService _service = null!;
    private Caller _caller = null!;

    /// <summary>The EPCIs plans draw from: each with a SIREN, so that the portfolio groups them across plans.</summary>
    private static readonly (string Id, string Name, string Siren)[] Epcis = [.. Enumerable.Range(0, 60).Select(i =>
    {
        string body = (20_006_000 + (i * 37)).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        char key = Enumerable.Range(0, 10).Select(d => (char)('0' + d)).First(k => Siren.IsLuhnValid(body + k));
        return ($"epci-{i:00}", $"Communauté de communes n° {i}", body + key);
    })];

    [GlobalSetup]
    public void Setup()
    {
        string? postgres = Environment.GetEnvironmentVariable("FUNDING_BENCH_POSTGRES");
        var options = postgres is { Length: > 0 }
            ? new StorageOptions(DatabaseProvider.PostgreSql, postgres)
            : new StorageOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Directory.CreateDirectory(_folder).FullName, "funding.db")}");
        _storage = FundingStorage.Open(options, TimeProvider.System);
        _storage.Migrator.MigrateAsync().GetAwaiter().GetResult();
        _service = new PortfolioService(_storage.Portfolio, _storage.Plans);
        string workspace = "bench-" + Guid.NewGuid().ToString("N")[..8];
        _caller = new Caller(workspace, "bench", null);

        var export = Generate(new Random(2026));
        var watch = Stopwatch.StartNew();
        var imported = new WorkspaceTransferService(_storage.Transfer, _storage.Audit).ImportAsync(workspace, "bench", export).GetAwaiter().GetResult();
        watch.Stop();
        Console.WriteLine($"// portfolio: {options.Provider}, import of {imported.Value!.Plans} plans ({imported.Value.Versions} versions, {imported.Value.Signatures} signed) in {watch.Elapsed.TotalSeconds:0.0} s");

        // Memory while it answers: the working set after a warm-up, then after 50 whole-workspace portfolios.
        WholeWorkspace();
        GC.Collect();
        long before = Process.GetCurrentProcess().WorkingSet64;
        for (int i = 0; i < 50; i++)
        {
            WholeWorkspace();
        }
        GC.Collect();
        long after = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"// portfolio: working set {before / 1_048_576} MiB before 50 whole portfolios, {after / 1_048_576} MiB after");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>One EPCI's portfolio across the 10 000 plans, with its drill-down.</summary>
    [Benchmark]
    public int OneFunder() => _service.GetAsync(_caller, Epcis[7].Siren, null, null, null, null, CancellationToken.None).GetAwaiter().GetResult().Value!.Funders[0].Plans!.Count;

    /// <summary>Every funder of the workspace, every budget year.</summary>
    [Benchmark]
    public int WholeWorkspace() => _service.GetAsync(_caller, null, null, null, null, null, CancellationToken.None).GetAwaiter().GetResult().Value!.Funders.Count;

    /// <summary>10 000 realistic plans: a State rate with a cap, a Region for most, 2 to 12 EPCIs' annual amounts, the carrier's remainder.</summary>
    private static WorkspaceExport Generate(Random random)
    {
        var options = ApiJson.Options;
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var plans = new List<ExportedPlan>(Plans);
        // Ids of their own: each run imports into the same PostgreSQL database.
        string run = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        for (int p = 0; p < Plans; p++)
        {
            int funders = random.Next(4, 16);
            decimal annual = random.Next(30, 121) * 1_000m;
            var start = new LocalDate(random.Next(2024, 2027), random.Next(1, 13), 1);
            int years = random.Next(1, 7);
            int months = Math.Max(1, (years - 1) * 12 + random.Next(1, 13) - (start.Month - 1));
            var list = new List<Funder>
            {
                new("etat", "État", FunderKind.State, new RateRule(Rate.Percent(random.Next(20, 51))) { Cap = Money.Euros(random.Next(20, 81) * 1_000m) }) { Payment = new OncePayment() },
            };
            if (funders >= 5)
            {
                list.Add(new Funder("region", "Région", FunderKind.Region, new RateRule(Rate.Percent(random.Next(5, 16)))) { Payment = new PerBudgetYearPayment() });
            }
            foreach (var epci in Epcis.OrderBy(_ => random.Next()).Take(funders - list.Count - 1))
            {
                list.Add(new Funder(epci.Id, epci.Name, FunderKind.Epci, new FixedAnnualRule(Money.Euros(random.Next(1, 9) * 1_000m))) { Payment = new PerBudgetYearPayment(), Siren = epci.Siren });
            }
            int commune = random.Next(0, 300);
            list.Add(new Funder($"commune-{commune:000}", $"Commune n° {commune}", FunderKind.Municipality, new RemainderRule()) { Payment = new PerBudgetYearPayment() });
            var plan = PlanMapping.ToRequest(new Plan($"Poste n° {p}", new AnnualCost(Money.Euros(annual), new FundingPeriod(start, months)), list));
            string id = run + p.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            ExportedSignature? signature = null;
            if (p % 2 == 0)
            {
                var answer = new SavedPlanVersionResponse
                {
                    PlanId = id, Number = 1, CreatedAt = now, Author = "bench", Comment = "v1", Plan = plan, Result = PlanService.Evaluate(plan).Value!,
                    Signature = new SignatureOutput { VotedOn = new LocalDate(2026, 11, 30), Reference = $"délibération n° {p}", SignedAt = now, SignedBy = "bench", CalculationVersion = CalculationVersion.Current },
                };
                signature = new ExportedSignature
                {
                    VotedOn = new LocalDate(2026, 11, 30), Reference = $"délibération n° {p}", SignedAt = now, SignedBy = "bench", CalculationVersion = CalculationVersion.Current,
                    Answer = JsonSerializer.SerializeToUtf8Bytes(answer, options),
                };
            }
            plans.Add(new ExportedPlan
            {
                Id = id, Name = plan.Name, Status = "active", CreatedAt = now, UpdatedAt = now,
                Versions = [new ExportedVersion { Number = 1, CreatedAt = now, Author = "bench", Comment = "v1", Plan = plan, Signature = signature }],
            });
        }
        return new WorkspaceExport { FormatVersion = 1, Plans = plans };
    }
}
