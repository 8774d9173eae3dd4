using Microsoft.Extensions.Logging.Abstractions;
using RightToManage.Notifications.Activities;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Templates;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Validation;

namespace RightToManage.Bench.Inbox;

/// <summary>
/// The runtime wired as the server runs the shipped definition: the PostgreSQL store, the built-in activities plus
/// SendNotification, the email templates and their definition check, and automatic notifications (stage changes
/// become outbox rows). No timer scheduler: deadline timers are still written to <c>wf_timers</c>, nothing fires them.
/// </summary>
internal sealed class Engine
{
    private Engine(IWorkflowStore store, WorkflowRuntime runtime)
    {
        Store = store;
        Runtime = runtime;
    }

    public IWorkflowStore Store { get; }

    public WorkflowRuntime Runtime { get; }

    /// <summary>Migrates the schema and publishes <paramref name="definitionFile"/> (its templates are in <c>templates/</c> beside it).</summary>
    public static async Task<Engine> StartAsync(string connection, string definitionFile)
    {
        var store = WorkflowStores.Postgres(connection);
        await store.MigrateAsync();
        var folder = Path.GetDirectoryName(Path.GetFullPath(definitionFile))!;
        var templates = TemplateCatalog.Load(Path.Combine(folder, "templates"), out var templateErrors);
        if (templateErrors.Count > 0)
            throw new InvalidOperationException("Templates did not load: " + string.Join("; ", templateErrors.Select(e => $"{e.File}: {e.Message}")));
        var services = new Services(templates, [new NotificationDefinitionCheck(templates)]);
        var registry = ActivityRegistry.BuiltIn.With(typeof(SendNotification)).WithServices(services);
        var catalog = new DefinitionCatalog(store, registry);
        var errors = catalog.Validator.Validate(await File.ReadAllTextAsync(definitionFile), out var definition);
        if (errors.Count > 0 || definition is null)
            throw new InvalidOperationException($"{definitionFile} is not valid: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}")));
        await catalog.AddAsync(definition, DefinitionOrigin.File, publish: true);
        var runtime = new WorkflowRuntime(store, catalog, observers: [new AutomaticNotifications(NullLogger<AutomaticNotifications>.Instance)]);
        return new Engine(store, runtime);
    }

    private sealed class Services(TemplateCatalog templates, IEnumerable<IDefinitionCheck> checks) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(TemplateCatalog) ? templates
            : serviceType == typeof(IEnumerable<IDefinitionCheck>) ? checks
            : null;
    }
}
