using System.Diagnostics;
using RightToManage.CrashHarness;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>
/// A child process runs stimuli against a real database and is killed with SIGKILL at random moments,
/// then restarted until it finishes. Afterwards every case must show each event applied exactly once.
/// </summary>
public class CrashTests
{
    private const int Cases = 8;
    private const int Steps = 300;
    private const int Kills = 6;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Killing_the_process_at_random_loses_no_transition_and_applies_none_twice(string provider)
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(provider);
        var random = new Random(provider.GetHashCode());
        var kills = 0;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var child = StartHarness(provider, connectionString);
            if (kills < Kills)
            {
                // Kill during the work: after start-up, somewhere in the stream of transitions.
                await WaitForLineAsync(child, "started", TimeSpan.FromSeconds(60));
                await Task.Delay(random.Next(30, 600));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync();
                    kills++;
                    continue;
                }
            }
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            child.ExitCode.Should().Be(0, await child.StandardError.ReadToEndAsync());
            break;
        }
        kills.Should().BeGreaterThanOrEqualTo(3, "the test must actually have interrupted the work");
        await AssertEveryEventAppliedOnceAsync(provider, connectionString);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_processes_racing_on_the_same_cases_apply_each_event_once(string provider)
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(provider);
        // Both processes start the same cases and send the same keyed events at the same time.
        using var first = StartHarness(provider, connectionString);
        using var second = StartHarness(provider, connectionString);
        foreach (var child in new[] { first, second })
        {
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            child.ExitCode.Should().Be(0, await child.StandardError.ReadToEndAsync());
        }
        await AssertEveryEventAppliedOnceAsync(provider, connectionString);
    }

    private static async Task AssertEveryEventAppliedOnceAsync(string provider, string connectionString)
    {
        var store = TestDatabases.Open(provider, connectionString);
        var catalog = new DefinitionCatalog(store, TestEngine.Registry);
        var runtime = new WorkflowRuntime(store, catalog);
        for (var i = 0; i < Cases; i++)
        {
            var id = new Guid($"00000000-0000-7000-8000-{i:D12}");
            var snapshot = await runtime.GetAsync(id);
            snapshot.Should().NotBeNull();
            snapshot!.Status.Should().Be(InstanceStatus.Waiting);
            snapshot.Variables["count"].GetInt32().Should().Be(Steps, "every event applied once: none lost, none twice");
            var stimuli = await store.ReadStimuliAsync(id);
            stimuli.Should().HaveCount(Steps).And.OnlyContain(s => s.Status == StimulusStatus.Applied);
            (await runtime.VerifyJournalAsync(id)).IsValid.Should().BeTrue();
            snapshot.Bookmarks.Should().ContainSingle("the case waits at exactly one place");
        }
    }

    private static Process StartHarness(string provider, string connectionString)
    {
        var harness = typeof(Increment).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", harness, provider, connectionString, Cases.ToString(), Steps.ToString() }) info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }

    private static async Task WaitForLineAsync(Process process, string expected, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancellation.Token) is { } line)
        {
            if (line == expected) return;
        }
    }
}
