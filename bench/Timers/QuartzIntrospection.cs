using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace RightToManage.Bench.Timers;

/// <summary>
/// Reads the settings a running Quartz scheduler actually uses (batch size, idle wait, pool, misfire and
/// cluster check-in) back out of it, and Quartz's own defaults, so the report states them rather than assuming.
/// Reflection on Quartz internals: a bench diagnostic, "?" where a name is not found.
/// </summary>
internal static class QuartzIntrospection
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly string[] StoreSettings =
    [
        "MisfireThreshold", "ClusterCheckinInterval", "ClusterCheckinMisfireThreshold", "AcquireTriggersWithinLock", "LockFreeFiringRounds",
        "LockOnInsert", "DbRetryInterval", "MaxMisfiresToHandleAtATime",
    ];

    public static string Effective(IScheduler scheduler)
    {
        var parts = new List<string>();
        var quartz = FieldOfType(scheduler, "QuartzScheduler");
        var resources = quartz is null ? null : FieldOfType(quartz, "QuartzSchedulerResources");
        var pool = resources is null ? null : Get(resources, "ThreadPool");
        var store = resources is null ? null : Get(resources, "JobStore");
        // A wrapper (e.g. a tracing store) holds the real store in a field.
        for (var depth = 0; depth < 3 && store is not null && Get(store, "ClusterCheckinInterval") is null; depth++)
            store = FieldOfType(store, "AdoJobStoreBase") ?? FieldOfType(store, "IJobStore");
        parts.Add($"thread_pool={Show(pool?.GetType().Name)}:{Show(pool is null ? null : Get(pool, "PoolSize") ?? Get(pool, "MaxConcurrency"))}");
        parts.Add($"max_batch_size={Show(resources is null ? null : Get(resources, "MaxBatchSize"))}");
        parts.Add($"batch_time_window={Show(resources is null ? null : Get(resources, "BatchTimeWindow"))}");
        parts.Add($"idle_wait={Show(resources is null ? null : Get(resources, "IdleWaitTime"))}");
        parts.Add($"job_store={Show(store?.GetType().Name)}");
        foreach (var name in new[] { "Clustered" }.Concat(StoreSettings))
            parts.Add($"{Snake(name)}={Show(store is null ? null : Get(store, name))}");
        return string.Join(' ', parts);
    }

    /// <summary>
    /// Quartz's own defaults for a clustered PostgreSQL store: a scheduler built with nothing configured but the
    /// store, read back without starting it (the database must already hold Quartz's tables).
    /// </summary>
    public static async Task<string> DefaultsAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(quartz => quartz.UsePersistentStore(store =>
        {
            store.UseSystemTextJsonSerializer();
            store.UsePostgres(connectionString);
            store.UseClustering();
        }));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            return $"quartz_version={typeof(IScheduler).Assembly.GetName().Version} {Effective(scheduler)}";
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    private static object? FieldOfType(object target, string typeName)
    {
        for (var type = target.GetType(); type is not null; type = type.BaseType)
            foreach (var field in type.GetFields(Instance))
                if (field.FieldType.Name == typeName || (field.GetValue(target) is { } value && Derives(value.GetType(), typeName))) return field.GetValue(target);
        return null;
    }

    private static bool Derives(Type type, string typeName)
    {
        for (Type? t = type; t is not null; t = t.BaseType) if (t.Name == typeName) return true;
        return false;
    }

    private static object? Get(object target, string name)
    {
        for (var type = target.GetType(); type is not null; type = type.BaseType)
        {
            var property = type.GetProperty(name, Instance | BindingFlags.DeclaredOnly);
            if (property is not null && property.GetIndexParameters().Length == 0)
            {
                try { return property.GetValue(target); } catch (TargetInvocationException) { return null; }
            }
        }
        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "?",
        TimeSpan t => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
