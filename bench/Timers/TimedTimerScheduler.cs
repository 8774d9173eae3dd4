using System.Collections.Concurrent;
using System.Diagnostics;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Bench.Timers;

/// <summary>
/// Wraps the application's <see cref="ITimerScheduler"/> (the real <c>QuartzTimerScheduler</c>, unchanged) and
/// times each call: scheduling a new trigger when a case starts, unscheduling the fired timer's trigger when a
/// firing commits (the latter runs inside the Quartz job, so it is part of every firing's duration).
/// With <paramref name="skipRemoval"/> (the experiment variant only) it leaves out removals of timers whose trigger
/// is firing right now: Quartz deletes a one-shot trigger itself when its job completes.
/// </summary>
internal sealed class TimedTimerScheduler(ITimerScheduler inner, Func<string, bool>? skipRemoval = null) : ITimerScheduler
{
    private readonly ConcurrentQueue<double> _schedule = new();
    private readonly ConcurrentQueue<double> _unschedule = new();

    public async Task TimersChangedAsync(IReadOnlyList<TimerRecord> added, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        if (skipRemoval is not null && removed.Any(skipRemoval))
        {
            removed = removed.Where(id => !skipRemoval(id)).ToList();
            if (added.Count == 0 && removed.Count == 0) return;
        }
        var begin = Stopwatch.GetTimestamp();
        await inner.TimersChangedAsync(added, removed, cancellationToken);
        var ms = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        (added.Count > 0 ? _schedule : _unschedule).Enqueue(ms);
    }

    /// <summary>Takes the durations recorded since the last call, sorted.</summary>
    public (double[] Schedule, double[] Unschedule) Drain() => (Take(_schedule), Take(_unschedule));

    private static double[] Take(ConcurrentQueue<double> queue)
    {
        var list = new List<double>();
        while (queue.TryDequeue(out var v)) list.Add(v);
        list.Sort();
        return [.. list];
    }
}
