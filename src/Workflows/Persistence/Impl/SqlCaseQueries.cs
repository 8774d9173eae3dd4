using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence.Impl;

internal sealed class SqlCaseQueries(SqlWorkflowStore store) : ICaseQueries
{
    private SqlDialect Dialect => store.Dialect;

    public async Task<CasePage> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        string Next(object value)
        {
            parameters.Add(value);
            return $"@p{parameters.Count - 1}";
        }
        // An organisation's cases are read newest first straight from its index on wf_case_organisations: a page
        // costs its 25 rows, not a sort of every case the organisation has.
        var from = "wf_instances i";
        var order = "i.id DESC";
        if (query.VisibleTo is { } visibleTo)
        {
            from = "wf_case_organisations v JOIN wf_instances i ON i.id = v.instance_id";
            order = "v.instance_id DESC";
            conditions.Add($"v.organisation_id = {Next(visibleTo)}");
        }
        var onlyVisibility = conditions.Count == 1 && query.VisibleTo is not null;
        if (query.Organisation is { } organisation)
            conditions.Add($"i.id IN (SELECT instance_id FROM wf_case_organisations WHERE organisation_id = {Next(organisation)})");
        if (query.Status is { } status) conditions.Add($"i.status = {Next(status.ToString())}");
        if (query.DefinitionId is { } definition) conditions.Add($"i.definition_id = {Next(definition)}");
        // Exact, so that an index serves it; a case waiting in two stages at once carries both, joined by "; ".
        if (query.Stage is { } stage) conditions.Add($"i.stage = {Next(stage)}");
        var expiry = Next(DeadlineTimers.ExpiryName);
        if (query.DeadlineBefore is { } before)
            conditions.Add($"EXISTS (SELECT 1 FROM wf_timers t WHERE t.instance_id = i.id AND t.name = {expiry} AND t.due_at <= {Next(Dialect.Time(before))})");
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

        var countParameters = parameters.ToArray();
        var limit = Next(Math.Clamp(query.Limit, 1, 500));
        var offset = Next(Math.Max(0, query.Offset));
        var rows = await store.QueryAsync(
            "SELECT i.id, i.definition_id, i.definition_version, i.reference, i.status, i.outcome, i.stage, i.created_at, i.updated_at, " +
            $"(SELECT MIN(t.due_at) FROM wf_timers t WHERE t.instance_id = i.id AND t.name = {expiry}) " +
            $"FROM {from} {where} ORDER BY {order} LIMIT {limit} OFFSET {offset}",
            [.. parameters],
            r => new CaseSummary(Dialect.ReadUuid(r, 0), r.GetString(1), r.GetInt32(2), SqlDialect.ReadNullableString(r, 3), Enum.Parse<InstanceStatus>(r.GetString(4)),
                SqlDialect.ReadNullableString(r, 5), SqlDialect.ReadNullableString(r, 6), Dialect.ReadTime(r, 7), Dialect.ReadTime(r, 8))
            {
                NextDeadline = Dialect.ReadNullableTime(r, 9),
            },
            cancellationToken);
        // Bounded: an administrator's search over every case would otherwise read every case for its total.
        var countUpTo = Math.Max(1, query.CountUpTo);
        var counted = onlyVisibility && conditions.Count == 1
            ? $"SELECT 1 FROM wf_case_organisations v {where} LIMIT {countUpTo + 1}"
            : $"SELECT 1 FROM {from} {where} LIMIT {countUpTo + 1}";
        var total = (await store.QueryAsync($"SELECT COUNT(*) FROM ({counted}) matched", countParameters, r => r.GetInt64(0), cancellationToken))[0];
        return total > countUpTo ? new CasePage(rows, countUpTo, TotalIsExact: false) : new CasePage(rows, total, TotalIsExact: true);
    }
}
