namespace RightToManage.Workflows.Tests.Support;

public static class DeadlineFlows
{
    /// <summary>The council decides within 28 days of receipt; reminders 7 days before and on the day; then interrupt or escalate.</summary>
    public static string CouncilDecision(string onExpiry, string extraReminder = "") => $$"""
    {
      "id": "deadline-{{onExpiry}}", "version": 1, "name": "Decision with a deadline",
      "parameters": [
        { "name": "decisionPeriod", "type": "period", "value": 28, "unit": "calendarDays", "source": "SI 2012/1821 reg 11", "confidence": "medium" }
      ],
      "variables": [ { "name": "receivedOn", "type": "date" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "decide", "type": "WaitForEvent", "stage": "Council decision", "inputs": { "event": "council-decided" },
          "deadline": {
            "period": { "$parameter": "decisionPeriod" }, "from": { "$variable": "receivedOn" }, "onExpiry": "{{onExpiry}}",
            "source": "SI 2012/1821 reg 11",
            "reminders": [ { "before": { "value": 7, "unit": "calendarDays" } }, { "onTheDay": true } {{extraReminder}} ]
          } },
        { "id": "remind", "type": "RecordEffect", "inputs": { "kind": "reminder-email" } },
        { "id": "escalate", "type": "RecordEffect", "inputs": { "kind": "escalation-email" } },
        { "id": "decided", "type": "End", "inputs": { "outcome": "decided" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "decide" } },
        { "source": { "activity": "decide", "port": "done" }, "target": { "activity": "decided" } },
        { "source": { "activity": "decide", "port": "reminder" }, "target": { "activity": "remind" } },
        { "source": { "activity": "decide", "port": "overdue" }, "target": { "activity": "escalate" } }
      ]
    }
    """;

    public const string ThreeMonthTimer = """
    {
      "id": "timer", "version": 1, "name": "Apply to the assessor service within 3 months",
      "variables": [ { "name": "acceptedOn", "type": "date" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "Timer", "inputs": { "period": { "value": 3, "unit": "calendarMonths" }, "from": { "$variable": "acceptedOn" } } },
        { "id": "end", "type": "End", "inputs": { "outcome": "period-ended" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;

    public const string BallotCloses = """
    {
      "id": "ballot-closes", "version": 1, "name": "Ballot closes at an instant",
      "variables": [ { "name": "closesAt", "type": "dateTime" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "Timer", "inputs": { "at": { "$variable": "closesAt" } } },
        { "id": "end", "type": "End", "inputs": { "outcome": "closed" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "wait" } },
        { "source": { "activity": "wait", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;
}
