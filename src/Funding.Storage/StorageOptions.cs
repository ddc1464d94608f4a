namespace Funding.Storage;

/// <summary>Where saved plans live: an embedded SQLite file by default, a PostgreSQL server when shared.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The database and how to reach it.</summary>
internal sealed record StorageOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The default: <c>funding.db</c> beside the program's working folder.</summary>
    public static StorageOptions Default { get; } = new(DatabaseProvider.Sqlite, "Data Source=funding.db");

    /// <summary>The provider named in configuration: <c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Unknown database provider '{name}': use sqlite or postgresql (Funding:Database:Provider)."),
    };
}
