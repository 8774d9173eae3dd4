namespace RightToManage.Workflows.Scheduling;

/// <summary>How timers are fired through Quartz. Defaults are tuned for sub-second lateness; see docs/operations.md.</summary>
public sealed class TimerSchedulingOptions
{
    /// <summary>How often timer rows and Quartz triggers are compared and repaired (also once at start).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gap between past-due timers rescheduled by reconciliation (after downtime), so they fire as a
    /// steady stream rather than all at once.
    /// </summary>
    public TimeSpan PastDueSpacing { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits before retrying a firing that failed (the database was unreachable, say); the last repeats.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)];

    /// <summary>Quartz worker threads: timers fired at once on this node.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How long a node idles before polling for triggers another node scheduled (Quartz's minimum is 1 s).</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cluster heartbeat; a node silent for longer than this (plus a margin) has its firings recovered by the others.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);
}
