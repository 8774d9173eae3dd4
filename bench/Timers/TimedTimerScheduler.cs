using System.Collections.Concurrent;
using System.Diagnostics;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Bench.Timers;

/// <summary>
/// Wraps the application's <see cref="ITimerScheduler"/> (the real <c>QuartzTimerScheduler</c>, unchanged) and
/// times each call: scheduling a new trigger when a case starts, unscheduling the fired timer's trigger when a
/// firing commits other timers of the case (inside the Quartz job, so part of that firing's duration). Since commit
/// ec82584 the runtime no longer unschedules the trigger that is firing, so a plain Start → Timer → End case makes no
/// such call when it fires.
/// </summary>
internal sealed class TimedTimerScheduler(ITimerScheduler inner) : ITimerScheduler
{
    private readonly ConcurrentQueue<double> _schedule = new();
    private readonly ConcurrentQueue<double> _unschedule = new();

    public async Task TimersChangedAsync(IReadOnlyList<TimerRecord> added, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
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
