using System.Collections.Concurrent;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tests.Support;

/// <summary>Records what the runtime tells a scheduler after each commit.</summary>
public sealed class RecordingTimerScheduler : ITimerScheduler
{
    public ConcurrentDictionary<string, TimerRecord> Scheduled { get; } = new();

    public Task TimersChangedAsync(IReadOnlyList<TimerRecord> added, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        foreach (var timer in added) Scheduled[timer.Id] = timer;
        foreach (var id in removed) Scheduled.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
