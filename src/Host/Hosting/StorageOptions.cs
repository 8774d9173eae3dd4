namespace RightToManage.Host.Hosting;

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>"sqlite" (embedded default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>For PostgreSQL; for SQLite, optional (defaults to a file in <see cref="DataDirectory"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database (and later, documents and mail files) live; relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The provider ("postgres" or "sqlite") and its connection string, with the embedded default filled in.</summary>
    public (string Provider, string ConnectionString) Resolve() => Provider.ToLowerInvariant() switch
    {
        "postgres" or "postgresql" => ("postgres", ConnectionString
            ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is postgres.")),
        "sqlite" => ("sqlite", ConnectionString ?? $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "righttomanage.db")}"),
        _ => throw new InvalidOperationException($"Storage:Provider '{Provider}' is not supported; use sqlite or postgres."),
    };
}
