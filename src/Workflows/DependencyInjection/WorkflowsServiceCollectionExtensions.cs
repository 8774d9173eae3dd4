using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.DependencyInjection;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflow runtime: the store, the activity registry, the definition catalog and
    /// <see cref="WorkflowRuntime"/>, all singletons. A <see cref="TimeProvider"/> registered by the
    /// application (e.g. a test clock) is used; otherwise the system clock.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<WorkflowsOptions> configure) =>
        services.AddWorkflows((_, options) => configure(options));

    /// <summary>As above, configured when first resolved, so configuration from the container (and tests) applies.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<IServiceProvider, WorkflowsOptions> configure)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = new WorkflowsOptions();
            configure(sp, options);
            return options;
        });
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowsOptions>().CreateStore());
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowsOptions>().CreateRegistry().WithServices(sp));
        services.AddSingleton(sp => new DefinitionCatalog(sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<Activities.ActivityRegistry>()));
        services.AddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<IWorkflowStore>(),
            sp.GetRequiredService<DefinitionCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<WorkflowRuntime>>(),
            sp.GetService<Time.StatutoryCalendar>(),
            sp.GetService<ITimerScheduler>(),
            sp.GetServices<IRunObserver>(),
            sp.GetService<IOutboxSignal>()));
        return services;
    }
}
