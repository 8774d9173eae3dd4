using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Hosting;

/// <summary>Before the server takes requests: create or upgrade the schema, then load the shipped definitions.</summary>
public sealed class WorkflowStartup(
    IWorkflowStore store,
    DefinitionCatalog catalog,
    DefinitionLoadState state,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<WorkflowStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var folder = DefinitionsFolder.Find(configuration, environment);
        if (folder is null)
        {
            logger.LogWarning("No workflow-definitions folder found; set Workflows:DefinitionsPath");
            state.Complete(null, []);
            return;
        }
        var reports = await catalog.LoadFolderAsync(folder, cancellationToken);
        foreach (var report in reports)
        {
            if (report.Loaded)
                logger.LogInformation("Loaded definition {Definition} v{Version} from {File}", report.DefinitionId, report.Version, report.File);
            else
                logger.LogError("Definition file {File} was not loaded:{NewLine}{Errors}", report.File, Environment.NewLine, string.Join(Environment.NewLine, report.Errors));
        }
        state.Complete(folder, reports);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
