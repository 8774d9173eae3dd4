using Quartz;

namespace RightToManage.Workflows.Scheduling;

/// <summary>How timers map onto Quartz: one durable job, one trigger per timer keyed by the timer's id.</summary>
internal static class TimerTriggers
{
    public const string Group = "rtm-timers";
    public const string TimerKey = "timer";
    public const string InstanceKey = "instance";
    public const string AttemptKey = "attempt";
    public static readonly JobKey FireJob = new("fire-timer", Group);
    public static readonly JobKey ReconcileJob = new("reconcile-timers", "rtm-maintenance");

    /// <summary>A retry of a failed firing uses "timerId~attempt" so it never collides with the original trigger.</summary>
    public static string TimerIdOf(TriggerKey key) => key.Name.Split('~')[0];

    public static ITrigger For(string timerId, Guid instanceId, DateTimeOffset fireAt, int attempt = 0) =>
        TriggerBuilder.Create()
            .WithIdentity(attempt == 0 ? timerId : $"{timerId}~{attempt}", Group)
            .ForJob(FireJob)
            // The id travels in the data too: a trigger Quartz makes to recover a dead node's firing has another key.
            .UsingJobData(TimerKey, timerId)
            .UsingJobData(InstanceKey, instanceId.ToString("D"))
            .UsingJobData(AttemptKey, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAt(fireAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
