using Funding.Storage;

namespace Funding.Api;

/// <summary>
/// <c>dotnet run --project src/Funding.Api -- keys add WORKSPACE [NAME]</c> prints a new key once, on one line; <c>keys
/// revoke WORKSPACE NAME</c> revokes it; <c>keys list WORKSPACE</c> lists them (never the keys: only their hashes are kept).
/// The database is the API's (same configuration: appsettings, ConnectionStrings__Funding, Funding__Database__Provider).
/// </summary>
internal static class KeysCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var store = new SavedPlanStore(FundingApiSetup.StorageOptionsFrom(configuration), TimeProvider.System);
        store.Migrate();
        switch (args)
        {
            case ["add", var workspace, .. var rest] when Valid(workspace) && rest.Length <= 1:
            {
                string name = rest.Length == 1 ? rest[0] : "default";
                var (key, _) = await store.AddKeyAsync(workspace, name);
                output.WriteLine(key);
                return 0;
            }
            case ["revoke", var workspace, var name]:
                int revoked = await store.RevokeKeyAsync(workspace, name);
                error.WriteLine(revoked > 0 ? $"Clé « {name} » révoquée." : $"Aucune clé active « {name} » dans l'espace « {workspace} ».");
                return revoked > 0 ? 0 : 2;
            case ["list", var workspace]:
                foreach (var key in await store.ListKeysAsync(workspace))
                {
                    output.WriteLine($"{key.Id}\t{key.Name}\t{key.CreatedAt:yyyy-MM-dd HH:mm}\t{(key.RevokedAt is { } at ? $"révoquée le {at:yyyy-MM-dd}" : "active")}");
                }
                return 0;
            default:
                error.WriteLine("Usage : keys add ESPACE [NOM] | keys revoke ESPACE NOM | keys list ESPACE (ESPACE : lettres, chiffres, - _ . ; 1 à 100 caractères).");
                return 1;
        }
    }

    private static bool Valid(string workspace) => FundingText.IdProblem(workspace) is null;
}
