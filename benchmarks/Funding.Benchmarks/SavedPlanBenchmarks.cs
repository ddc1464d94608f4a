using BenchmarkDotNet.Attributes;
using Funding.Storage;

namespace Funding.Benchmarks;

/// <summary>
/// The saved plans of a workspace holding 10 000 plans (two versions each), on SQLite with the API's settings (WAL,
/// synchronous=FULL): a list page, a search, opening a version, saving a new plan and amending one.
/// </summary>
[MemoryDiagnoser]
public class SavedPlanBenchmarks
{
    private const string Workspace = "bench";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"funding-bench-{Guid.NewGuid():N}");
    private FundingStorage _storage = null!;

    private PlanStore _store = null!;
    private string _planJson = "";
    private string _someId = "";
    private int _version;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        _storage = FundingStorage.Open(new StorageOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "funding.db")}"), TimeProvider.System);
        _storage.Migrator.MigrateAsync().GetAwaiter().GetResult();
        _store = _storage.Plans;
        _planJson = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "examples", "territoire-industrie-finistere.json"));
        var now = DateTimeOffset.UtcNow;
        var plans = Enumerable.Range(0, 10_000).Select(i =>
        {
            string id = i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
            return (new SavedPlanSummary(id, $"Poste {(i % 3 == 0 ? "PVD" : "Territoire d'industrie")} n° {i}", 2, PlanStore.Active, now.AddMinutes(-i), now.AddMinutes(-i)),
                (IReadOnlyList<PlanVersion>)[new PlanVersion(id, 1, now, "finances", "v1", _planJson, null), new PlanVersion(id, 2, now, "finances", "avenant", _planJson, null)]);
        }).ToArray();
        _storage.Transfer.ImportAsync(Workspace, plans, [], [], "benchmark").GetAwaiter().GetResult();
        _someId = plans[4_321].Item1.Id;
        _version = 2;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "List: first page of 20")]
    public async Task<int> ListPage() => (await _store.ListAsync(Workspace, null, 1, 20, includeArchived: false)).Plans.Count;

    [Benchmark(Description = "List: search 'pvd', page 10")]
    public async Task<int> Search() => (await _store.ListAsync(Workspace, "pvd", 10, 20, includeArchived: false)).Plans.Count;

    [Benchmark(Description = "Open a version")]
    public async Task<int> Open() => (await _store.GetVersionAsync(Workspace, _someId, 2))!.PlanJson.Length;

    [Benchmark(Description = "Save a new plan (durable commit)")]
    public async Task<int> Save() => (await _store.CreateAsync(Workspace, "Nouveau poste", _planJson, "finances", "v1")).Number;

    [Benchmark(Description = "Amend a plan (If-Match, durable commit)")]
    public async Task<int> Amend()
    {
        var outcome = await _store.UpdateAsync(Workspace, _someId, _version, "Poste", _planJson, "finances", "avenant");
        _version = outcome.CurrentVersion ?? _version;
        return _version;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory!.FullName;
    }
}
