using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RightToManage.Notifications;
using RightToManage.Notifications.Activities;
using RightToManage.Notifications.DependencyInjection;
using RightToManage.Workflows.DependencyInjection;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests.Fuzzing;

/// <summary>
/// The modules a definition passes through when a designer validates, saves and publishes it, wired as the Host wires
/// them (the SendNotification activity, the notification definition checks, the shipped templates), on a SQLite file.
/// </summary>
public sealed class DesignerSave : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DesignerSave(ServiceProvider services) => _services = services;

    public DefinitionCatalog Catalog => _services.GetRequiredService<DefinitionCatalog>();

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public static async Task<DesignerSave> CreateAsync()
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Sqlite);
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddWorkflows(o => o.UseSqlite(connectionString).AddActivities(typeof(SendNotification)))
            .AddNotifications(new NotificationsOptions { Dispatch = { Enabled = false } }, _ => Path.Combine(RepositoryFiles.Root, "workflow-definitions", "templates"))
            .BuildServiceProvider();
        var save = new DesignerSave(services);
        await save.Runtime.Store.MigrateAsync();
        return save;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
