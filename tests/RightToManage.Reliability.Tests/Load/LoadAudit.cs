using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using RightToManage.Host.Identity;
using RightToManage.Reliability.Tests.Infrastructure;
using RightToManage.Tests.Shared;

namespace RightToManage.Reliability.Tests.Load;

/// <summary>
/// After a load: waits for the system to settle (every timer due has fired, every message has gone), then checks
/// every case the load started against its plan, through the API and in the database, and every message the
/// engine committed against what the SMTP server received.
/// </summary>
public sealed class LoadAudit(HostNodes nodes, string connectionString, string run)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Waits until nothing is left to do: no timer of the run due, no message or stimulus pending.</summary>
    public async Task<bool> WaitUntilSettledAsync(TimeSpan timeout)
    {
        var giveUp = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < giveUp)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                var left = await ScalarAsync(connection, """
                    SELECT (SELECT count(*) FROM wf_timers t JOIN wf_instances i ON i.id = t.instance_id WHERE i.reference LIKE @run AND t.due_at <= @ends)
                         + (SELECT count(*) FROM wf_outbox o JOIN wf_instances i ON i.id = o.instance_id WHERE i.reference LIKE @run AND o.kind = 'email' AND o.status = 'pending')
                         + (SELECT count(*) FROM wf_stimuli s JOIN wf_instances i ON i.id = s.instance_id WHERE i.reference LIKE @run AND s.status = 'pending')
                    """);
                if (left == 0) return true;
            }
            catch (NpgsqlException)
            {
                // The database may be on its way back.
            }
            await Task.Delay(500);
        }
        return false;
    }

    /// <summary>Checks every started case and every message. <paramref name="mail"/> is everything the SMTP server received.</summary>
    public async Task<AuditReport> CheckAsync(IReadOnlyList<CasePlan> plans, IReadOnlyList<ReceivedMail> mail)
    {
        var failures = new List<string>();
        var expiries = new Dictionary<Guid, int>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (plan, _) =>
        {
            var found = await CheckCaseAsync(plan);
            lock (failures)
            {
                failures.AddRange(found.Failures);
                expiries[plan.Id] = found.TimersFired;
            }
        });
        var timersFired = expiries.Values.Sum();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var stored = await ScalarAsync(connection, "SELECT count(*) FROM wf_instances WHERE reference LIKE @run");
        if (stored != plans.Count) failures.Add($"{stored} cases are stored for {plans.Count} started: a case was lost or started twice.");

        var messages = await MessagesAsync(connection);
        var received = mail.Where(m => m.MessageId is not null).GroupBy(m => m.MessageId!.Trim('<', '>').Split('@')[0]).ToDictionary(g => g.Key, g => g.Count());
        var unsent = messages.Where(m => m.Status != "sent").ToList();
        var missing = messages.Where(m => !received.ContainsKey(m.Id.ToString("N"))).ToList();
        if (unsent.Count > 0) failures.Add($"{unsent.Count} messages are not sent, e.g. {unsent[0].Id} ({unsent[0].Status}).");
        if (missing.Count > 0) failures.Add($"{missing.Count} messages never reached the SMTP server, e.g. {missing[0].Id} from {missing[0].Activity}.");
        var ours = messages.Select(m => m.Id.ToString("N")).ToHashSet();
        var duplicates = received.Where(r => ours.Contains(r.Key)).Sum(r => r.Value - 1);
        foreach (var plan in plans)
        {
            var decisionMail = messages.Count(m => m.InstanceId == plan.Id && m.Template == "proposal-notice-decided");
            var expected = plan.Decision is null ? 0 : 1;
            if (decisionMail != expected) failures.Add($"{plan.Reference}: {decisionMail} decision messages committed, expected {expected}.");
            var escalations = messages.Count(m => m.InstanceId == plan.Id && m.Template == "deadline-overdue");
            if (escalations != expiries.GetValueOrDefault(plan.Id)) failures.Add($"{plan.Reference}: {escalations} overdue escalations committed for {expiries.GetValueOrDefault(plan.Id)} expiries.");
        }

        return new AuditReport(plans.Count, plans.Count(p => p.Decision is not null), timersFired, messages.Count, duplicates, failures);
    }

    private async Task<(List<string> Failures, int TimersFired)> CheckCaseAsync(CasePlan plan)
    {
        var failures = new List<string>();
        var view = await GetAsync($"/api/cases/{plan.Id}");
        if (view.GetProperty("reference").GetString() != plan.Reference) failures.Add($"{plan.Reference}: the case holds reference {view.GetProperty("reference")}.");
        var status = view.GetProperty("status").GetString();
        var variables = view.GetProperty("variables");
        var task = view.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("activity").GetString() == "councilDecides").ToList();
        if (task.Count != 1) failures.Add($"{plan.Reference}: {task.Count} decision tasks, expected 1.");

        var kinds = (await GetAsync($"/api/cases/{plan.Id}/journal")).EnumerateArray()
            .SelectMany(r => r.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("kind").GetString()!).ToList();
        int Count(string kind) => kinds.Count(k => k == kind);
        var expired = Count("deadlineExpired");
        Expect(Count("caseStarted"), 1, "caseStarted steps");
        Expect(Count("eventReceived"), 1, "eventReceived steps (the notice's receipt)");
        if (plan.Decision is { } decision)
        {
            Expect(Count("taskCompleted"), 1, "taskCompleted steps");
            Expect(Count("caseCompleted"), 1, "caseCompleted steps");
            if (expired > 1) failures.Add($"{plan.Reference}: the decision deadline expired {expired} times.");
            if (status != "completed") failures.Add($"{plan.Reference}: status {status}, expected completed.");
            if (variables.GetProperty("decision").ToString() != decision) failures.Add($"{plan.Reference}: decision {variables.GetProperty("decision")}, expected {decision}.");
            if (task.Count == 1 && (task[0].GetProperty("status").GetString() != "completed" || task[0].GetProperty("outcome").GetString() != decision))
                failures.Add($"{plan.Reference}: decision task {task[0].GetProperty("status")} as {task[0].GetProperty("outcome")}.");
        }
        else
        {
            // Nobody decided: the decision period's timer must have fired exactly once and marked the case overdue.
            Expect(expired, 1, "deadlineExpired steps");
            Expect(Count("taskCompleted"), 0, "taskCompleted steps");
            if (status == "completed") failures.Add($"{plan.Reference}: completed without a decision.");
            if (!variables.GetProperty("decisionOverdue").GetBoolean()) failures.Add($"{plan.Reference}: not marked overdue.");
            if (task.Count == 1 && task[0].GetProperty("status").GetString() != "open") failures.Add($"{plan.Reference}: decision task {task[0].GetProperty("status")}, expected open.");
        }

        var verification = await GetAsync($"/api/cases/{plan.Id}/journal/verify");
        if (!verification.GetProperty("isValid").GetBoolean()) failures.Add($"{plan.Reference}: the journal does not verify: {verification}.");
        return (failures, expired);

        void Expect(int actual, int expected, string what)
        {
            if (actual != expected) failures.Add($"{plan.Reference}: {actual} {what}, expected {expected}.");
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await nodes.SendAsync(DemoSeed.Admin, () => new HttpRequestMessage(HttpMethod.Get, path), Patience);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<(Guid Id, Guid InstanceId, string Activity, string Template, string Status)>> MessagesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT o.id, o.instance_id, o.activity_id, o.payload::jsonb ->> 'template', o.status
            FROM wf_outbox o JOIN wf_instances i ON i.id = o.instance_id WHERE i.reference LIKE @run AND o.kind = 'email'
            """, connection);
        command.Parameters.AddWithValue("run", run + "-%");
        var messages = new List<(Guid, Guid, string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) messages.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return messages;
    }

    private async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("run", run + "-%");
        command.Parameters.AddWithValue("ends", CasePlan.DecisionPeriodEnds);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

/// <summary>What an audit found: the figures a reliability report gives, and every broken expectation.</summary>
public sealed record AuditReport(int Cases, int Decided, int TimersFired, int Messages, int DuplicateMessages, IReadOnlyList<string> Failures)
{
    public override string ToString()
    {
        var text = new StringBuilder($"{Cases} cases ({Decided} decided), {TimersFired} decision-period timers fired, {Messages} messages committed, {DuplicateMessages} received more than once");
        foreach (var failure in Failures.Take(50)) text.Append(Environment.NewLine).Append("  ✗ ").Append(failure);
        if (Failures.Count > 50) text.Append(Environment.NewLine).Append($"  … and {Failures.Count - 50} more");
        return text.ToString();
    }
}
