using System.Text.Json;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>Human tasks: created in the case's state and projected for inboxes, claimed, completed once through a port.</summary>
public class UserTaskTests
{
    private const string Decide = """
    {
      "id": "decide", "version": 1, "name": "Council decision task",
      "variables": [ { "name": "answers", "type": "json" }, { "name": "decidedBy", "type": "text" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "decide", "type": "UserTask", "stage": "Council decision",
          "inputs": {
            "title": "Decide on the proposal notice", "instructions": "Accept or refuse it, with reasons for a refusal.",
            "source": "SI 2012/1821 reg 11", "outcomes": ["accept", "refuse"],
            "candidateParty": "local-authority", "candidateRole": "la-officer", "priority": "high",
            "form": [
              { "name": "receivedOn", "label": "Date the notice was received", "type": "date", "required": true },
              { "name": "reasons", "label": "Reasons", "type": "text", "requiredFor": "refuse", "maxLength": 50 },
              { "name": "houses", "label": "Number of houses", "type": "number", "min": 25 },
              { "name": "letter", "label": "Decision letter", "type": "document" }
            ]
          },
          "outputs": { "data": "answers", "completedBy": "decidedBy" },
          "deadline": { "period": { "value": 28, "unit": "calendarDays" }, "onExpiry": "escalate", "source": "SI 2012/1821 reg 11" } },
        { "id": "accepted", "type": "End", "inputs": { "outcome": "accepted" } },
        { "id": "refused", "type": "End", "inputs": { "outcome": "refused" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "decide" } },
        { "source": { "activity": "decide", "port": "accept" }, "target": { "activity": "accepted" } },
        { "source": { "activity": "decide", "port": "refuse" }, "target": { "activity": "refused" } }
      ]
    }
    """;

