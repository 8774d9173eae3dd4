using Microsoft.Extensions.Logging;
using Quartz;
using RightToManage.Workflows.Persistence;

namespace RightToManage.Workflows.Scheduling;

/// <summary>
/// Repairs any difference between the timer rows (the truth) and Quartz's triggers: a timer without a
/// trigger gets one (past-due ones spaced out), a trigger without a timer is removed.
/// </summary>
public sealed class TimerReconciler(IWorkflowStore store, ISchedulerFactory schedulers, TimerSchedulingOptions options, TimeProvider time, ILogger<TimerReconciler> logger)
{
    private const int PageSize = 5_000;

    public async Task<TimerReconciliation> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Triggers first, then rows: a row committed after this snapshot can only add work, never make
        // its own fresh trigger look orphaned.
        var triggers = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(TimerTriggers.Group), cancellationToken))
            .GroupBy(TimerTriggers.TimerIdOf)
            .ToDictionary(g => g.Key, g => g.ToList());

        var now = time.GetUtcNow();
        int pending = 0, scheduled = 0;
        var seen = new HashSet<string>();
        var pastDue = new List<TimerRecord>();
        string? after = null;
        while (true)
        {
            var page = await store.ReadTimersAsync(after, PageSize, cancellationToken);
            foreach (var timer in page)
            {
                pending++;
                seen.Add(timer.Id);
                if (triggers.ContainsKey(timer.Id)) continue;
                if (timer.DueAt <= now) pastDue.Add(timer);
                else if (await QuartzTimerScheduler.ScheduleAsync(scheduler, timer.Id, timer.InstanceId, timer.DueAt, cancellationToken)) scheduled++;
            }
            if (page.Count < PageSize) break;
            after = page[^1].Id;
        }

        // Past-due timers fire in the order they fell due, spaced out so a backlog drains as a stream.
        var slot = 0;
        foreach (var timer in pastDue.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            if (await QuartzTimerScheduler.ScheduleAsync(scheduler, timer.Id, timer.InstanceId, now + options.PastDueSpacing * ++slot, cancellationToken)) scheduled++;
        }

        var orphans = triggers.Where(t => !seen.Contains(t.Key)).SelectMany(t => t.Value).ToList();
        if (orphans.Count > 0) await scheduler.UnscheduleJobs(orphans, cancellationToken);
        var result = new TimerReconciliation(pending, scheduled, pastDue.Count, orphans.Count);
        if (scheduled > 0 || orphans.Count > 0)
            logger.LogInformation("Timer reconciliation: {Pending} pending, {Scheduled} re-scheduled ({PastDue} past due), {Removed} stale triggers removed", pending, scheduled, pastDue.Count, orphans.Count);
        return result;
    }
}
