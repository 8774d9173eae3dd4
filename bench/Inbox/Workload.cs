using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Bench.Inbox;

/// <summary>One timed call: its latency, the rows of the page, the total the store reported, and what was asked.</summary>
internal readonly record struct Sample(long Ticks, int Rows, long Total, string Parameters);

/// <summary>A query the benchmark times: it picks its parameters from the generator, calls the store, checks the answer.</summary>
internal sealed record QueryKind(string Name, string Description, Func<IWorkflowStore, Random, Task<Sample>> RunAsync);

/// <summary>
/// What is in the database, read once with plain SQL before measuring (not timed): the organisations to pick from,
/// the people with claimed tasks, the instants that split the deadlines, and what each query must answer.
/// Every timed call's total is compared with these, and every row it returns with its filter.
/// </summary>
internal sealed class Workload
{
    public static readonly string[] OfficerRoles = ["la-officer", "la-manager"];
    public const string StageText = "Council decision";

    /// <summary>The name of a statutory deadline's expiry timer in <c>wf_timers</c> (the runtime's DeadlineTimers.ExpiryName).</summary>
    private const string ExpiryTimerName = "deadline:expiry";

    private Workload()
    {
    }

    public string[] Councils { get; private set; } = [];
    public string[] Tmos { get; private set; } = [];
    public string[] Assignees { get; private set; } = [];
    public long Cases { get; private set; }

    /// <summary>About half the open tasks with a deadline are overdue at this instant (their median due time).</summary>
    public DateTimeOffset OverdueAt { get; private set; }

