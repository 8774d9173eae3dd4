using System.Diagnostics;
using RightToManage.Reliability.Tests.Infrastructure;
using RightToManage.Reliability.Tests.Load;
using RightToManage.Tests.Shared;
using RightToManage.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace RightToManage.Reliability.Tests;

/// <summary>
/// Three Host processes on one PostgreSQL under the generated load, every input sent to two nodes at once: no case
/// runs on two nodes at once (each raced input is applied exactly once, every journal chain is whole) and each
/// decision-period timer fires once, on whichever node takes it.
/// </summary>
public class ClusterLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_nodes_apply_each_input_and_fire_each_timer_exactly_once()
    {
        await using var mail = await MailDevServer.StartAsync();
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        using var nodes = new HostNodes(connectionString, HostSettings.ClockOffset(TimeSpan.FromSeconds(30)), 3, HostSettings.With(mail));
        await nodes.StartAllAsync();
        var load = new CaseLoad(nodes, "CLUSTER", workers: 6, racers: 2);
        var clock = Stopwatch.StartNew();
        // Runs until the decision periods have ended and their timers are firing across the nodes.
        await load.RunAsync(ReliabilitySettings.Cases, () => nodes.Now < CasePlan.DecisionPeriodEnds.AddSeconds(10));
        var loadTime = clock.Elapsed;

        var audit = new LoadAudit(nodes, connectionString, "CLUSTER");
        var settled = await audit.WaitUntilSettledAsync(TimeSpan.FromMinutes(2));
        var report = await audit.CheckAsync(load.Started, await mail.GetMessagesAsync());
        RunReport.Write(output, "cluster",
        [
            $"- 3 nodes, every receipt and decision sent to two nodes at once; load ran {loadTime.TotalSeconds:F0} s",
            $"- {load.RaceViolations.Count} raced inputs applied other than once; settled: {settled}; audit: {report}",
            .. load.RaceViolations.Take(20).Select(v => $"  ✗ {v}"),
        ]);

        settled.Should().BeTrue();
        load.RaceViolations.Should().BeEmpty("an input sent to two nodes at once is applied by exactly one");
        report.Failures.Should().BeEmpty();
        report.TimersFired.Should().BeGreaterThan(0);
    }
}
