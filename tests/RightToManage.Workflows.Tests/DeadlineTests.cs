using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>Statutory deadlines and timers with an injected clock: nothing here waits in real time.</summary>
public class DeadlineTests
{
    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant);

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_deadline_runs_from_the_date_of_receipt_with_reminders(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.CouncilDecision("interrupt"));
        engine.SetClock("2026-11-24T10:00:00Z"); // entered four days after it was received
        var id = await engine.StartAsync("deadline-interrupt", new { receivedOn = "2026-11-20" });

        var timers = (await engine.GetAsync(id)).Bookmarks.Where(b => b.IsTimer).Select(b => b.DueAt).Order().ToList();
        // Last day 18 Dec 2026: reminders 11 Dec and 18 Dec at 09:00 (GMT), expiry at the start of 19 Dec.
        timers.Should().Equal(At("2026-12-11T09:00:00Z"), At("2026-12-18T09:00:00Z"), At("2026-12-19T00:00:00Z"));
        engine.Timers.Scheduled.Values.Select(t => t.DueAt).Should().BeEquivalentTo(timers, "the scheduler was told after the commit");
        var set = (await engine.Store.ReadJournalAsync(id)).Steps().Single(e => e.Kind == JournalEntryKind.DeadlineSet);
        set.Data.Should().Contain("2026-12-18").And.Contain("SI 2012/1821 reg 11");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reminders_go_out_and_expiry_interrupts_the_wait(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.CouncilDecision("interrupt"));
        var id = await engine.StartAsync("deadline-interrupt", new { receivedOn = "2026-11-20" });

        engine.SetClock("2026-12-11T09:00:00Z");
        (await engine.FireDueTimersAsync()).Should().Be(1);
        (await engine.Store.ReadOutboxAsync(id)).Select(m => m.Kind).Should().Equal("reminder-email");
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Waiting);

        engine.SetClock("2026-12-18T23:59:59Z");
        (await engine.FireDueTimersAsync()).Should().Be(1, "only the on-the-day reminder is due before midnight");

        engine.SetClock("2026-12-19T00:00:00Z");
        (await engine.FireDueTimersAsync()).Should().Be(1);
        var overdue = await engine.GetAsync(id);
        overdue.Status.Should().Be(InstanceStatus.Completed, "the interrupted wait left through 'overdue' to the escalation, which ends there");
        (await engine.Store.ReadOutboxAsync(id)).Select(m => m.Kind).Should().Equal("reminder-email", "reminder-email", "escalation-email");
        (await engine.Store.ReadTimersAsync(null, 100)).Should().BeEmpty();
        (await engine.SendAsync(id, "council-decided")).Outcome.Should().Be(StimulusOutcome.Rejected);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_escalating_deadline_keeps_waiting_and_reminds_every_week(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider,
            DeadlineFlows.CouncilDecision("escalate", ", { \"every\": { \"value\": 7, \"unit\": \"calendarDays\" } }"));
        var id = await engine.StartAsync("deadline-escalate", new { receivedOn = "2026-11-20" });

        engine.SetClock("2027-01-02T09:00:00Z");
        await engine.FireDueTimersAsync();
        var snapshot = await engine.GetAsync(id);
        snapshot.Status.Should().Be(InstanceStatus.Waiting, "an escalating deadline does not end the wait");
        // before, on the day, expiry (escalation), and weekly from 25 Dec: 25 Dec and 1 Jan.
        (await engine.Store.ReadOutboxAsync(id)).Select(m => m.Kind).Should().Equal(
            "reminder-email", "reminder-email", "escalation-email", "reminder-email", "reminder-email");
        snapshot.Bookmarks.Where(b => b.IsTimer).Should().ContainSingle().Which.DueAt.Should().Be(At("2027-01-08T09:00:00Z"));

        await engine.SendAsync(id, "council-decided");
        (await engine.GetAsync(id)).Outcome.Should().Be("decided");
        (await engine.Store.ReadTimersAsync(null, 100)).Should().BeEmpty("the decision ended the wait and its timers");
        engine.Timers.Scheduled.Should().BeEmpty("the scheduler was told the timers went");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_extension_of_time_moves_the_deadline_and_is_journaled(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.CouncilDecision("interrupt"));
        var id = await engine.StartAsync("deadline-interrupt", new { receivedOn = "2026-11-20" });

        var extension = new DeadlineExtension
        {
            InstanceId = id, Activity = "decide", NewLastDay = new DateOnly(2027, 1, 15),
            Reason = "Agreed with the TMO after the Christmas closure", LegalBasis = "SI 2012/1821 reg 5", Actor = "manager@council.example",
        };
        (await engine.Runtime.ExtendDeadlineAsync(extension)).Outcome.Should().Be(StimulusOutcome.Applied);

        var timers = (await engine.GetAsync(id)).Bookmarks.Where(b => b.IsTimer).Select(b => b.DueAt).Order().ToList();
        timers.Should().Equal(At("2027-01-08T09:00:00Z"), At("2027-01-15T09:00:00Z"), At("2027-01-16T00:00:00Z"));
        engine.Timers.Scheduled.Values.Select(t => t.DueAt).Should().BeEquivalentTo(timers);
        var entry = (await engine.Store.ReadJournalAsync(id)).Steps().Single(e => e.Kind == JournalEntryKind.DeadlineExtended);
        entry.Actor.Should().Be("manager@council.example");
        entry.Data.Should().Contain("SI 2012/1821 reg 5").And.Contain("2026-12-18").And.Contain("2027-01-15");

        engine.SetClock("2026-12-20T00:00:00Z");
        (await engine.FireDueTimersAsync()).Should().Be(0, "the old timers went with the extension");
        var earlier = () => engine.Runtime.ExtendDeadlineAsync(extension with { NewLastDay = new DateOnly(2027, 1, 1) });
        (await earlier.Should().ThrowAsync<CaseInputException>()).Which.Errors.Single().Path.Should().Be("$.newLastDay");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_timer_waits_calendar_months_and_fires_once(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.ThreeMonthTimer);
        var id = await engine.StartAsync("timer", new { acceptedOn = "2026-11-30" });
        var timer = (await engine.GetAsync(id)).Bookmarks.Single();
        timer.DueAt.Should().Be(At("2027-03-01T00:00:00Z"), "3 months from 30 Nov ends on 28 Feb 2027");

        engine.SetClock("2027-03-01T00:00:00Z");
        (await engine.Runtime.FireTimerAsync(id, timer.Id)).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.Runtime.FireTimerAsync(id, timer.Id)).Outcome.Should().Be(StimulusOutcome.Duplicate);
        (await engine.GetAsync(id)).Outcome.Should().Be("period-ended");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_timer_is_never_resumed_by_an_event_name(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.ThreeMonthTimer);
        var id = await engine.StartAsync("timer", new { acceptedOn = "2026-11-30" });
        (await engine.SendAsync(id, "timer")).Outcome.Should().Be(StimulusOutcome.Queued);
        (await engine.GetAsync(id)).Bookmarks.Should().ContainSingle();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_deadline_whose_start_date_is_unknown_is_an_incident(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.CouncilDecision("interrupt"));
        var id = (await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "deadline-interrupt" })).InstanceId;
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Faulted);
        (await engine.Store.ReadIncidentsAsync(id)).Single().Error.Should().Be("The deadline start date refers to the variable 'receivedOn', which has no value yet.");
        (await engine.Store.ReadTimersAsync(null, 10)).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_timer_can_wait_for_an_instant(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.BallotCloses);
        var id = await engine.StartAsync("ballot-closes", new { closesAt = "2027-05-05T17:00:00+01:00" });
        (await engine.GetAsync(id)).Bookmarks.Single().DueAt.Should().Be(At("2027-05-05T16:00:00Z"));
        var badInstant = () => engine.StartAsync("ballot-closes", new { closesAt = "5 May 2027 at five" });
        await badInstant.Should().ThrowAsync<CaseInputException>();
        var noOffset = () => engine.StartAsync("ballot-closes", new { closesAt = "2027-05-05T17:00:00" });
        (await noOffset.Should().ThrowAsync<CaseInputException>()).Which.Errors.Single().Message.Should().Contain("offset");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_timer_counting_from_a_date_not_yet_known_is_an_incident_not_a_guess(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.ThreeMonthTimer);
        var id = (await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "timer" })).InstanceId;
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Faulted);
        (await engine.Store.ReadIncidentsAsync(id)).Single().Error.Should().Contain("acceptedOn").And.Contain("no value");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_weekly_reminder_on_an_old_deadline_starts_at_its_next_date(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider,
            DeadlineFlows.CouncilDecision("escalate", ", { \"every\": { \"value\": 7, \"unit\": \"calendarDays\" } }"));
        engine.SetClock("2027-01-03T10:00:00Z"); // entered long after the 18 December deadline
        var id = await engine.StartAsync("deadline-escalate", new { receivedOn = "2026-11-20" });
        var reminders = (await engine.GetAsync(id)).Bookmarks.Where(b => b.Name == "deadline:reminder").Select(b => b.DueAt).ToList();
        reminders.Should().Equal([At("2027-01-08T09:00:00Z")], "25 Dec and 1 Jan have passed; the weekly reminder goes on from 8 Jan");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Timers_of_a_case_take_effect_in_due_order_whatever_order_they_are_fired_in(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, DeadlineFlows.CouncilDecision("escalate"));
        var id = await engine.StartAsync("deadline-escalate", new { receivedOn = "2026-11-20" });
        var timers = (await engine.GetAsync(id)).Bookmarks.Where(b => b.IsTimer).OrderBy(b => b.DueAt).ToList();
        engine.SetClock("2026-12-20T00:00:00Z");

        // The scheduler reaches the expiry first (say, after downtime, on another thread).
        (await engine.Runtime.FireTimerAsync(id, timers[2].Id)).Outcome.Should().Be(StimulusOutcome.Applied);
        (await engine.Runtime.FireTimerAsync(id, timers[0].Id)).Outcome.Should().Be(StimulusOutcome.Rejected, "it already took effect, in order");

        var kinds = (await engine.Store.ReadJournalAsync(id)).Steps().Select(e => e.Kind)
            .Where(k => k is JournalEntryKind.ReminderDue or JournalEntryKind.DeadlineExpired).ToList();
        kinds.Should().Equal(JournalEntryKind.ReminderDue, JournalEntryKind.ReminderDue, JournalEntryKind.DeadlineExpired);
        (await engine.Store.ReadOutboxAsync(id)).Select(m => m.Kind).Should().Equal("reminder-email", "reminder-email", "escalation-email");
    }
}
