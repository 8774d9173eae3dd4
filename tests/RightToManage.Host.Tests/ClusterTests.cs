using RightToManage.Host.Identity;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>Two Host processes share one PostgreSQL: every timer fires exactly once, even when a node dies mid-burst.</summary>
public class ClusterTests
{
    private const int Cases = 100;

    [Fact]
    public async Task Timers_fire_once_across_two_nodes_and_survive_one_being_killed()
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        // Both nodes' clocks stand 45 s before the deadlines pass (start of 19 Dec 2026) and run on in real time.
        var offset = DateTimeOffset.Parse("2026-12-18T23:59:15Z") - DateTimeOffset.UtcNow;
        using var first = await HostProcess.StartAsync(connectionString, offset);
        using var second = await HostProcess.StartAsync(connectionString, offset);
        using var firstClient = await first.CreateClientAsAsync(DemoSeed.Admin);
        using var secondClient = await second.CreateClientAsAsync(DemoSeed.Admin);

        var ids = new Guid[Cases];
        await Parallel.ForAsync(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = await DecisionCases.StartReceivedAsync(i % 2 == 0 ? firstClient : secondClient, $"RTM-CLUSTER-{i}"));

        // Kill the first node just after the deadlines pass, while the burst is being fired.
        var untilExpiry = DateTimeOffset.Parse("2026-12-19T00:00:00Z") - (DateTimeOffset.UtcNow + offset);
        untilExpiry.Should().BePositive("the cases must be set up before their deadlines pass");
        await Task.Delay(untilExpiry + TimeSpan.FromMilliseconds(100));
        first.Kill();

        var overdue = 0;
        for (var waited = 0; waited < 120 && overdue < Cases; waited++)
        {
            overdue = 0;
            foreach (var id in ids)
                if (await DecisionCases.IsOverdueAsync(secondClient, id)) overdue++;
            if (overdue < Cases) await Task.Delay(1000);
        }
        overdue.Should().Be(Cases, "no timer is lost when a node dies");

        foreach (var id in ids)
        {
            (await DecisionCases.StepKindsAsync(secondClient, id)).Count(k => k == "deadlineExpired").Should().Be(1, "each timer fires exactly once");
            (await secondClient.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal/verify")).GetProperty("isValid").GetBoolean().Should().BeTrue();
        }
    }
}
