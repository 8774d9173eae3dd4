namespace RightToManage.Bench.Timers;

/// <summary>
/// The benchmark's case, built-ins only: Start → Timer (waits until the instant in the dateTime variable
/// <c>dueAt</c>) → End. Starting it is one transaction that leaves one pending timer; the timer firing is
/// one more, journaled with actor "scheduler" at the runtime's clock when it ran.
/// </summary>
public static class BenchDefinition
{
    /// <summary>Cases whose lateness is measured.</summary>
    public const string Id = "bench-timers";

    /// <summary>The same flow under another id, for warm-up cases (kept out of the statistics).</summary>
    public const string WarmupId = "bench-timers-warmup";

    public static string Json(string id) => $$"""
    {
      "id": "{{id}}",
      "version": 1,
      "name": "Benchmark: timer lateness",
      "variables": [ { "name": "dueAt", "type": "dateTime" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "Timer", "inputs": { "at": { "$variable": "dueAt" } } },
        { "id": "end", "type": "End", "inputs": { "outcome": "fired" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;
}
