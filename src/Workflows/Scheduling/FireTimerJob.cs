using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Scheduling;

/// <summary>
/// Fires one timer through the runtime (idempotent per timer). When firing fails for a reason outside the
/// case (the database unreachable), it schedules a retry with back-off; the timer row stays until it fires.
/// Failures inside the case become incidents on the case, raised by the runtime.
/// </summary>
internal sealed class FireTimerJob(WorkflowRuntime runtime, TimerSchedulingOptions options, ILogger<FireTimerJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var timerId = data.GetString(TimerTriggers.TimerKey)!;
        var instanceId = Guid.Parse(data.GetString(TimerTriggers.InstanceKey)!);
        var attempt = int.Parse(data.GetString(TimerTriggers.AttemptKey) ?? "0", CultureInfo.InvariantCulture);
        try
        {
            var result = await runtime.FireTimerAsync(instanceId, timerId, cancellationToken);
            logger.LogDebug("Timer {TimerId} of case {InstanceId}: {Outcome}", timerId, instanceId, result.Outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var delay = options.RetryDelays[Math.Min(attempt, options.RetryDelays.Count - 1)];
            logger.LogWarning(ex, "Timer {TimerId} of case {InstanceId} could not fire (attempt {Attempt}); retrying in {Delay}", timerId, instanceId, attempt + 1, delay);
            await context.Scheduler.ScheduleJob(
                TimerTriggers.For(timerId, instanceId, DateTimeOffset.UtcNow + delay, attempt + 1), cancellationToken: CancellationToken.None);
        }
    }
}
