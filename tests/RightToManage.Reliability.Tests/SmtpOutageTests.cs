using System.Diagnostics;
using System.Net;
using Npgsql;
using RightToManage.Reliability.Tests.Infrastructure;
using RightToManage.Reliability.Tests.Load;
using RightToManage.Tests.Shared;
using RightToManage.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace RightToManage.Reliability.Tests;

/// <summary>
/// The SMTP server gone in the middle of the load (connections refused, open ones cut): the cases go on, mail queues
/// in the outbox (attempted, not lost, not failed), the Host stays ready, and the queue drains once the server is back.
/// </summary>
public class SmtpOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mail_queues_while_the_smtp_server_is_away_and_drains_when_it_returns()
    {
        var outage = ReliabilitySettings.Outage;
        await using var mail = await MailDevServer.StartAsync();
        // The Host sends through a relay, which is what goes away: maildev behind it keeps the record of what arrived.
        await using var relay = new SmtpRelay(mail.SmtpPort);
        relay.Start();
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        using var nodes = new HostNodes(connectionString, HostSettings.ClockOffset(TimeSpan.FromSeconds(20)), 1, HostSettings.With(mail, relay.Port));
        await nodes.StartAllAsync();
        using var probe = nodes.Node(0)!.CreateClient();
        var load = new CaseLoad(nodes, "SMTP");
        var outageOver = false;
        var running = Task.Run(() => load.RunAsync(ReliabilitySettings.Cases, () => !Volatile.Read(ref outageOver)));

        await Task.Delay(TimeSpan.FromSeconds(8));
        relay.Stop();
        await Task.Delay(outage);
        var queued = await QueuedAsync(connectionString);
        HttpStatusCode readiness;
        using (var ready = await probe.GetAsync("/health/ready")) readiness = ready.StatusCode;
        relay.Start();
        var back = Stopwatch.StartNew();
        Volatile.Write(ref outageOver, true);
        await running;

        var audit = new LoadAudit(nodes, connectionString, "SMTP");
        var settled = await audit.WaitUntilSettledAsync(TimeSpan.FromMinutes(2));
        var drained = back.Elapsed;
        var report = await audit.CheckAsync(load.Started, await mail.GetMessagesAsync());
        RunReport.Write(output, "smtp-outage",
        [
            $"- SMTP server stopped for {outage.TotalSeconds:F0} s under load: at its end {queued.Pending} messages were queued ({queued.Attempted} already attempted), {queued.Failed} failed; /health/ready {(int)readiness}",
            $"- the queue drained {drained.TotalSeconds:F1} s after the server returned; load: {report.Cases} cases; audit: {report}",
        ]);

        queued.Pending.Should().BeGreaterThan(0, "mail made during the outage waits in the outbox");
        queued.Attempted.Should().BeGreaterThan(0, "the dispatcher kept trying");
        queued.Failed.Should().Be(0, "an outage of the mail server is transient: nothing is given up on");
        readiness.Should().Be(HttpStatusCode.OK, "the mail server is not needed to serve requests");
        settled.Should().BeTrue("the queue drains when the server returns");
        report.Failures.Should().BeEmpty();
    }

    private static async Task<(long Pending, long Attempted, long Failed)> QueuedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'pending' AND attempts > 0), count(*) FILTER (WHERE status = 'failed') FROM wf_outbox WHERE kind = 'email'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
