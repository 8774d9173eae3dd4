using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Persistence;

namespace RightToManage.Workflows.DependencyInjection;

/// <summary>How the workflow module is set up: its database and the activities it knows.</summary>
public sealed class WorkflowsOptions
{
    private readonly List<Type> _activities = [];
    private Func<IWorkflowStore>? _store;

    /// <summary>PostgreSQL: for production and for several nodes sharing one database.</summary>
    public WorkflowsOptions UsePostgres(string connectionString)
    {
        _store = () => WorkflowStores.Postgres(connectionString);
        return this;
    }

    /// <summary>SQLite: the embedded default for a single server.</summary>
    public WorkflowsOptions UseSqlite(string connectionString)
    {
        _store = () => WorkflowStores.Sqlite(connectionString);
        return this;
    }

    /// <summary>Registers activity classes beside the built-ins.</summary>
    public WorkflowsOptions AddActivities(params Type[] activityTypes)
    {
        _activities.AddRange(activityTypes);
        return this;
    }

    internal IWorkflowStore CreateStore() =>
        (_store ?? throw new InvalidOperationException("Choose a database: UsePostgres(...) or UseSqlite(...)."))();

    internal ActivityRegistry CreateRegistry() => ActivityRegistry.BuiltIn.With([.. _activities]);
}
