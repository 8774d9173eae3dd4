using System.Data.Common;
using System.Globalization;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Workflows.Persistence.Impl;

internal sealed class SqlTaskStore(SqlWorkflowStore store) : ITaskStore
{
    private const string Columns =
        "t.id, t.instance_id, t.activity_id, t.title, t.candidate_organisation, t.candidate_role, t.assignee, t.priority, t.status, t.last_day, t.due_at, " +
        "t.created_at, t.completed_at, t.completed_by, t.outcome, i.reference, i.definition_id";

    private SqlDialect Dialect => store.Dialect;

    public async Task<TaskRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync($"SELECT {Columns} FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE t.id = @p0", [id], Read, cancellationToken))
        .FirstOrDefault();

    public async Task<(IReadOnlyList<TaskRecord> Tasks, long Total)> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        string Next(object value)
        {
            parameters.Add(value);
            return $"@p{parameters.Count - 1}";
        }
        if (query.Status is { } status) conditions.Add($"t.status = {Next(status.ToString().ToLowerInvariant())}");
        if (query.Organisation is { } organisation) conditions.Add($"t.candidate_organisation = {Next(organisation)}");
        if (query.Roles is { } roles)
        {
            conditions.Add(roles.Count == 0
                ? "t.candidate_role IS NULL"
                : $"(t.candidate_role IS NULL OR t.candidate_role IN ({string.Join(", ", roles.Select(r => Next(r)))}))");
        }
        if (query.Assignee is { } assignee) conditions.Add($"t.assignee = {Next(assignee)}");
        if (query.OverdueAt is { } now) conditions.Add($"t.due_at <= {Next(Dialect.Time(now))}");
        if (query.InstanceId is { } instance) conditions.Add($"t.instance_id = {Next(Dialect.Uuid(instance))}");
        var where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);

        var countParameters = parameters.ToArray();
        var limit = Next(Math.Clamp(query.Limit, 1, 500));
        var offset = Next(Math.Max(0, query.Offset));
        // Soonest due first; tasks without a deadline after those with one.
        var rows = await store.QueryAsync(
            $"SELECT {Columns} FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE {where} " +
            $"ORDER BY t.due_at ASC NULLS LAST, t.priority DESC, t.created_at, t.id LIMIT {limit} OFFSET {offset}",
            [.. parameters], Read, cancellationToken);
        var counted = query.CountUpTo is { } upTo ? $"SELECT 1 FROM wf_tasks t WHERE {where} LIMIT {Math.Max(1, upTo) + 1}" : $"SELECT 1 FROM wf_tasks t WHERE {where}";
        var total = (await store.QueryAsync($"SELECT COUNT(*) FROM ({counted}) matched", countParameters, r => r.GetInt64(0), cancellationToken))[0];
        return (rows, total);
    }

    private TaskRecord Read(DbDataReader r) => new(
        r.GetString(0), Dialect.ReadUuid(r, 1), r.GetString(2), r.GetString(3), SqlDialect.ReadNullableString(r, 4), SqlDialect.ReadNullableString(r, 5),
        SqlDialect.ReadNullableString(r, 6), (TaskPriority)r.GetInt32(7), Enum.Parse<HumanTaskStatus>(r.GetString(8), ignoreCase: true),
        SqlDialect.ReadNullableString(r, 9) is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Dialect.ReadNullableTime(r, 10), Dialect.ReadTime(r, 11), Dialect.ReadNullableTime(r, 12), SqlDialect.ReadNullableString(r, 13),
        SqlDialect.ReadNullableString(r, 14))
    {
        CaseReference = SqlDialect.ReadNullableString(r, 15),
        DefinitionId = r.GetString(16),
    };
}
