using System.Text.Json;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>The interpreter's semantics, on both real stores.</summary>
public class InterpreterTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_case_waits_for_an_event_then_decides_on_its_payload(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Decision);
        var id = await engine.StartAsync("decision", reference: "RTM-2026-0001");

        var waiting = await engine.GetAsync(id);
        waiting.Status.Should().Be(InstanceStatus.Waiting);
        waiting.Stages.Should().Equal("Council decision");
        waiting.Bookmarks.Should().ContainSingle().Which.Name.Should().Be("council-decided");

        (await engine.SendAsync(id, "council-decided", "accept")).Outcome.Should().Be(StimulusOutcome.Applied);

        var done = await engine.GetAsync(id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.Outcome.Should().Be("accepted");
        done.Bookmarks.Should().BeEmpty();
        done.Variables["decision"].GetString().Should().Be("accept");
        done.Variables["letter"].GetProperty("status").GetString().Should().Be("accepted");
        (await engine.Store.FindInstanceIdByReferenceAsync("RTM-2026-0001")).Should().Be(id);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_decision_without_a_matching_case_takes_the_default_port(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Decision);
        var id = await engine.StartAsync("decision");
        await engine.SendAsync(id, "council-decided", "defer");
        (await engine.GetAsync(id)).Outcome.Should().Be("unclear");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_decision_can_follow_another_activitys_outcome(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.DecisionOnOutcome);
        var id = await engine.StartAsync("decision-on-outcome", new { route = "consultation" });
        (await engine.GetAsync(id)).Bookmarks.Should().ContainSingle().Which.Name.Should().Be("consulted");
        await engine.SendAsync(id, "consulted");
        (await engine.GetAsync(id)).Outcome.Should().Be("after-consultation");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bookmark_resumes_by_its_id(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Sequence);
        var id = await engine.StartAsync("sequence");
        var bookmark = (await engine.GetAsync(id)).Bookmarks.Single();

        var result = await engine.Runtime.SendAsync(new Stimulus { InstanceId = id, BookmarkId = bookmark.Id, IdempotencyKey = "k1" });

        result.Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.GetAsync(id)).Bookmarks.Should().ContainSingle().Which.Name.Should().Be("decision-made");
        var unknown = await engine.Runtime.SendAsync(new Stimulus { InstanceId = id, BookmarkId = "no-such-bookmark", IdempotencyKey = "k2" });
        unknown.Outcome.Should().Be(StimulusOutcome.Rejected);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Fork_and_join_all_waits_for_every_branch(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.ForkJoin("all"));
        var id = await engine.StartAsync("fork-join-all");
        (await engine.GetAsync(id)).Bookmarks.Select(b => b.Name).Should().BeEquivalentTo(["council-replied", "tenants-replied"]);

        await engine.SendAsync(id, "tenants-replied");
        var half = await engine.GetAsync(id);
        half.Bookmarks.Should().ContainSingle().Which.Name.Should().Be("council-replied");
        half.Stages.Should().Equal("Consultation");

        await engine.SendAsync(id, "council-replied");
        var joined = await engine.GetAsync(id);
        joined.Bookmarks.Should().ContainSingle().Which.Name.Should().Be("ballot-held");
        joined.Stages.Should().Equal("Ballot");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Join_any_goes_on_with_the_first_branch_and_cancels_the_other(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.ForkJoin("any"));
        var id = await engine.StartAsync("fork-join-any");

        await engine.SendAsync(id, "council-replied");

        (await engine.GetAsync(id)).Bookmarks.Should().ContainSingle().Which.Name.Should().Be("ballot-held");
        var journal = (await engine.Store.ReadJournalAsync(id)).Steps();
        journal.Should().ContainSingle(e => e.Kind == JournalEntryKind.BranchesCancelled);
        (await engine.SendAsync(id, "tenants-replied")).Outcome.Should().Be(StimulusOutcome.Queued, "the tenants' branch no longer waits");
        (await engine.GetAsync(id)).Bookmarks.Should().ContainSingle().Which.Name.Should().Be("ballot-held");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_redelivered_stimulus_is_not_applied_twice(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, CrashHarness.CounterDefinition.Json);
        var id = await engine.StartAsync("counter");

        (await engine.SendAsync(id, "step", key: "delivery-1")).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.SendAsync(id, "step", key: "delivery-1")).Outcome.Should().Be(StimulusOutcome.Duplicate);
        (await engine.SendAsync(id, "step", key: "delivery-2")).Outcome.Should().Be(StimulusOutcome.Applied);

        (await engine.GetAsync(id)).Variables["count"].GetInt32().Should().Be(2);
        (await engine.Store.ReadStimuliAsync(id)).Select(s => s.IdempotencyKey).Should().Equal("delivery-1", "delivery-2");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_stimulus_that_arrives_before_its_bookmark_is_kept_and_applied(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Sequence);
        var id = await engine.StartAsync("sequence");

        (await engine.SendAsync(id, "decision-made", new { decision = "accept" })).Outcome.Should().Be(StimulusOutcome.Queued);
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Waiting);

        await engine.SendAsync(id, "notice-served");

        var done = await engine.GetAsync(id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.Outcome.Should().Be("decided");
        (await engine.Store.ReadStimuliAsync(id)).Should().OnlyContain(s => s.Status == Persistence.StimulusStatus.Applied);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_activity_failure_becomes_an_incident_and_retry_resumes_the_case(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Faulty);
        var id = Guid.CreateVersion7();
        Flaky.Broken[id] = true;
        await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "faulty", InstanceId = id });

        var faulted = await engine.GetAsync(id);
        faulted.Status.Should().Be(InstanceStatus.Faulted);
        var incident = (await engine.Store.ReadIncidentsAsync(id)).Should().ContainSingle().Subject;
        incident.Activity.Should().Be("lookup");
        incident.Error.Should().Contain("records service is unavailable");
        faulted.OpenIncident.Should().Be(incident.Id);
        (await engine.Store.ReadOutboxAsync(id)).Should().BeEmpty("nothing after the failed step ran");

        (await engine.SendAsync(id, "go")).Outcome.Should().Be(StimulusOutcome.Queued, "a faulted case keeps stimuli until it is retried");

        Flaky.Broken.TryRemove(id, out _);
        (await engine.Runtime.RetryAsync(id, incident.Id, "admin@council.example")).Outcome.Should().Be(StimulusOutcome.Applied);

        var done = await engine.GetAsync(id);
        done.Status.Should().Be(InstanceStatus.Completed, "the kept event was applied after the retry");
        (await engine.Store.ReadIncidentsAsync(id)).Single().ResolvedBy.Should().Be("admin@council.example");
        (await engine.Store.ReadOutboxAsync(id)).Should().ContainSingle().Which.Kind.Should().Be("email");
        (await engine.Runtime.RetryAsync(id, incident.Id, "admin")).Outcome.Should().Be(StimulusOutcome.Rejected);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_loop_without_a_wait_is_stopped_as_an_incident(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Spin);
        var id = (await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "spin" })).InstanceId;
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Faulted);
        (await engine.Store.ReadIncidentsAsync(id)).Single().Error.Should().Contain("without waiting");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cancelling_is_journaled_and_final(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Sequence);
        var id = await engine.StartAsync("sequence");

        (await engine.Runtime.CancelAsync(id, "withdrawn by the TMO", "secretary@tmo.example")).Outcome.Should().Be(StimulusOutcome.Applied);

        var cancelled = await engine.GetAsync(id);
        cancelled.Status.Should().Be(InstanceStatus.Cancelled);
        cancelled.Bookmarks.Should().BeEmpty();
        var last = (await engine.Store.ReadJournalAsync(id)).Steps().Last();
        last.Kind.Should().Be(JournalEntryKind.CaseCancelled);
        last.Actor.Should().Be("secretary@tmo.example");
        last.Data.Should().Contain("withdrawn by the TMO");
        (await engine.SendAsync(id, "notice-served")).Outcome.Should().Be(StimulusOutcome.Rejected);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cases_stay_on_the_version_they_started_on(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Versioned(1, "old-rules"));
        var onVersion1 = await engine.StartAsync("versioned");
        await engine.Catalog.AddAsync(Definitions.DefinitionJson.Parse(Flows.Versioned(2, "new-rules")).Definition!, Persistence.DefinitionOrigin.Database, publish: true);
        var onVersion2 = await engine.StartAsync("versioned");

        await engine.SendAsync(onVersion1, "go");
        await engine.SendAsync(onVersion2, "go");

        (await engine.GetAsync(onVersion1)).Should().Match<InstanceSnapshot>(s => s.DefinitionVersion == 1 && s.Outcome == "old-rules");
        (await engine.GetAsync(onVersion2)).Should().Match<InstanceSnapshot>(s => s.DefinitionVersion == 2 && s.Outcome == "new-rules");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_stored_version_cannot_change(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Versioned(1, "old-rules"));
        var change = () => engine.Catalog.AddAsync(Definitions.DefinitionJson.Parse(Flows.Versioned(1, "new-rules")).Definition!, Persistence.DefinitionOrigin.Database, publish: true);
        await change.Should().ThrowAsync<DefinitionVersionConflictException>();
        var same = () => engine.Catalog.AddAsync(Definitions.DefinitionJson.Parse(Flows.Versioned(1, "old-rules")).Definition!, Persistence.DefinitionOrigin.Database, publish: true);
        await same.Should().NotThrowAsync();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_start_input_is_refused_and_nothing_is_stored(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Decision);
        var start = () => engine.Runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = "decision",
            Reference = "RTM-1",
            Variables = new Dictionary<string, JsonElement> { ["decision"] = JsonSerializer.SerializeToElement(5), ["nonsense"] = JsonSerializer.SerializeToElement(1) },
        });
        var errors = (await start.Should().ThrowAsync<CaseInputException>()).Which.Errors;
        errors.Select(e => e.Path).Should().BeEquivalentTo(["$.variables.decision", "$.variables.nonsense"]);
        (await engine.Store.FindInstanceIdByReferenceAsync("RTM-1")).Should().BeNull();

        await engine.StartAsync("decision", reference: "RTM-1");
        var again = () => engine.StartAsync("decision", reference: "RTM-1");
        await again.Should().ThrowAsync<DuplicateReferenceException>();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Starting_twice_with_the_same_instance_id_makes_one_case(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Sequence);
        var id = Guid.CreateVersion7();
        var first = await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "sequence", InstanceId = id });
        var second = await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "sequence", InstanceId = id });
        first.Outcome.Should().Be(StimulusOutcome.Applied);
        second.Outcome.Should().Be(StimulusOutcome.Duplicate);
        (await engine.Store.ReadJournalAsync(id)).Steps().Count(e => e.Kind == JournalEntryKind.CaseStarted).Should().Be(1);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Concurrent_stimuli_on_one_case_each_apply_exactly_once(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, CrashHarness.CounterDefinition.Json);
        var id = await engine.StartAsync("counter");

        // Several executors race for the same case; each key is sent twice.
        var keys = Enumerable.Range(0, 24).SelectMany(i => new[] { $"k{i}", $"k{i}" }).ToArray();
        var results = await Task.WhenAll(keys.Select(k => Task.Run(() => engine.SendAsync(id, "step", key: k))));

        results.Count(r => r.Outcome == StimulusOutcome.Applied).Should().Be(24);
        results.Count(r => r.Outcome == StimulusOutcome.Duplicate).Should().Be(24);
        (await engine.GetAsync(id)).Variables["count"].GetInt32().Should().Be(24);
        (await engine.Runtime.VerifyJournalAsync(id)).IsValid.Should().BeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_journal_records_each_step_with_its_actor_and_time(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Decision);
        var id = await engine.StartAsync("decision");
        engine.Clock.Advance(TimeSpan.FromDays(3));
        await engine.Runtime.SendAsync(new Stimulus
        {
            InstanceId = id, EventName = "council-decided", IdempotencyKey = "d1",
            Payload = JsonSerializer.SerializeToElement("refuse"), Actor = "officer@council.example",
        });

        var journal = (await engine.Store.ReadJournalAsync(id)).Steps();
        journal.Select(e => (e.Sequence, e.Step)).Should().OnlyHaveUniqueItems();
        journal.Select(e => e.Sequence).Should().BeInAscendingOrder().And.StartWith(1).And.EndWith(2, "one record per committed run");
        journal.Select(e => e.Kind).Should().ContainInOrder(
            JournalEntryKind.CaseStarted, JournalEntryKind.StageEntered, JournalEntryKind.ActivitySuspended,
            JournalEntryKind.EventReceived, JournalEntryKind.ActivityResumed, JournalEntryKind.VariableChanged,
            JournalEntryKind.ActivityCompleted, JournalEntryKind.CaseCompleted);
        var decided = journal.Single(e => e.Kind == JournalEntryKind.VariableChanged);
        decided.Actor.Should().Be("officer@council.example");
        decided.At.Should().Be(engine.Clock.GetUtcNow());
        journal.First().At.Should().Be(engine.Clock.GetUtcNow() - TimeSpan.FromDays(3));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Join_any_goes_on_once_when_both_branches_arrive_in_the_same_run(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.RaceInOneRun);
        var id = await engine.StartAsync("race");
        var snapshot = await engine.GetAsync(id);
        snapshot.Variables["n"].GetInt32().Should().Be(1);
        snapshot.Bookmarks.Should().ContainSingle();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_join_that_can_never_complete_is_an_incident_not_a_silent_ending(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.DeadJoin);
        var id = (await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "dead-join" })).InstanceId;
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Faulted);
        (await engine.Store.ReadIncidentsAsync(id)).Single().Activity.Should().Be("join");
    }
}
