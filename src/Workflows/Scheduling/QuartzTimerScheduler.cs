using Quartz;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Scheduling;

/// <summary>
/// Keeps a Quartz trigger for every pending timer; told by the runtime after each commit. A change Quartz cannot take
/// (its database is away) is handed to <paramref name="repair"/>, which reconciles as soon as Quartz works again.
/// </summary>
public sealed class QuartzTimerScheduler(ISchedulerFactory schedulers, TimerRepair? repair = null) : ITimerScheduler
{
    public async Task TimersChangedAsync(IReadOnlyList<TimerRecord> added, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            if (removed.Count > 0)
                await scheduler.UnscheduleJobs(removed.Select(id => new TriggerKey(id, TimerTriggers.Group)).ToList(), cancellationToken);
            foreach (var timer in added) await ScheduleAsync(scheduler, timer.Id, timer.InstanceId, timer.DueAt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            repair?.Request();
            throw;
        }
    }

    /// <summary>Adds the trigger unless it exists: a timer's id and due time never change, so an existing one is already right.</summary>
    internal static async Task<bool> ScheduleAsync(IScheduler scheduler, string timerId, Guid instanceId, DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ScheduleJob(TimerTriggers.For(timerId, instanceId, fireAt), cancellationToken: cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }
}
