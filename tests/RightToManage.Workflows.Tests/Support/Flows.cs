namespace RightToManage.Workflows.Tests.Support;

/// <summary>Small definitions that each exercise one part of the interpreter.</summary>
public static class Flows
{
    public const string Decision = """
    {
      "id": "decision", "version": 1, "name": "Council decision",
      "variables": [ { "name": "decision", "type": "text" }, { "name": "letter", "type": "json" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "decided", "type": "WaitForEvent", "stage": "Council decision", "inputs": { "event": "council-decided" }, "outputs": { "payload": "decision" } },
        { "id": "which", "type": "Decision", "inputs": { "variable": "decision", "cases": ["accept", "refuse"] } },
        { "id": "record", "type": "SetVariable", "inputs": { "variable": "letter", "value": { "status": "accepted" } } },
        { "id": "accepted", "type": "End", "inputs": { "outcome": "accepted" } },
        { "id": "refused", "type": "End", "inputs": { "outcome": "refused" } },
        { "id": "unclear", "type": "End", "inputs": { "outcome": "unclear" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "decided" } },
        { "source": { "activity": "decided", "port": "done" }, "target": { "activity": "which" } },
        { "source": { "activity": "which", "port": "accept" }, "target": { "activity": "record" } },
        { "source": { "activity": "record", "port": "done" }, "target": { "activity": "accepted" } },
        { "source": { "activity": "which", "port": "refuse" }, "target": { "activity": "refused" } },
        { "source": { "activity": "which", "port": "default" }, "target": { "activity": "unclear" } }
      ]
    }
    """;

    /// <summary>Start → Decision on a start variable → one of two waits, then a Decision on the first Decision's outcome.</summary>
    public const string DecisionOnOutcome = """
    {
      "id": "decision-on-outcome", "version": 1, "name": "Decision on an outcome",
      "variables": [ { "name": "route", "type": "text", "default": "ballot" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "route", "type": "Decision", "inputs": { "variable": "route", "cases": ["ballot", "consultation"] } },
        { "id": "ballotHeld", "type": "WaitForEvent", "inputs": { "event": "ballot-held" } },
        { "id": "consulted", "type": "WaitForEvent", "inputs": { "event": "consulted" } },
        { "id": "which", "type": "Decision", "inputs": { "activity": "route", "cases": ["ballot", "consultation"] } },
        { "id": "afterBallot", "type": "End", "inputs": { "outcome": "after-ballot" } },
        { "id": "afterConsultation", "type": "End", "inputs": { "outcome": "after-consultation" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "route" } },
        { "source": { "activity": "route", "port": "ballot" }, "target": { "activity": "ballotHeld" } },
        { "source": { "activity": "route", "port": "consultation" }, "target": { "activity": "consulted" } },
        { "source": { "activity": "ballotHeld", "port": "done" }, "target": { "activity": "which" } },
        { "source": { "activity": "consulted", "port": "done" }, "target": { "activity": "which" } },
        { "source": { "activity": "which", "port": "ballot" }, "target": { "activity": "afterBallot" } },
        { "source": { "activity": "which", "port": "consultation" }, "target": { "activity": "afterConsultation" } }
      ]
    }
    """;