    private static async Task<(TestEngine Engine, Guid Id, string TaskId)> StartAsync(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Decide);
        var started = await engine.Runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = "decide", Reference = "RTM-T-1",
            Organisations = new Dictionary<string, string> { ["local-authority"] = "demo-council", ["tmo"] = "demo-tmo" },
        });
        var (tasks, _) = await engine.Store.Tasks.QueryAsync(new TaskQuery { InstanceId = started.InstanceId });
        return (engine, started.InstanceId, tasks.Single().Id);
    }

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_task_is_listed_for_its_organisation_and_role_with_its_due_date(string provider)
    {
        var (engine, id, taskId) = await StartAsync(provider);
        var task = (await engine.Store.Tasks.FindAsync(taskId))!;
        task.Title.Should().Be("Decide on the proposal notice");
        task.CandidateOrganisation.Should().Be("demo-council");
        task.CandidateRole.Should().Be("la-officer");
        task.Priority.Should().Be(TaskPriority.High);
        task.Status.Should().Be(HumanTaskStatus.Open);
        task.LastDay.Should().Be(new DateOnly(2026, 4, 29), "28 days from 1 April 2026");
        task.CaseReference.Should().Be("RTM-T-1");

        (await engine.Store.Tasks.QueryAsync(new TaskQuery { Organisation = "demo-council", Roles = ["la-officer"] })).Total.Should().Be(1);
        (await engine.Store.Tasks.QueryAsync(new TaskQuery { Organisation = "demo-council", Roles = ["tmo-member"] })).Total.Should().Be(0);
        (await engine.Store.Tasks.QueryAsync(new TaskQuery { Organisation = "demo-tmo" })).Total.Should().Be(0);
        (await engine.Store.Tasks.QueryAsync(new TaskQuery { Organisation = "demo-council", OverdueAt = DateTimeOffset.Parse("2026-04-29T22:59:00Z") })).Total.Should().Be(0);
        (await engine.Store.Tasks.QueryAsync(new TaskQuery { Organisation = "demo-council", OverdueAt = DateTimeOffset.Parse("2026-04-29T23:00:00Z") })).Total
            .Should().Be(1, "the deadline passes at midnight London time (BST) after the last day");
        (await engine.Runtime.GetTaskAsync(id, taskId))!.Form.Should().HaveCount(4);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Claim_unclaim_reassign_and_complete_are_journaled_and_complete_only_once(string provider)
    {
        var (engine, id, taskId) = await StartAsync(provider);
        (await engine.Runtime.ClaimTaskAsync(id, taskId, "olu@council.example", "user:olu")).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.Runtime.ClaimTaskAsync(id, taskId, "olu@council.example", "user:olu")).Outcome.Should().Be(StimulusOutcome.Duplicate);
        (await engine.Runtime.ClaimTaskAsync(id, taskId, "kim@council.example", "user:kim")).Outcome.Should().Be(StimulusOutcome.Rejected);
        (await engine.Store.Tasks.FindAsync(taskId))!.Assignee.Should().Be("olu@council.example");
        (await engine.Runtime.UnclaimTaskAsync(id, taskId, "user:olu")).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.Runtime.ReassignTaskAsync(id, taskId, "kim@council.example", "user:manager")).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.Store.Tasks.FindAsync(taskId))!.Assignee.Should().Be("kim@council.example");
        (await engine.Store.Tasks.FindAsync(taskId))!.LastDay.Should().Be(new DateOnly(2026, 4, 29), "claiming keeps the due date");

        var done = await engine.Runtime.CompleteTaskAsync(id, taskId, "refuse", Json(new { receivedOn = "2026-04-01", reasons = "Fewer than 25 houses" }), "kim@council.example", "user:kim");
        done.Outcome.Should().Be(StimulusOutcome.Applied);
        done.Status.Should().Be(InstanceStatus.Completed);
        (await engine.Runtime.CompleteTaskAsync(id, taskId, "accept", Json(new { receivedOn = "2026-04-01" }), "olu@council.example", "user:olu"))
            .Outcome.Should().Be(StimulusOutcome.Rejected, "a task completes once");

        var snapshot = await engine.GetAsync(id);
        snapshot.Outcome.Should().Be("refused");
        snapshot.Variables["decidedBy"].GetString().Should().Be("kim@council.example");
        snapshot.Variables["answers"].GetProperty("reasons").GetString().Should().Be("Fewer than 25 houses");
        var row = (await engine.Store.Tasks.FindAsync(taskId))!;
        row.Status.Should().Be(HumanTaskStatus.Completed);
        row.Outcome.Should().Be("refuse");
        row.CompletedBy.Should().Be("kim@council.example");

        var steps = (await engine.Store.ReadJournalAsync(id)).Steps().ToList();
        steps.Select(s => s.Kind).Should().ContainInOrder(JournalEntryKind.TaskClaimed, JournalEntryKind.TaskUnclaimed, JournalEntryKind.TaskReassigned, JournalEntryKind.TaskCompleted);
        (await engine.Runtime.VerifyJournalAsync(id)).IsValid.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Answers_that_do_not_fit_the_form_are_refused_by_field_and_change_nothing(string provider)
    {
        var (engine, id, taskId) = await StartAsync(provider);
        var versionBefore = (await engine.GetAsync(id)).Version;
        var attempt = () => engine.Runtime.CompleteTaskAsync(id, taskId, "refuse",
            Json(new { receivedOn = "2026-02-30", houses = 3, reasons = new string('x', 51), colour = "blue" }), "olu", "user:olu");
        var errors = (await attempt.Should().ThrowAsync<CaseInputException>()).Which.Errors;
        errors.Select(e => e.Path).Should().BeEquivalentTo("$.data.receivedOn", "$.data.houses", "$.data.reasons", "$.data.colour");

        var noReasons = () => engine.Runtime.CompleteTaskAsync(id, taskId, "refuse", Json(new { receivedOn = "2026-04-01" }), "olu", "user:olu");
        (await noReasons.Should().ThrowAsync<CaseInputException>()).Which.Errors.Single().Path.Should().Be("$.data.reasons");
        var badOutcome = () => engine.Runtime.CompleteTaskAsync(id, taskId, "maybe", Json(new { receivedOn = "2026-04-01" }), "olu", "user:olu");
        (await badOutcome.Should().ThrowAsync<CaseInputException>()).Which.Errors.Single().Path.Should().Be("$.outcome");

        (await engine.GetAsync(id)).Version.Should().Be(versionBefore, "nothing was stored");
        (await engine.Store.Tasks.FindAsync(taskId))!.Status.Should().Be(HumanTaskStatus.Open);
        (await engine.Runtime.CompleteTaskAsync(id, taskId, "accept", Json(new { receivedOn = "2026-04-01" }), "olu", "user:olu")).Outcome
            .Should().Be(StimulusOutcome.Applied, "a failed attempt does not use up the task");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_cancelled_case_cancels_its_open_tasks(string provider)
    {
        var (engine, id, taskId) = await StartAsync(provider);
        await engine.Runtime.CancelAsync(id, "withdrawn by the TMO", "user:admin");
        (await engine.Store.Tasks.FindAsync(taskId))!.Status.Should().Be(HumanTaskStatus.Cancelled);
        (await engine.Store.Tasks.QueryAsync(new TaskQuery { Organisation = "demo-council" })).Total.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_document_answer_must_be_a_document_of_the_same_case(string provider)
    {
        var (engine, id, taskId) = await StartAsync(provider);
        var other = await engine.Runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = "decide", Organisations = new Dictionary<string, string> { ["local-authority"] = "demo-council" },
        });
        async Task<Guid> UploadAsync(Guid caseId) => (await engine.Store.Documents.AddAsync(
            new Persistence.NewDocument(caseId, "letter.pdf", "application/pdf", "user:olu", engine.Clock.GetUtcNow()), new MemoryStream([1, 2, 3]), 1024)).Id;

        var elsewhere = await UploadAsync(other.InstanceId);
        foreach (var letter in new[] { elsewhere, Guid.NewGuid() })
        {
            var attempt = () => engine.Runtime.CompleteTaskAsync(id, taskId, "accept", Json(new { receivedOn = "2026-04-01", letter }), "olu", "user:olu");
            (await attempt.Should().ThrowAsync<CaseInputException>()).Which.Errors.Single().Path.Should().Be("$.data.letter");
        }
        var own = await UploadAsync(id);
        (await engine.Runtime.CompleteTaskAsync(id, taskId, "accept", Json(new { receivedOn = "2026-04-01", letter = own }), "olu", "user:olu")).Outcome
            .Should().Be(StimulusOutcome.Applied);
    }

    [Fact]
    public async Task An_event_that_shares_the_tasks_bookmark_name_does_not_complete_it()
    {
        var (engine, id, taskId) = await StartAsync(TestDatabases.Sqlite);
        (await engine.SendAsync(id, HumanTask.BookmarkName, new { outcome = "accept" })).Outcome.Should().Be(StimulusOutcome.Queued);
        (await engine.Store.Tasks.FindAsync(taskId))!.Status.Should().Be(HumanTaskStatus.Open, "tasks complete only through the task API");
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task A_task_without_its_organisation_on_the_case_raises_an_incident()
    {
        var engine = await TestEngine.CreateAsync(TestDatabases.Sqlite, Decide);
        var id = await engine.StartAsync("decide");
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Faulted);
        (await engine.Store.ReadIncidentsAsync(id)).Single().Error.Should().Contain("'local-authority'");
    }

    [Fact]
    public void A_task_with_a_bad_form_or_outcomes_fails_validation()
    {
        var json = Decide.Replace("\"outcomes\": [\"accept\", \"refuse\"]", "\"outcomes\": [\"accept\", \"accept\"]")
            .Replace("\"type\": \"number\", \"min\": 25", "\"type\": \"choice\", \"min\": 25")
            .Replace("\"candidateParty\": \"local-authority\"", "\"candidateParty\": \"council\"");
        var errors = new Validation.DefinitionValidator(TestEngine.Registry).Validate(json, out _);
        errors.Select(e => e.Path).Should().Contain("$.activities[1].inputs.outcomes")
            .And.Contain("$.activities[1].inputs.form[2].options")
            .And.Contain("$.activities[1].inputs.candidateParty");
    }

    [Fact]
    public void A_null_form_field_fails_validation_at_its_path()
    {
        var json = Decide.Replace("\"form\": [", "\"form\": [null, ");
        json.Should().NotBe(Decide);
        var errors = new Validation.DefinitionValidator(TestEngine.Registry).Validate(json, out _);
        errors.Select(e => e.Path).Should().Contain("$.activities[1].inputs.form[0]");
    }
}
