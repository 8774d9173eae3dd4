using RightToManage.Workflows.DependencyInjection;

namespace RightToManage.Host.Hosting;

public static class WorkflowStorageSetup
{
    /// <summary>Wires the workflow module to the configured database and loads definitions at start.</summary>
    public static WebApplicationBuilder AddWorkflowStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkflows((services, options) =>
        {
            var storage = services.GetRequiredService<IConfiguration>().GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
            switch (storage.Provider.ToLowerInvariant())
            {
                case "postgres" or "postgresql":
                    options.UsePostgres(storage.ConnectionString
                        ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is postgres."));
                    break;
                case "sqlite":
                    var folder = Path.GetFullPath(storage.DataDirectory);
                    options.UseSqlite(storage.ConnectionString ?? $"Data Source={Path.Combine(folder, "righttomanage.db")}");
                    break;
                default:
                    throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' is not supported; use sqlite or postgres.");
            }
        });
        builder.Services.AddSingleton<DefinitionLoadState>();
        builder.Services.AddHostedService<WorkflowStartup>();
        return builder;
    }
}