    private Dictionary<string, long> _casesOf = [];
    private Dictionary<string, long> _openTasksOf = [];
    private Dictionary<string, long> _overdueTasksOf = [];
    private Dictionary<string, long> _claimedBy = [];
    private Dictionary<string, long> _waitingCasesOf = [];
    private Dictionary<string, long> _stageCasesOf = [];
    private Dictionary<string, long> _deadlineCasesOf = [];
    private long _stageCases;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"workload cases={Cases} councils={Councils.Length} tmos={Tmos.Length} assignees={Assignees.Length} open_tasks={_openTasksOf.Values.Sum()} " +
        $"overdue_at={OverdueAt:yyyy-MM-ddTHH:mm:ssZ} overdue_tasks={_overdueTasksOf.Values.Sum()} claimed_tasks={_claimedBy.Values.Sum()} " +
        $"waiting_cases={_waitingCasesOf.Values.Sum() / 2} stage_cases={_stageCases} deadline_cases={_deadlineCasesOf.Values.Sum() / 2}");

    public static async Task<Workload> LoadAsync(string connection)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        var w = new Workload();
        w.Cases = (long)(await source.CreateCommand("SELECT COUNT(*) FROM wf_instances").ExecuteScalarAsync())!;
        w._casesOf = await CountsAsync(source, "SELECT organisation_id, COUNT(*) FROM wf_case_organisations GROUP BY 1");
        w.Councils = await ListAsync(source, "SELECT DISTINCT organisation_id FROM wf_case_organisations WHERE role = 'local-authority' ORDER BY 1");
        w.Tmos = await ListAsync(source, "SELECT DISTINCT organisation_id FROM wf_case_organisations WHERE role = 'tmo' ORDER BY 1");
        const string Team = "status = 'open' AND (candidate_role IS NULL OR candidate_role IN ('la-officer', 'la-manager'))";
        w._openTasksOf = await CountsAsync(source, $"SELECT candidate_organisation, COUNT(*) FROM wf_tasks WHERE {Team} GROUP BY 1");
        var median = await source.CreateCommand("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY due_at) FROM wf_tasks WHERE status = 'open' AND due_at IS NOT NULL")
            .ExecuteScalarAsync();
        w.OverdueAt = median is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : DateTimeOffset.UtcNow;
        w._overdueTasksOf = await CountsAsync(source, $"SELECT candidate_organisation, COUNT(*) FROM wf_tasks WHERE {Team} AND due_at <= @at GROUP BY 1", w.OverdueAt);
        w._claimedBy = await CountsAsync(source, "SELECT assignee, COUNT(*) FROM wf_tasks WHERE status = 'open' AND assignee IS NOT NULL GROUP BY 1");
        w.Assignees = [.. w._claimedBy.Keys.Order(StringComparer.Ordinal)];
        const string ByOrganisation = "SELECT o.organisation_id, COUNT(*) FROM wf_case_organisations o JOIN wf_instances i ON i.id = o.instance_id WHERE ";
        w._waitingCasesOf = await CountsAsync(source, ByOrganisation + "i.status = 'Waiting' GROUP BY 1");
        w._stageCasesOf = await CountsAsync(source, ByOrganisation + "i.stage = 'Council decision' GROUP BY 1");
        w._stageCases = (long)(await source.CreateCommand("SELECT COUNT(*) FROM wf_instances WHERE stage = 'Council decision'").ExecuteScalarAsync())!;
        w._deadlineCasesOf = await CountsAsync(source, ByOrganisation +
            $"EXISTS (SELECT 1 FROM wf_timers t WHERE t.instance_id = i.id AND t.name = '{ExpiryTimerName}' AND t.due_at <= @at) GROUP BY 1", w.OverdueAt);
        if (w.Councils.Length == 0 || w.Tmos.Length == 0) throw new InvalidOperationException("The database holds no cases with a council and a TMO: populate it first.");
        if (w.Assignees.Length == 0) throw new InvalidOperationException("No open task is claimed: the \"mine\" inbox has nothing to show.");
        return w;
    }

    /// <summary>The queries, in the order they are reported.</summary>
    public IReadOnlyList<QueryKind> Kinds() =>
    [
        new("inbox-team", "the officer's team inbox: open tasks of a council for la-officer/la-manager, soonest due first, 25 a page", (store, rng) =>
            TeamInboxAsync(store, Pick(Councils, rng), offset: 0, overdue: false)),
        new("inbox-team-page5", "the same inbox, page 5 (offset 100)", (store, rng) =>
            TeamInboxAsync(store, Pick(Councils, rng), offset: 100, overdue: false)),
        new("inbox-overdue", "the team inbox, overdue tasks only (OverdueAt = the median deadline)", (store, rng) =>
            TeamInboxAsync(store, Pick(Councils, rng), offset: 0, overdue: true)),
        new("inbox-mine", "tasks claimed by one officer (Assignee)", async (store, rng) =>
        {
            var who = Pick(Assignees, rng);
            var (sample, tasks) = await TimeAsync(() => store.Tasks.QueryAsync(new TaskQuery { Assignee = who, Limit = 25 }));
            Check(tasks.Total == _claimedBy[who], $"inbox-mine {who}: total {tasks.Total}, expected {_claimedBy[who]}");
            Check(tasks.Tasks.Count == Math.Min(25, tasks.Total) && tasks.Tasks.All(t => t.Assignee == who && t.Status == HumanTaskStatus.Open), $"inbox-mine {who}: wrong rows");
            return sample with { Rows = tasks.Tasks.Count, Total = tasks.Total, Parameters = $"Assignee={who}" };
        }),
        new("cases-tmo", "case list visible to a TMO (~50 cases), newest change first, 25 a page", (store, rng) =>
            CasesAsync(store, Pick(Tmos, rng), status: null, stage: null, deadline: false)),
        new("cases-council", "case list visible to a council (~500 cases)", (store, rng) =>
            CasesAsync(store, Pick(Councils, rng), status: null, stage: null, deadline: false)),
        new("cases-council-status", "the council's cases with Status = Waiting", (store, rng) =>
            CasesAsync(store, Pick(Councils, rng), status: InstanceStatus.Waiting, stage: null, deadline: false)),
        new("cases-council-stage", $"the council's cases in the stage \"{StageText}\"", (store, rng) =>
            CasesAsync(store, Pick(Councils, rng), status: null, stage: StageText, deadline: false)),
        new("cases-council-deadline", "the council's cases with a statutory deadline before the median deadline (DeadlineBefore)", (store, rng) =>
            CasesAsync(store, Pick(Councils, rng), status: null, stage: null, deadline: true)),
        new("cases-admin", "an administrator's case list: every case, no VisibleTo", (store, _) =>
            CasesAsync(store, null, status: null, stage: null, deadline: false)),
        new("cases-admin-stage", $"an administrator's search: every case in the stage \"{StageText}\"", (store, _) =>
            CasesAsync(store, null, status: null, stage: StageText, deadline: false)),
    ];

    private async Task<Sample> TeamInboxAsync(IWorkflowStore store, string council, int offset, bool overdue)
    {
        var query = new TaskQuery { Organisation = council, Roles = OfficerRoles, Offset = offset, Limit = 25, OverdueAt = overdue ? OverdueAt : null };
        var (sample, tasks) = await TimeAsync(() => store.Tasks.QueryAsync(query));
        var expected = (overdue ? _overdueTasksOf : _openTasksOf).GetValueOrDefault(council);
        Check(tasks.Total == expected, $"inbox {council} offset={offset} overdue={overdue}: total {tasks.Total}, expected {expected}");
        Check(tasks.Tasks.Count == Math.Clamp(expected - offset, 0, 25), $"inbox {council} offset={offset}: {tasks.Tasks.Count} rows of {expected}");
        Check(tasks.Tasks.All(t => t.CandidateOrganisation == council && t.Status == HumanTaskStatus.Open && (!overdue || t.DueAt <= OverdueAt)),
            $"inbox {council}: a row does not match the filter");
        Check(tasks.Tasks.Zip(tasks.Tasks.Skip(1)).All(p => p.First.DueAt is null ? p.Second.DueAt is null : p.Second.DueAt is null || p.First.DueAt <= p.Second.DueAt),
            $"inbox {council}: not sorted by due date");
        var parameters = $"Organisation={council}, Roles=[{string.Join(",", OfficerRoles)}]" + (offset > 0 ? $", Offset={offset}" : "") +
            (overdue ? string.Create(CultureInfo.InvariantCulture, $", OverdueAt={OverdueAt:yyyy-MM-ddTHH:mm:ssZ}") : "");
        return sample with { Rows = tasks.Tasks.Count, Total = tasks.Total, Parameters = parameters };
    }

    private async Task<Sample> CasesAsync(IWorkflowStore store, string? visibleTo, InstanceStatus? status, string? stage, bool deadline)
    {
        var query = new CaseQuery { VisibleTo = visibleTo, Status = status, Stage = stage, DeadlineBefore = deadline ? OverdueAt : null, Limit = 25 };
        var (sample, cases) = await TimeAsync(() => store.Cases.QueryAsync(query));
        long expected = (visibleTo, status, stage, deadline) switch
        {
            (null, null, null, false) => Cases,
            (null, null, not null, false) => _stageCases,
            (not null, null, null, false) => _casesOf.GetValueOrDefault(visibleTo),
            (not null, InstanceStatus.Waiting, null, false) => _waitingCasesOf.GetValueOrDefault(visibleTo),
            (not null, null, not null, false) => _stageCasesOf.GetValueOrDefault(visibleTo),
            (not null, null, null, true) => _deadlineCasesOf.GetValueOrDefault(visibleTo),
            _ => throw new InvalidOperationException("No expectation for this combination."),
        };
        var what = $"cases visibleTo={visibleTo ?? "(all)"} status={status} stage={stage} deadline={deadline}";
        Check(cases.TotalIsExact ? cases.Total == expected : cases.Total == query.CountUpTo && expected > query.CountUpTo,
            $"{what}: total {cases.Total} ({(cases.TotalIsExact ? "exact" : "at least")}), expected {expected}");
        Check(cases.Cases.Count == Math.Min(25, expected), $"{what}: {cases.Cases.Count} rows of {expected}");
        Check(cases.Cases.All(c => (status is null || c.Status == status) && (stage is null || (c.Stage ?? "").Contains(stage, StringComparison.Ordinal))
            && (!deadline || c.NextDeadline <= OverdueAt)), $"{what}: a row does not match the filter");
        // Ids are UUIDv7 of the creation instant: ordered to the millisecond, in any order within one.
        Check(cases.Cases.Zip(cases.Cases.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt.AddMilliseconds(-1)), $"{what}: not newest first");
        var parameters = string.Join(", ", new[]
        {
            visibleTo is null ? null : $"VisibleTo={visibleTo}",
            status is null ? null : $"Status={status}",
            stage is null ? null : $"Stage={stage}",
            deadline ? string.Create(CultureInfo.InvariantCulture, $"DeadlineBefore={OverdueAt:yyyy-MM-ddTHH:mm:ssZ}") : null,
        }.Where(p => p is not null));
        return sample with { Rows = cases.Cases.Count, Total = cases.Total, Parameters = parameters.Length == 0 ? "(none)" : parameters };
    }

    private static async Task<(Sample, T)> TimeAsync<T>(Func<Task<T>> call)
    {
        var begin = Stopwatch.GetTimestamp();
        var result = await call();
        return (new Sample(Stopwatch.GetTimestamp() - begin, 0, 0, ""), result);
    }

    private static string Pick(string[] from, Random rng) => from[rng.Next(from.Length)];

    private static void Check(bool ok, string problem)
    {
        if (!ok) throw new InvalidOperationException("Wrong answer: " + problem);
    }

    private static async Task<string[]> ListAsync(NpgsqlDataSource source, string sql)
    {
        var list = new List<string>();
        await using var reader = await source.CreateCommand(sql).ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return [.. list];
    }

    private static async Task<Dictionary<string, long>> CountsAsync(NpgsqlDataSource source, string sql, DateTimeOffset? at = null)
    {
        await using var command = source.CreateCommand(sql);
        if (at is { } instant) command.Parameters.AddWithValue("at", instant);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
