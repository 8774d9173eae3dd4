using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests;
using RightToManage.Reliability.Tests.Infrastructure;
using RightToManage.Reliability.Tests.Load;
using RightToManage.Tests.Shared;
using Xunit.Abstractions;

namespace RightToManage.Reliability.Tests;

/// <summary>
/// PostgreSQL stopped (immediate shutdown) in the middle of the load and started again after the outage:
/// /health/ready reports it, every request meanwhile fails cleanly with 503 and a ProblemDetails body, and the Host
/// recovers on its own when the database returns, with nothing lost.
/// </summary>
public class DatabaseOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_outage_is_reported_fails_requests_cleanly_and_is_recovered_from_with_nothing_lost()
    {
        var outage = ReliabilitySettings.Outage;
        await using var mail = await MailDevServer.StartAsync();
        await using var postgres = await ThrowawayPostgres.StartAsync();
        using var nodes = new HostNodes(postgres.ConnectionString, HostSettings.ClockOffset(TimeSpan.FromSeconds(20)), 1, HostSettings.With(mail));
        await nodes.StartAllAsync();
        var node = nodes.Node(0)!;
        using var probe = node.CreateClient();
        using var officer = await node.CreateClientAsAsync(DemoSeed.LaOfficer);
        var load = new CaseLoad(nodes, "OUTAGE");
        var outageOver = false;
        var running = Task.Run(() => load.RunAsync(ReliabilitySettings.Cases, () => !Volatile.Read(ref outageOver)));

        await Task.Delay(TimeSpan.FromSeconds(8));
        await postgres.HaltAsync();
        var down = Stopwatch.StartNew();
        var readiness = new List<(double At, HttpStatusCode Status)>();
        var answers = new List<(string Request, HttpStatusCode Status, string? ContentType, string Body)>();
        var attempted = new List<Guid>();
        while (down.Elapsed < outage)
        {
            using (var ready = await probe.GetAsync("/health/ready")) readiness.Add((down.Elapsed.TotalSeconds, ready.StatusCode));
            if (readiness[^1].Status == HttpStatusCode.ServiceUnavailable)
            {
                // Requests made while the database is known to be away: each must fail cleanly and store nothing.
                var id = Guid.NewGuid();
                attempted.Add(id);
                await AnswerAsync("GET /api/tasks", officer.GetAsync("/api/tasks?view=team"));
                await AnswerAsync("POST /api/cases", officer.PostAsJsonAsync("/api/cases", new { id, definitionId = "proposal-notice-decision", reference = $"OUTAGE-ATTEMPT-{attempted.Count}", organisations = DecisionCases.Organisations }));
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        await postgres.LaunchAsync();
        var back = Stopwatch.StartNew();
        var recovered = false;
        while (!recovered && back.Elapsed < TimeSpan.FromSeconds(90))
        {
            using var ready = await probe.GetAsync("/health/ready");
            recovered = ready.StatusCode == HttpStatusCode.OK;
            if (!recovered) await Task.Delay(250);
        }
        var recovery = back.Elapsed;
        Volatile.Write(ref outageOver, true);
        await running;

        var audit = new LoadAudit(nodes, postgres.ConnectionString, "OUTAGE");
        var settled = await audit.WaitUntilSettledAsync(TimeSpan.FromMinutes(2));
        var report = await audit.CheckAsync(load.Started, await mail.GetMessagesAsync());
        var stored = new List<Guid>();
        foreach (var id in attempted)
        {
            using var found = await officer.GetAsync($"/api/cases/{id}");
            if (found.StatusCode != HttpStatusCode.NotFound) stored.Add(id);
        }
        var firstReported = readiness.FirstOrDefault(r => r.Status == HttpStatusCode.ServiceUnavailable).At;
        var unclean = answers.Where(a => a.Status != HttpStatusCode.ServiceUnavailable || a.ContentType != "application/problem+json").ToList();
        RunReport.Write(output, "database-outage",
        [
            $"- PostgreSQL stopped for {outage.TotalSeconds:F0} s under load; /health/ready answered 503 {firstReported:F1} s after the stop, {readiness.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} of {readiness.Count} probes during the outage",
            $"- requests during the outage: {answers.Count}, of which {answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503 problem+json; {unclean.Count} otherwise",
            .. unclean.Take(5).Select(a => $"  ✗ {a.Request}: {(int)a.Status} {a.ContentType} {a.Body[..Math.Min(300, a.Body.Length)]}"),
            $"- ready again {recovery.TotalSeconds:F1} s after PostgreSQL was started; {stored.Count} of {attempted.Count} cases attempted during the outage stored",
            $"- load: {report.Cases} cases, {nodes.Retries} requests re-sent; settled: {settled}; audit: {report}",
        ]);

        readiness.Should().Contain(r => r.Status == HttpStatusCode.ServiceUnavailable, "readiness reports the database away");
        readiness.Where(r => r.At > firstReported).Should().OnlyContain(r => r.Status == HttpStatusCode.ServiceUnavailable, "it stays unready until the database returns");
        answers.Should().NotBeEmpty();
        unclean.Should().BeEmpty("a request the database cannot serve answers 503 with a ProblemDetails body, never 500");
        answers.Should().OnlyContain(a => a.Body.Contains("\"status\":503"));
        recovered.Should().BeTrue("the Host recovers on its own when the database returns");
        stored.Should().BeEmpty("a case refused with 503 was not stored");
        settled.Should().BeTrue();
        report.Failures.Should().BeEmpty();

        async Task AnswerAsync(string request, Task<HttpResponseMessage> sending)
        {
            using var response = await sending;
            answers.Add((request, response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
        }
    }
}
