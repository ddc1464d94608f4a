using Funding.Storage;

namespace Funding.Api;

/// <summary>
/// <c>dotnet run --project src/Funding.Api -- keys add WORKSPACE NAME [--role reader|editor|signer|admin]</c> prints a
/// new key once, on one line (a workspace's first key is its admin, later ones editors unless --role says otherwise); <c>keys
/// revoke WORKSPACE NAME</c> revokes it; <c>keys list WORKSPACE</c> lists them (never the keys: only their hashes are kept).
/// The database is the API's (same configuration: appsettings, ConnectionStrings__Funding, Funding__Database__Provider).
/// </summary>
internal static class KeysCommand
{
    private static async Task<FundingStorage> StorageAsync()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var storage = FundingStorage.Open(FundingApiSetup.StorageOptionsFrom(configuration), TimeProvider.System);
        await storage.Migrator.MigrateAsync();
        return storage;
    }

    /// <summary><c>workspace export WORKSPACE FILE</c> and <c>workspace import WORKSPACE FILE</c>, in the API's export format.</summary>
    public static async Task<int> RunWorkspaceAsync(string[] args, TextWriter output, TextWriter error)
    {
        await using var storage = await StorageAsync();
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
        Funding.Contracts.Json.ApiJson.Configure(options);
        switch (args)
        {
            case ["export", var workspace, var file]:
            {
                var export = await new Funding.Application.SavedPlans.WorkspaceTransferService(storage.Transfer, storage.Audit, storage.Programmes).ExportAsync(workspace);
                await File.WriteAllBytesAsync(file, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, options));
                output.WriteLine($"{export.Plans.Count} plan(s) exporté(s) dans {file}.");
                return 0;
            }
            case ["import", var workspace, var file]:
            {
                var export = System.Text.Json.JsonSerializer.Deserialize<WorkspaceExport>(await File.ReadAllBytesAsync(file), options)!;
                var outcome = await new Funding.Application.SavedPlans.WorkspaceTransferService(storage.Transfer, storage.Audit, storage.Programmes).ImportAsync(workspace, Actor.Console, export);
                if (outcome.Value is not { } imported)
                {
                    error.WriteLine(outcome.Failure is { } failure
                        ? $"{failure.Title.French} {failure.Detail?.French}"
                        : string.Join(Environment.NewLine, outcome.Problems!.Select(p => $"{p.Path} : {p.Message.French}")));
                    return 2;
                }
                output.WriteLine($"{imported.Plans} plan(s), {imported.Versions} version(s), {imported.Signatures} signature(s) importés.");
                return 0;
            }
            default:
                error.WriteLine("Usage : workspace export ESPACE FICHIER | workspace import ESPACE FICHIER");
                return 1;
        }
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        await using var storage = await StorageAsync();
        var store = storage.Keys;
        switch (args)
        {
            case ["add", var workspace, var name, .. var rest] when Valid(workspace) && rest is [] or ["--role", _]:
            {
                var errors = new Funding.Contracts.Errors.RequestErrors();
                var role = Funding.Application.SavedPlans.WorkspaceAdminService.KeyRequest(name, rest is [_, var r] ? r : null, errors);
                if (errors.HasErrors)
                {
                    foreach (var problem in errors.ToList())
                    {
                        error.WriteLine($"{problem.Path} : {problem.Message.French}");
                    }
                    return 1;
                }
                var (key, info) = await store.AddKeyAsync(workspace, name.Trim(), role, Actor.Console);
                output.WriteLine(key);
                error.WriteLine($"Clé de « {info.Name} », rôle {info.Role.French()} ({info.Role.Name()}), dans l'espace « {workspace} » : elle ne sera plus affichée.");
                return 0;
            }
            case ["revoke", var workspace, var name]:
                int revoked = await store.RevokeKeyAsync(workspace, name, Actor.Console);
                error.WriteLine(revoked > 0 ? $"Clé « {name} » révoquée." : $"Aucune clé active « {name} » dans l'espace « {workspace} ».");
                return revoked > 0 ? 0 : 2;
            case ["list", var workspace]:
                foreach (var key in await store.ListKeysAsync(workspace))
                {
                    output.WriteLine($"{key.Id}\t{key.Name}\t{key.Role.Name()}\t{key.CreatedAt:yyyy-MM-dd HH:mm}\t{(key.RevokedAt is { } at ? $"révoquée le {at:yyyy-MM-dd}" : "active")}");
                }
                return 0;
            default:
                error.WriteLine("Usage : keys add ESPACE NOM [--role reader|editor|signer|admin] | keys revoke ESPACE NOM | keys list ESPACE (ESPACE : lettres, chiffres, - _ . ; 1 à 100 caractères).");
                return 1;
        }
    }

    private static bool Valid(string workspace) => TextRules.IdProblem(workspace) is null;
}
