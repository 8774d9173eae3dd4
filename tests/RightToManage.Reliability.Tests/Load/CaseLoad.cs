using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests;
using RightToManage.Reliability.Tests.Infrastructure;

namespace RightToManage.Reliability.Tests.Load;

/// <summary>
/// A generated load of proposal-notice-decision cases through the API: each case is started (with an id chosen by
/// the client, so re-sending cannot start it twice), its notice's receipt is sent as an event (with an
/// Idempotency-Key), and two cases in three are decided by the council's officer. Receipt on 20 Nov 2026 starts the
/// 28-day decision period, whose timer marks the undecided ones overdue when the nodes' clock passes 19 Dec.
/// Every request is re-sent until it gets an answer, whatever happens to the nodes meanwhile.
/// With <paramref name="racers"/> above 1, the receipt and the decision are each sent that many times at once (to
/// different nodes of a cluster): exactly one may be applied.
/// </summary>
public sealed class CaseLoad(HostNodes nodes, string run, int workers = 6, int racers = 1)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly List<CasePlan> _started = [];
    private int _next = -1;
    private int _tasksCompleted;
    private int _lostAnswers;
    private readonly List<string> _raceViolations = [];

    /// <summary>Raced inputs that were applied other than exactly once.</summary>
    public IReadOnlyList<string> RaceViolations
    {
        get { lock (_raceViolations) return [.. _raceViolations]; }
    }

    /// <summary>The cases started so far (every one of them acknowledged by the API).</summary>
    public IReadOnlyList<CasePlan> Started
    {
        get { lock (_started) return [.. _started.OrderBy(p => p.Index)]; }
    }

    /// <summary>Task completions acknowledged.</summary>
    public int TasksCompleted => _tasksCompleted;

    /// <summary>Requests whose first answer was lost and whose re-sending found the work already done.</summary>
    public int LostAnswers => _lostAnswers;

    /// <summary>Drives cases until <paramref name="keepGoing"/> says stop and at least <paramref name="minimum"/> are done.</summary>
    public async Task RunAsync(int minimum, Func<bool> keepGoing, CancellationToken cancellationToken = default)
    {
        await Parallel.ForAsync(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, async (_, ct) =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref _next);
                if (index >= minimum && !keepGoing()) return;
                await DriveAsync(CasePlan.For(run, index), ct);
            }
        });
    }

    private async Task DriveAsync(CasePlan plan, CancellationToken ct)
    {
        using (var started = await nodes.SendAsync(DemoSeed.Admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/cases")
               {
                   Content = JsonContent.Create(new { id = plan.Id, definitionId = "proposal-notice-decision", reference = plan.Reference, parties = plan.Parties, organisations = DecisionCases.Organisations }),
               }, Patience, ct))
        {
            await ExpectAsync(started, plan, "start", HttpStatusCode.Created, HttpStatusCode.OK);
            if (started.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref _lostAnswers);
        }
        lock (_started) _started.Add(plan);

        var receipts = await RaceAsync(DemoSeed.Admin, () => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{plan.Id}/events/proposal-notice-received")
        {
            Content = JsonContent.Create(CasePlan.ReceivedOn),
            Headers = { { "Idempotency-Key", "notice-received" } },
        }, ct);
        var applied = 0;
        foreach (var received in receipts)
        {
            await ExpectAsync(received, plan, "send the receipt", HttpStatusCode.OK, HttpStatusCode.Accepted);
            if ((await received.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("outcome").GetString() is { } answer
                && answer.Equals("applied", StringComparison.OrdinalIgnoreCase)) applied++;
            received.Dispose();
        }
        if (racers > 1 && applied != 1) RaceViolation($"{plan.Reference}: the receipt, sent {racers} times at once, was applied {applied} times.");

        if (plan.Decision is not { } outcome) return;
        var task = await DecisionTaskAsync(plan, ct);
        object? data = outcome == "refuse" ? new { reasons = "Fewer than 25 secure tenancies in the proposed area." } : null;
        var completions = await RaceAsync(DemoSeed.LaOfficer, () => new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task}/complete")
        {
            Content = JsonContent.Create(new { outcome, data }),
        }, ct);
        var succeeded = completions.Count(c => c.StatusCode == HttpStatusCode.OK);
        if (succeeded == 0 && completions.All(c => c.StatusCode == HttpStatusCode.Conflict) && await CompletedAsAsync(plan, task, ct) == outcome)
        {
            // The first attempt was applied and its answer lost with the node: the task says so, and nothing was applied twice.
            Interlocked.Increment(ref _lostAnswers);
        }
        else
        {
            foreach (var completed in completions)
                await ExpectAsync(completed, plan, "complete the decision task", HttpStatusCode.OK, HttpStatusCode.Conflict);
            if (succeeded != 1) RaceViolation($"{plan.Reference}: the decision, sent {racers} times at once, succeeded {succeeded} times.");
        }
        foreach (var completed in completions) completed.Dispose();
        Interlocked.Increment(ref _tasksCompleted);
    }

    private async Task<HttpResponseMessage[]> RaceAsync(string user, Func<HttpRequestMessage> request, CancellationToken ct) =>
        await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => nodes.SendAsync(user, request, Patience, ct)));

    private void RaceViolation(string violation)
    {
        lock (_raceViolations) _raceViolations.Add(violation);
    }

    private async Task<string> DecisionTaskAsync(CasePlan plan, CancellationToken ct) =>
        DecisionTask(await CaseAsync(plan, ct)).GetProperty("id").GetString()!;

    private async Task<string?> CompletedAsAsync(CasePlan plan, string taskId, CancellationToken ct)
    {
        var task = DecisionTask(await CaseAsync(plan, ct));
        return task.GetProperty("id").GetString() == taskId && task.GetProperty("status").GetString() == "completed" ? task.GetProperty("outcome").GetString() : null;
    }

    private static JsonElement DecisionTask(JsonElement view) =>
        view.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("activity").GetString() == "councilDecides");

    private async Task<JsonElement> CaseAsync(CasePlan plan, CancellationToken ct)
    {
        using var response = await nodes.SendAsync(DemoSeed.LaOfficer, () => new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{plan.Id}"), Patience, ct);
        await ExpectAsync(response, plan, "read the case", HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, CasePlan plan, string what, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
            throw new InvalidOperationException($"{plan.Reference}: {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
