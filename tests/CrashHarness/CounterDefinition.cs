namespace RightToManage.CrashHarness;

/// <summary>A case that counts "step" events forever, writing a variable, a bookmark and journal entries each time.</summary>
public static class CounterDefinition
{
    public const string Id = "counter";

    public const string Json = """
    {
      "id": "counter",
      "version": 1,
      "name": "Counter",
      "variables": [ { "name": "count", "type": "integer", "default": 0 } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "step" } },
        { "id": "increment", "type": "Increment", "inputs": { "variable": "count" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "increment" } },
        { "source": { "activity": "increment", "port": "done" }, "target": { "activity": "wait" } }
      ]
    }
    """;
}
