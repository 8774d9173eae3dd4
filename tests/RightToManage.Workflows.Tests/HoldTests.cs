using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>
/// A case on hold (a Right to Transfer halt application): the waits it had are frozen until the hold ends; the
/// path that decides the hold runs as usual.
/// </summary>
public class HoldTests
{
    private const string Halting = """
    {
      "id": "halting", "version": 1, "name": "Hold",
      "stages": [ { "name": "Feasibility" }, { "name": "Consultation", "plannedDuration": { "value": 2, "unit": "calendarMonths" } } ],
      "variables": [ { "name": "answers", "type": "json" }, { "name": "haltDecision", "type": "text" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork", "inputs": { "branches": ["main", "watch"] } },
        { "id": "study", "type": "UserTask", "stage": "Feasibility",
          "inputs": { "title": "Serve the statement", "instructions": "Serve it.", "source": "SI 2013/2898 reg 16", "outcomes": ["served"],
                      "candidateParty": "tenant-group", "form": [ { "name": "servedOn", "label": "Served on", "type": "date", "required": true } ] },
          "outputs": { "data": "answers" } },
        { "id": "window", "type": "Timer", "stage": "Consultation",
          "inputs": { "period": { "value": 21, "unit": "calendarDays" }, "from": { "$variable": "answers", "path": "servedOn" } } },
        { "id": "consulted", "type": "WaitForEvent", "stage": "Consultation", "inputs": { "event": "consulted" } },
        { "id": "done", "type": "End", "inputs": { "outcome": "done" } },
        { "id": "haltApplied", "type": "WaitForEvent", "inputs": { "event": "halt-applied" } },
        { "id": "hold", "type": "HoldCase", "inputs": { "reason": "The council has applied to halt the proposal.", "source": "SI 2013/2898 reg 13" } },
        { "id": "decision", "type": "WaitForEvent", "inputs": { "event": "halt-decided" }, "outputs": { "payload": "haltDecision" } },
        { "id": "release", "type": "ReleaseCase" }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "fork" } },
        { "source": { "activity": "fork", "port": "main" }, "target": { "activity": "study" } },
        { "source": { "activity": "study", "port": "served" }, "target": { "activity": "window" } },
        { "source": { "activity": "window", "port": "done" }, "target": { "activity": "consulted" } },
        { "source": { "activity": "consulted", "port": "done" }, "target": { "activity": "done" } },
        { "source": { "activity": "fork", "port": "watch" }, "target": { "activity": "haltApplied" } },
        { "source": { "activity": "haltApplied", "port": "done" }, "target": { "activity": "hold" } },
        { "source": { "activity": "hold", "port": "done" }, "target": { "activity": "decision" } },
        { "source": { "activity": "decision", "port": "done" }, "target": { "activity": "release" } },
        { "source": { "activity": "release", "port": "done" }, "target": { "activity": "haltApplied" } }
      ]
    }
    """;

    private static System.Text.Json.JsonElement Json(object value) => System.Text.Json.JsonSerializer.SerializeToElement(value);

