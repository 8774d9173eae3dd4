namespace RightToManage.Bench.Transitions;

/// <summary>
/// The benchmark's case, built from built-in activities only: it waits for "step", copies the event's
/// payload (the sender's running count for this case) into <c>count</c>, confirms it into <c>confirmed</c>
/// with a SetVariable, and waits again. One SendAsync is one durable transition: lock the case row, resume
/// the wait, run two activities, suspend on a new bookmark, and commit state, bookmark swap, stimulus record
/// and nine hash-chained journal rows in one transaction.
/// </summary>
public static class BenchDefinition
{
    public const string Id = "bench-transitions";

    public const string EventName = "step";

    public const string Json = """
    {
      "id": "bench-transitions",
      "version": 1,
      "name": "Benchmark: transitions",
      "variables": [
        { "name": "count", "type": "integer", "default": 0 },
        { "name": "confirmed", "type": "integer", "default": 0 }
      ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "step" }, "outputs": { "payload": "count" } },
        { "id": "confirm", "type": "SetVariable", "inputs": { "variable": "confirmed", "value": { "$variable": "count" } } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "confirm" } },
        { "source": { "activity": "confirm", "port": "done" }, "target": { "activity": "wait" } }
      ]
    }
    """;
}
