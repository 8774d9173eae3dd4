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
}
