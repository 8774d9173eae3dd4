using System.Diagnostics;
using RightToManage.Reliability.Tests.Infrastructure;
using RightToManage.Reliability.Tests.Load;
using RightToManage.Tests.Shared;
using RightToManage.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace RightToManage.Reliability.Tests;

/// <summary>
/// kill -9 the Host at random moments, again and again, while cases are started, events sent, tasks completed, timers
/// fire and mail goes out, restarting it each time. Afterwards nothing may be lost or applied twice.
/// </summary>
public class CrashLoopTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_killed_at_random_moments_loses_nothing_and_applies_nothing_twice()
    {
        int kills = ReliabilitySettings.Kills, seed = ReliabilitySettings.Seed;
        var random = new Random(seed);
        await using var mail = await MailDevServer.StartAsync();
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        // The decision periods end 40 s into the loop: timers fire while the node is being killed.
        using var nodes = new HostNodes(connectionString, HostSettings.ClockOffset(TimeSpan.FromSeconds(40)), 1, HostSettings.With(mail));
        await nodes.StartAllAsync();
        var load = new CaseLoad(nodes, "CRASH");
        var killing = true;
        var clock = Stopwatch.StartNew();
        var running = Task.Run(() => load.RunAsync(ReliabilitySettings.Cases, () => Volatile.Read(ref killing)));

        var uptimes = new List<int>();
        for (var kill = 0; kill < kills && !running.IsCompleted; kill++)
        {
            // Up for 0.5–4 s: long enough for work to be in flight, short enough to catch it anywhere.
            var uptime = random.Next(500, 4000);
            uptimes.Add(uptime);
            await Task.Delay(uptime);
            nodes.Kill(0);
            await nodes.StartAsync(0);
        }
        Volatile.Write(ref killing, false);
        await running;
        var loadTime = clock.Elapsed;

        var audit = new LoadAudit(nodes, connectionString, "CRASH");
        var settled = await audit.WaitUntilSettledAsync(TimeSpan.FromMinutes(3));
        var report = await audit.CheckAsync(load.Started, await mail.GetMessagesAsync());
        var starts = nodes.StartTimes.Select(t => t.TotalSeconds).Order().ToList();
        RunReport.Write(output, "crash-loop",
        [
            $"- seed {seed} (RTM_RELIABILITY_SEED), {nodes.Kills} kills after {string.Join(", ", uptimes)} ms up",
            $"- load ran {loadTime.TotalSeconds:F0} s: {report.Cases} cases, {load.TasksCompleted} tasks completed, {nodes.Retries} requests re-sent after a kill, {load.LostAnswers} of them found their work already done",
            $"- Host start to ready: median {starts[starts.Count / 2]:F1} s, max {starts[^1]:F1} s over {starts.Count} starts",
            $"- settled: {settled}; audit: {report}",
        ]);

        nodes.Kills.Should().BeGreaterThanOrEqualTo(kills, "the loop must really kill the Host that often");
        settled.Should().BeTrue("every timer due fires and every message goes once the Host stays up");
        report.Failures.Should().BeEmpty();
        report.TimersFired.Should().BeGreaterThan(0);
    }
}
