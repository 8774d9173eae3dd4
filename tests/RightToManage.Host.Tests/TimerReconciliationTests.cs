using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RightToManage.Workflows.Scheduling;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>Timer rows are the truth: reconciliation repairs whatever the scheduler lost or kept too long.</summary>
public class TimerReconciliationTests
{
    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task A_lost_trigger_is_restored_and_a_stale_one_removed(string provider)
    {
        // Server clock at 10:00 on 1 Dec 2026; the case's deadline falls weeks later.
        await using var host = await HostFactory.CreateAsync(provider, clock: DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await DecisionCases.StartReceivedAsync(client);

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var reconciler = host.Services.GetRequiredService<TimerReconciler>();
        var timerTriggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("rtm-timers"));
        timerTriggers.Should().HaveCount(3, "reminders on 11 and 18 December and the expiry were scheduled after the commit");

        // As if the process died between committing the timers and telling Quartz; plus a trigger for a timer that is gone.
        await scheduler.UnscheduleJobs(timerTriggers.Take(2).ToList());
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity("no-such-timer", "rtm-timers").ForJob(new JobKey("fire-timer", "rtm-timers"))
            .UsingJobData("timer", "no-such-timer").UsingJobData("instance", id.ToString()).StartAt(DateTimeOffset.Parse("2027-06-01T00:00:00Z")).Build());

        var repaired = await reconciler.ReconcileAsync();

        repaired.Should().Be(new TimerReconciliation(PendingTimers: 3, Scheduled: 2, PastDue: 0, StaleTriggersRemoved: 1));
        (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("rtm-timers"))).Select(k => k.Name)
            .Should().BeEquivalentTo(timerTriggers.Select(k => k.Name));
        (await reconciler.ReconcileAsync()).Should().Be(new TimerReconciliation(3, 0, 0, 0), "a second pass finds nothing to do");
    }

    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task Timers_that_fell_due_while_nothing_ran_fire_on_restart_spaced_out(string provider)
    {
        // First run: cases are set up on 1 Dec, then the server stops with its timers in the database only.
        var connectionString = await TestDatabases.CreateConnectionStringAsync(provider);
        var ids = new List<Guid>();
        await using (var before = new HostFactory(provider, connectionString, DateTimeOffset.Parse("2026-12-01T10:00:00Z")))
        {
            var client = await SignedIn.AsAsync(before, DemoSeed.Admin);
            for (var i = 0; i < 5; i++) ids.Add(await DecisionCases.StartReceivedAsync(client));
            var scheduler = await before.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            // Lose every trigger too, so only the database knows the timers.
            await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals("rtm-timers"));
        }

        // Restart on 5 January 2027: every reminder and expiry is long past.
        await using var after = new HostFactory(provider, connectionString, DateTimeOffset.Parse("2027-01-05T12:00:00Z"));
        var restarted = await SignedIn.AsAsync(after, DemoSeed.Admin);
        var fired = new Dictionary<Guid, List<string>>();
        for (var waited = 0; waited < 60; waited++)
        {
            foreach (var id in ids)
                fired[id] = (await DecisionCases.StepKindsAsync(restarted, id)).Where(k => k is "reminderDue" or "deadlineExpired").ToList();
            if (fired.Values.All(f => f.Count == 3)) break;
            await Task.Delay(500);
        }
        fired.Values.Should().AllSatisfy(f => f.Should().Equal(["reminderDue", "reminderDue", "deadlineExpired"],
            "reconciliation at start re-scheduled every past-due timer, in the order they fell due"));
    }
}