    private static async Task<string> TaskIdAsync(TestEngine engine, Guid id) =>
        (await engine.Store.Tasks.QueryAsync(new TaskQuery { InstanceId = id })).Tasks.Single().Id;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_held_case_keeps_its_tasks_events_and_timers_until_the_hold_ends(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Halting);
        var id = (await engine.Runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = "halting", Organisations = new Dictionary<string, string> { ["tenant-group"] = "tg", ["local-authority"] = "la" },
        })).InstanceId;
        var taskId = await TaskIdAsync(engine, id);

        (await engine.SendAsync(id, "halt-applied")).Outcome.Should().Be(StimulusOutcome.Applied);
        var held = await engine.GetAsync(id);
        held.Hold.Should().NotBeNull();
        held.Hold!.Reason.Should().Be("The council has applied to halt the proposal.");
        held.StageLabels.Should().Equal("Stage 1 of 2: Feasibility");

        var refused = await engine.Runtime.CompleteTaskAsync(id, taskId, "served", Json(new { servedOn = "2026-04-01" }), "tg-user", "user:tg-user");
        refused.Outcome.Should().Be(StimulusOutcome.Rejected);
        refused.Message.Should().Contain("on hold").And.Contain("halt the proposal");

        (await engine.SendAsync(id, "halt-decided", "no-detriment")).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.GetAsync(id)).Hold.Should().BeNull("the decision released the hold");
        (await engine.Runtime.CompleteTaskAsync(id, taskId, "served", Json(new { servedOn = "2026-04-01" }), "tg-user", "user:tg-user"))
            .Outcome.Should().Be(StimulusOutcome.Applied);

        // The window runs 21 days from the date in the task's answers (a path reference); hold again while it runs.
        var timer = (await engine.GetAsync(id)).Bookmarks.Single(b => b.IsTimer);
        timer.DueAt.Should().Be(new DateTimeOffset(2026, 4, 22, 23, 0, 0, TimeSpan.Zero), "00:00 BST on the day after 22 April");
        (await engine.SendAsync(id, "halt-applied")).Outcome.Should().Be(StimulusOutcome.Applied);
        engine.SetClock("2026-05-01T09:00:00Z");
        (await engine.Runtime.FireTimerAsync(id, timer.Id)).Outcome.Should().Be(StimulusOutcome.Queued);
        (await engine.SendAsync(id, "consulted")).Outcome.Should().Be(StimulusOutcome.Queued, "nothing waits for it until the window ends");
        (await engine.GetAsync(id)).Stages.Should().Equal("Consultation");

        (await engine.SendAsync(id, "halt-decided", "no-detriment")).Outcome.Should().Be(StimulusOutcome.Applied);
        var after = await engine.GetAsync(id);
        after.Status.Should().Be(InstanceStatus.Completed, "the kept timer fired when the hold ended, then the kept event was applied");
        after.Outcome.Should().Be("done");
        var kinds = (await engine.Store.ReadJournalAsync(id)).Steps().Select(s => s.Kind).ToList();
        kinds.Count(k => k == JournalEntryKind.CaseHeld).Should().Be(2);
        kinds.Count(k => k == JournalEntryKind.CaseReleased).Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_timeline_numbers_the_declared_stages_and_plans_their_dates(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Halting);
        var id = (await engine.Runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = "halting", Organisations = new Dictionary<string, string> { ["tenant-group"] = "tg" },
        })).InstanceId;
        var taskId = await TaskIdAsync(engine, id);
        engine.SetClock("2026-04-10T09:00:00Z");
        await engine.Runtime.CompleteTaskAsync(id, taskId, "served", Json(new { servedOn = "2026-04-09" }), "tg-user", "user:tg-user");

        var snapshot = await engine.GetAsync(id);
        var definition = await engine.Catalog.GetAsync("halting", 1);
        var timeline = CaseTimeline.Build(definition.Source, (await engine.Store.ReadJournalAsync(id)).Steps(), snapshot.Stages, ended: false);
        timeline.Select(t => t.Label).Should().Equal("Stage 1 of 2: Feasibility", "Stage 2 of 2: Consultation");
        timeline[0].Status.Should().Be("completed");
        timeline[0].PlannedStart.Should().Be(new DateOnly(2026, 4, 1));
        timeline[1].Status.Should().Be("in-progress");
        timeline[1].PlannedStart.Should().Be(new DateOnly(2026, 4, 10));
        timeline[1].PlannedEnd.Should().Be(new DateOnly(2026, 6, 10), "two months planned from when it began");
    }

    [Fact]
    public void An_activity_stage_must_be_a_declared_stage_and_a_path_must_read_a_json_variable()
    {
        var json = Halting.Replace("\"stage\": \"Consultation\", \"inputs\": { \"event\"", "\"stage\": \"Consultaton\", \"inputs\": { \"event\"")
            .Replace("{ \"name\": \"answers\", \"type\": \"json\" }", "{ \"name\": \"answers\", \"type\": \"json\" }, { \"name\": \"day\", \"type\": \"date\" }")
            .Replace("\"from\": { \"$variable\": \"answers\", \"path\": \"servedOn\" }", "\"from\": { \"$variable\": \"day\", \"path\": \"servedOn\" }");
        var errors = new Validation.DefinitionValidator(TestEngine.Registry).Validate(json, out _);
        errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("$.activities[4].stage", "stage.unknown"),
            ("$.activities[3].inputs.from", "reference.path"),
        });
    }
}
