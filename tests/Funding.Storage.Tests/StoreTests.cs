using Funding.Storage;

namespace Funding.Storage.Tests;

/// <summary>
/// The same storage tests on SQLite (always) and on PostgreSQL (when FUNDING_TEST_POSTGRES names a server: CI starts a
/// throwaway PostgreSQL 15 with .ci/postgres; locally they are skipped with that reason).
/// </summary>
public sealed class StoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funding-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Providers => new("sqlite", "postgresql");

    internal static string? PostgresConnection => Environment.GetEnvironmentVariable("FUNDING_TEST_POSTGRES") is { Length: > 0 } text ? text : null;

    private FundingStorage Store(string provider)
    {
        StorageOptions options;
        if (provider == "postgresql")
        {
            Skip.If(PostgresConnection is null && Environment.GetEnvironmentVariable("FUNDING_POSTGRES_TESTS") != "required",
                "No PostgreSQL server: set FUNDING_TEST_POSTGRES (CI starts one with .ci/postgres).");
            options = new StorageOptions(DatabaseProvider.PostgreSql, PostgresConnection!);
        }
        else
        {
            options = new StorageOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "funding.db")}");
        }
        var storage = FundingStorage.Open(options, TimeProvider.System);
        storage.Migrator.MigrateAsync().GetAwaiter().GetResult();
        return storage;
    }

    private static string Workspace() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AVersionSaved_IsReadBackAsItWas(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        var created = await store.Plans.CreateAsync(ws, "Poste PVD", """{"name":"Poste PVD"}""", "alice", "version initiale");

        var read = await store.Plans.GetVersionAsync(ws, created.PlanId, 1);

        read.ShouldNotBeNull();
        read.PlanJson.ShouldBe("""{"name":"Poste PVD"}""");
        read.Author.ShouldBe("alice");
        read.Comment.ShouldBe("version initiale");
        read.Signature.ShouldBeNull();
        (await store.Plans.GetSummaryAsync(ws, created.PlanId))!.LatestVersion.ShouldBe(1);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AnUpdate_FromAStaleVersion_IsRefused_NamingTheCurrentOne(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        var created = await store.Plans.CreateAsync(ws, "Plan", "{}", "alice", "v1");
        (await store.Plans.UpdateAsync(ws, created.PlanId, 1, "Plan", "{\"v\":2}", "bob", "avenant n° 1")).Saved!.Number.ShouldBe(2);

        var stale = await store.Plans.UpdateAsync(ws, created.PlanId, 1, "Plan", "{\"v\":3}", "carol", "trop tard");

        stale.Saved.ShouldBeNull();
        stale.CurrentVersion.ShouldBe(2);
        (await store.Plans.ListVersionsAsync(ws, created.PlanId)).Select(v => v.Comment).ShouldBe(["v1", "avenant n° 1"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwoConcurrentUpdates_FromTheSameVersion_ExactlyOneWins(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        var created = await store.Plans.CreateAsync(ws, "Plan", "{}", "alice", "v1");

        for (int round = 1; round <= 5; round++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                Task.Run(() => store.Plans.UpdateAsync(ws, created.PlanId, round, "Plan", $"{{\"round\":{round},\"writer\":{i}}}", $"w{i}", "concurrent"))));
            outcomes.Count(o => o.Saved is not null).ShouldBe(1, $"round {round}");
            outcomes.Where(o => o.Saved is null).ShouldAllBe(o => o.CurrentVersion == round + 1);
        }
        (await store.Plans.ListVersionsAsync(ws, created.PlanId)).Count.ShouldBe(6);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AnotherWorkspace_SeesNothing(string provider)
    {
        var store = Store(provider);
        var created = await store.Plans.CreateAsync(Workspace(), "Plan", "{}", "alice", "v1");
        string other = Workspace();

        (await store.Plans.GetSummaryAsync(other, created.PlanId)).ShouldBeNull();
        (await store.Plans.GetVersionAsync(other, created.PlanId, 1)).ShouldBeNull();
        (await store.Plans.UpdateAsync(other, created.PlanId, 1, "x", "{}", "eve", "")).Found.ShouldBeFalse();
        (await store.Plans.SignAsync(other, created.PlanId, 1, "2022-03-17", "d", "eve", "v", [1])).ShouldBeFalse();
        (await store.Plans.ArchiveAsync(other, created.PlanId, "eve")).ShouldBeFalse();
        (await store.Plans.ListAsync(other, null, 1, 20, includeArchived: true)).Total.ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ASignature_KeepsItsBytes_AndIsNeverReplaced(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        var created = await store.Plans.CreateAsync(ws, "Plan", "{}", "alice", "v1");
        byte[] answer = [0x7B, 0x00, 0xFF, 0x7D];

        (await store.Plans.SignAsync(ws, created.PlanId, 1, "2022-03-17", "délibération n° 8", "alice", "2026.11.2", answer)).ShouldBeTrue();
        (await store.Plans.SignAsync(ws, created.PlanId, 1, "2022-04-01", "autre", "bob", "2027.1.1", [1])).ShouldBeFalse();

        var signature = (await store.Plans.GetVersionAsync(ws, created.PlanId, 1))!.Signature!;
        signature.Answer.ShouldBe(answer);
        signature.Reference.ShouldBe("délibération n° 8");
        signature.CalculationVersion.ShouldBe("2026.11.2");
        (await store.Plans.ArchiveAsync(ws, created.PlanId, "alice")).ShouldBeTrue();
        (await store.Plans.GetVersionAsync(ws, created.PlanId, 1))!.Signature!.Answer.ShouldBe(answer);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TheList_Searches_Pages_AndHidesArchived(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        for (int i = 1; i <= 25; i++)
        {
            await store.Plans.CreateAsync(ws, i % 2 == 0 ? $"Poste PVD {i}" : $"Territoire d'industrie {i}", "{}", "alice", "v1");
        }
        var (page1, total) = await store.Plans.ListAsync(ws, "pvd", 1, 10, includeArchived: false);
        total.ShouldBe(12);
        page1.Count.ShouldBe(10);
        (await store.Plans.ListAsync(ws, "PVD", 2, 10, includeArchived: false)).Plans.Count.ShouldBe(2);
        (await store.Plans.ListAsync(ws, "100%_", 1, 10, includeArchived: false)).Total.ShouldBe(0);

        await store.Plans.ArchiveAsync(ws, page1[0].Id, "alice");
        (await store.Plans.ListAsync(ws, "pvd", 1, 10, includeArchived: false)).Total.ShouldBe(11);
        (await store.Plans.ListAsync(ws, "pvd", 1, 10, includeArchived: true)).Total.ShouldBe(12);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Keys_AreStoredHashed_AndCanBeRevoked(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        var (key, info) = await store.Keys.AddKeyAsync(ws, "finances", WorkspaceRole.Admin, "tests");

        (await store.Keys.AuthenticateAsync(key)).ShouldBe(new KeyIdentity(info.Id, ws, "finances", WorkspaceRole.Admin));
        (await store.Keys.AuthenticateAsync(key + "x")).ShouldBeNull();
        (await store.Keys.RevokeKeyAsync(ws, "finances", "tests")).ShouldBe(1);
        (await store.Keys.AuthenticateAsync(key)).ShouldBeNull();
        (await store.Keys.ListKeysAsync(ws)).Single().RevokedAt.ShouldNotBeNull();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AnExportedWorkspace_ImportsIntoAnotherDatabase_AsItWas(string provider)
    {
        var source = Store("sqlite");
        string ws = Workspace();
        var created = await source.Plans.CreateAsync(ws, "Plan", "{\"v\":1}", "alice", "v1");
        await source.Plans.UpdateAsync(ws, created.PlanId, 1, "Plan", "{\"v\":2}", "bob", "avenant");
        await source.Plans.SignAsync(ws, created.PlanId, 2, "2022-03-17", "délibération n° 8", "bob", "2026.11.2", [1, 2, 3]);
        var exported = await source.Transfer.ExportAsync(ws);

        var target = Store(provider);
        string targetWs = provider == "sqlite" ? Workspace() : ws;
        if (provider == "sqlite")
        {
            // Same database: the ids exist already, so the import is refused as a whole.
            (await target.Transfer.ImportAsync(targetWs, exported, [], [], "tests")).ShouldBe(new ImportConflict(ImportConflictKind.Plan, exported[0].Plan.Id, null));
            return;
        }
        (await target.Transfer.ImportAsync(targetWs, exported, [], [], "tests")).ShouldBeNull();
        var versions = await target.Plans.ListVersionsAsync(targetWs, created.PlanId);
        versions.Select(v => (v.Number, v.PlanJson, v.Author)).ShouldBe([(1, "{\"v\":1}", "alice"), (2, "{\"v\":2}", "bob")]);
        versions[1].Signature!.Answer.ShouldBe([1, 2, 3]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AWorkspacesFirstKey_IsItsAdmin_LaterOnesEditors_UnlessARoleIsGiven(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        var (first, _) = await store.Keys.AddKeyAsync(ws, "Anne Le Goff", null, "tests");
        var (second, _) = await store.Keys.AddKeyAsync(ws, "Bruno Kerjean", null, "tests");
        var (third, _) = await store.Keys.AddKeyAsync(ws, "Claire Morvan", WorkspaceRole.Reader, "tests");

        (await store.Keys.AuthenticateAsync(first))!.Role.ShouldBe(WorkspaceRole.Admin);
        (await store.Keys.AuthenticateAsync(second))!.Role.ShouldBe(WorkspaceRole.Editor);
        (await store.Keys.AuthenticateAsync(third))!.Role.ShouldBe(WorkspaceRole.Reader);
        (await store.Keys.ListKeysAsync(ws)).Select(k => (k.Name, k.Role)).ShouldBe(
            [("Anne Le Goff", WorkspaceRole.Admin), ("Bruno Kerjean", WorkspaceRole.Editor), ("Claire Morvan", WorkspaceRole.Reader)]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EveryWrite_IsInTheAuditLog_WithWhoAndWhat_AndTheLogCannotBeChanged(string provider)
    {
        var store = Store(provider);
        string ws = Workspace();
        await store.Keys.AddKeyAsync(ws, "Anne", null, "console");
        var created = await store.Plans.CreateAsync(ws, "Plan", "{\"v\":1}", new Actor("Anne", "k_1"), "v1");
        await store.Plans.UpdateAsync(ws, created.PlanId, 1, "Plan", "{\"v\":2}", "Bruno", "avenant n° 1");
        (await store.Plans.UpdateAsync(ws, created.PlanId, 1, "Plan", "{\"v\":3}", "Eve", "perdu")).Saved.ShouldBeNull();
        await store.Plans.SignAsync(ws, created.PlanId, 2, "2022-03-17", "délibération n° 8", "Claire", "2026.12.1", [1, 2, 3]);
        await store.Executions.RecordAsync(ws, created.PlanId, 2, "Bruno", "réalisé 2022", "{\"e\":1}");
        await store.Plans.ArchiveAsync(ws, created.PlanId, "Anne");
        await store.Keys.RevokeKeyAsync(ws, "Anne", "console");

        var log = await store.Audit.ListAsync(ws, null, null, null, 100);
        log.Select(l => (l.Action, l.Actor, l.PlanId, l.Version)).ShouldBe(
        [
            (AuditActions.KeyAdded, "console", null, null),
            (AuditActions.PlanSaved, "Anne", created.PlanId, 1),
            (AuditActions.PlanAmended, "Bruno", created.PlanId, 2),
            (AuditActions.VersionSigned, "Claire", created.PlanId, 2),
            (AuditActions.ExecutionRecorded, "Bruno", created.PlanId, 2),
            (AuditActions.PlanArchived, "Anne", created.PlanId, null),
            (AuditActions.KeyRevoked, "console", null, null),
        ]);
        log[1].KeyId.ShouldBe("k_1");
        // The content hash is SHA-256 of what was written: checked here with the framework's own SHA-256.
        log[2].ContentHash.ShouldBe("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("{\"v\":2}"u8.ToArray())));
        log[3].ContentHash.ShouldBe("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 1, 2, 3 })));
        (await store.Audit.ListAsync(ws, null, null, created.PlanId, 100)).Count.ShouldBe(5);
        (await store.Audit.ListAsync(ws, log[3].At, log[3].At, null, 100)).ShouldContain(l => l.Action == AuditActions.VersionSigned);

        await using var connection = await store.Database.OpenAsync();
        await Should.ThrowAsync<Exception>(() => Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE audit_log SET actor = 'Eve' WHERE workspace_id = @ws", new { ws }));
        await Should.ThrowAsync<Exception>(() => Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM audit_log WHERE workspace_id = @ws", new { ws }));
        (await store.Audit.ListAsync(ws, null, null, null, 100)).Count.ShouldBe(log.Count);
    }
}
