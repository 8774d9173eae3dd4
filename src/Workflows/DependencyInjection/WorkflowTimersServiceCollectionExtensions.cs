using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Scheduling;

namespace RightToManage.Workflows.DependencyInjection;

public static class WorkflowTimersServiceCollectionExtensions
{
    /// <summary>
    /// Fires timers through a persistent Quartz scheduler in the same database: clustered on PostgreSQL
    /// (any node may fire a timer, exactly one does), single-node on SQLite. Quartz's tables are created
    /// at start if missing. Timer rows stay the truth; triggers are reconciled against them at start and
    /// every <see cref="TimerSchedulingOptions.ReconcileInterval"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowTimers(this IServiceCollection services, string provider, string connectionString, TimeProvider time, Action<TimerSchedulingOptions>? configure = null)
    {
        var options = new TimerSchedulingOptions();
        configure?.Invoke(options);
        var postgres = provider is "postgres" or "postgresql";
        services.AddSingleton(options);
        services.AddSingleton<ITimerScheduler, QuartzTimerScheduler>();
        services.AddSingleton<TimerReconciler>();
        services.AddSingleton<TimerRepair>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerRepair>());
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(options.MaxConcurrency);
            quartz.UseTimeProvider(time);
            quartz.ConfigureScheduler(scheduler =>
            {
                // A node learns of triggers other nodes scheduled only by polling: keep the poll short.
                scheduler.InstanceName = "RightToManage";
                scheduler.IdleWaitTime = options.IdleWaitTime;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(ado =>
                {
                    ado.StoreJobDataAsStrings = true;
                    ado.TablePrefix = "qrtz_";
                });
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = options.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
                    });
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.ProvisionSchema();
            });
            // Recovery: if a node dies while firing, another node runs the firing again (the runtime makes it idempotent).
            quartz.AddJob<FireTimerJob>(job => job.WithIdentity(TimerTriggers.FireJob).StoreDurably().RequestRecovery());
            quartz.AddJob<ReconcileTimersJob>(job => job.WithIdentity(TimerTriggers.ReconcileJob).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(TimerTriggers.ReconcileJob)
                .WithIdentity("reconcile-timers", TimerTriggers.ReconcileJob.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.ReconcileInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