    /// <summary>Two parallel waits joined with the given mode, then a final wait so the case stays open.</summary>
    public static string ForkJoin(string mode) => $$"""
    {
      "id": "fork-join-{{mode}}", "version": 1, "name": "Fork and join ({{mode}})",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork", "inputs": { "branches": ["council", "tenants"] } },
        { "id": "councilReply", "type": "WaitForEvent", "stage": "Consultation", "inputs": { "event": "council-replied" } },
        { "id": "tenantsReply", "type": "WaitForEvent", "stage": "Consultation", "inputs": { "event": "tenants-replied" } },
        { "id": "join", "type": "Join", "inputs": { "mode": "{{mode}}" } },
        { "id": "ballot", "type": "WaitForEvent", "stage": "Ballot", "inputs": { "event": "ballot-held" } },
        { "id": "end", "type": "End", "inputs": { "outcome": "done" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "fork" } },
        { "source": { "activity": "fork", "port": "council" }, "target": { "activity": "councilReply" } },
        { "source": { "activity": "fork", "port": "tenants" }, "target": { "activity": "tenantsReply" } },
        { "source": { "activity": "councilReply", "port": "done" }, "target": { "activity": "join" } },
        { "source": { "activity": "tenantsReply", "port": "done" }, "target": { "activity": "join" } },
        { "source": { "activity": "join", "port": "done" }, "target": { "activity": "ballot" } },
        { "source": { "activity": "ballot", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;

    /// <summary>Two waits in sequence, to send the second event first.</summary>
    public const string Sequence = """
    {
      "id": "sequence", "version": 1, "name": "Notice then decision",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "notice", "type": "WaitForEvent", "inputs": { "event": "notice-served" } },
        { "id": "decision", "type": "WaitForEvent", "inputs": { "event": "decision-made" } },
        { "id": "end", "type": "End", "inputs": { "outcome": "decided" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "notice" } },
        { "source": { "activity": "notice", "port": "done" }, "target": { "activity": "decision" } },
        { "source": { "activity": "decision", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;

    /// <summary>An activity that may fail, an outbox side effect, then a wait.</summary>
    public const string Faulty = """
    {
      "id": "faulty", "version": 1, "name": "Records lookup",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "lookup", "type": "Flaky" },
        { "id": "notify", "type": "RecordEffect", "inputs": { "kind": "email" } },
        { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "go" } },
        { "id": "end", "type": "End", "inputs": { "outcome": "finished" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "lookup" } },
        { "source": { "activity": "lookup", "port": "done" }, "target": { "activity": "notify" } },
        { "source": { "activity": "notify", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;

    /// <summary>A loop with no wait in it: the runtime must stop it.</summary>
    public const string Spin = """
    {
      "id": "spin", "version": 1, "name": "Spin",
      "variables": [ { "name": "n", "type": "integer", "default": 0 } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "a", "type": "Increment", "inputs": { "variable": "n" } },
        { "id": "b", "type": "Increment", "inputs": { "variable": "n" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "a" } },
        { "source": { "activity": "a", "port": "done" }, "target": { "activity": "b" } },
        { "source": { "activity": "b", "port": "done" }, "target": { "activity": "a" } }
      ]
    }
    """;

    public static string Versioned(int version, string outcome) => WaitThenEnd("versioned", version, outcome, "Versioned");

    /// <summary>Waits for "go", then ends with <paramref name="outcome"/>: the smallest definition that can be told apart by version.</summary>
    public static string WaitThenEnd(string id, int version, string outcome, string name) => $$"""
    {
      "id": "{{id}}", "version": {{version}}, "name": "{{name}}",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "go" } },
        { "id": "end", "type": "End", "inputs": { "outcome": "{{outcome}}" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;

    /// <summary>Fork straight into a Join on "any": both tokens reach the join in the same run.</summary>
    public const string RaceInOneRun = """
    {
      "id": "race", "version": 1, "name": "Race",
      "variables": [ { "name": "n", "type": "integer", "default": 0 } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork", "inputs": { "branches": ["a", "b"] } },
        { "id": "join", "type": "Join", "inputs": { "mode": "any" } },
        { "id": "count", "type": "Increment", "inputs": { "variable": "n" } },
        { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "go" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "fork" } },
        { "source": { "activity": "fork", "port": "a" }, "target": { "activity": "join" } },
        { "source": { "activity": "fork", "port": "b" }, "target": { "activity": "join" } },
        { "source": { "activity": "join", "port": "done" }, "target": { "activity": "count" } },
        { "source": { "activity": "count", "port": "done" }, "target": { "activity": "wait" } }
      ]
    }
    """;

    /// <summary>A Decision takes one branch, but the Join on "all" expects both.</summary>
    public const string DeadJoin = """
    {
      "id": "dead-join", "version": 1, "name": "Dead join",
      "variables": [ { "name": "route", "type": "text", "default": "a" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "route", "type": "Decision", "inputs": { "variable": "route", "cases": ["a", "b"] } },
        { "id": "join", "type": "Join" },
        { "id": "end", "type": "End", "inputs": { "outcome": "joined" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "route" } },
        { "source": { "activity": "route", "port": "a" }, "target": { "activity": "join" } },
        { "source": { "activity": "route", "port": "b" }, "target": { "activity": "join" } },
        { "source": { "activity": "join", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;
}
