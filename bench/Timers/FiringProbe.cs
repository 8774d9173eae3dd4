using System.Collections.Concurrent;
using Quartz;

namespace RightToManage.Bench.Timers;

/// <summary>One timer firing as Quartz saw it: due (scheduled), fired by the scheduler thread, run on a worker.</summary>
internal sealed record Firing(Guid? InstanceId, DateTimeOffset ScheduledAt, DateTimeOffset FiredAt, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

/// <summary>A maintenance job's run (the timer reconciliation), to see whether it ran inside the window.</summary>
internal sealed record MaintenanceRun(string Job, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

/// <summary>
/// A job listener added to the running scheduler (no change to how the application wires Quartz): records, for
/// every firing, when the worker started and finished it, beside Quartz's own scheduled and fired instants.
/// </summary>
internal sealed class FiringProbe(TimeProvider time) : IJobListener
{
    private const string TimerGroup = "rtm-timers";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _started = new();
    private readonly ConcurrentQueue<Firing> _firings = new();
    private readonly ConcurrentQueue<MaintenanceRun> _maintenance = new();
    private long _completed;

    public string Name => "bench-firing-probe";

    /// <summary>Timer jobs finished (a retried firing counts again; the database count is the check).</summary>
    public long TimerJobsCompleted => Interlocked.Read(ref _completed);

    public IReadOnlyCollection<Firing> Firings => _firings;

    public IReadOnlyCollection<MaintenanceRun> Maintenance => _maintenance;

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        _started[context.FireInstanceId] = time.GetUtcNow();
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var ended = time.GetUtcNow();
        var started = _started.TryRemove(context.FireInstanceId, out var s) ? s : ended;
        if (context.JobDetail.Key.Group == TimerGroup)
        {
            var instance = Guid.TryParse(context.MergedJobDataMap.GetString("instance"), out var id) ? id : (Guid?)null;
            _firings.Enqueue(new Firing(instance, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.FireTimeUtc, started, ended));
            Interlocked.Increment(ref _completed);
        }
        else
        {
            _maintenance.Enqueue(new MaintenanceRun(context.JobDetail.Key.ToString(), started, ended));
        }
        return ValueTask.CompletedTask;
    }
}
