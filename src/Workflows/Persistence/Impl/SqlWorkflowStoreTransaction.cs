using System.Data.Common;
using System.Text;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence.Impl;

/// <summary>
/// Buffers a run's writes and sends them in one batch at commit (one round trip on PostgreSQL), then commits.
/// Disposing without commit rolls everything back.
/// </summary>
internal sealed class SqlWorkflowStoreTransaction(DbConnection connection, DbTransaction transaction, SqlDialect dialect) : IWorkflowStoreTransaction
{
    internal const string StimulusColumns = "instance_id, idempotency_key, event_name, bookmark_id, payload, actor, status, received_at, applied_at";

    private readonly List<BufferedCommand> _writes = [];

    public async Task<LockedInstance?> LockInstanceAsync(Guid id, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // One round trip: the locked row, whether this stimulus was seen, and stimuli waiting for a bookmark.
        command.CommandText =
            $"SELECT {SqlWorkflowStore.InstanceColumns} FROM wf_instances WHERE id = @p0{dialect.LockSuffix};" +
            $"SELECT {StimulusColumns} FROM wf_stimuli WHERE instance_id = @p0 AND (status = 'pending' OR idempotency_key = @p1) ORDER BY received_at";
        SqlWorkflowStore.AddParameter(command, "@p0", dialect.Uuid(id));
        SqlWorkflowStore.AddParameter(command, "@p1", idempotencyKey ?? "");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var instance = SqlWorkflowStore.ReadInstance(reader, dialect);
        await reader.NextResultAsync(cancellationToken);
        var seen = false;
        var pending = new List<StimulusRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stimulus = ReadStimulus(reader, dialect);
            if (stimulus.IdempotencyKey == idempotencyKey) seen = true;
            if (stimulus.Status == StimulusStatus.Pending) pending.Add(stimulus);
        }
        return new LockedInstance(instance, seen, pending);
    }

    public void InsertInstance(InstanceRecord i) => Write(
        $"INSERT INTO wf_instances ({SqlWorkflowStore.InstanceColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)",
        expectOneRow: false,
        dialect.Uuid(i.Id), i.DefinitionId, i.DefinitionVersion, i.Reference, i.Status.ToString(), i.Outcome, i.Stage, i.State, i.Version,
        i.JournalLength, i.JournalHead, dialect.Time(i.CreatedAt), dialect.Time(i.UpdatedAt));

    public void UpdateInstance(InstanceRecord i, int expectedVersion) => Write(
        $"UPDATE wf_instances SET status = @p1, outcome = @p2, stage = @p3, state = @p4, version = @p5, journal_length = @p6, " +
        "journal_head = @p7, updated_at = @p8 WHERE id = @p0 AND version = @p9",
        expectOneRow: true,
        dialect.Uuid(i.Id), i.Status.ToString(), i.Outcome, i.Stage, i.State, i.Version, i.JournalLength, i.JournalHead, dialect.Time(i.UpdatedAt), expectedVersion);

    public void InsertStimulus(StimulusRecord s) => Write(
        $"INSERT INTO wf_stimuli ({StimulusColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
        expectOneRow: false,
        dialect.Uuid(s.InstanceId), s.IdempotencyKey, s.EventName, s.BookmarkId, s.Payload, s.Actor, s.Status.ToString().ToLowerInvariant(),
        dialect.Time(s.ReceivedAt), s.AppliedAt is { } applied ? dialect.Time(applied) : null);

    public void MarkStimulusApplied(Guid instanceId, string idempotencyKey, DateTimeOffset appliedAt) => Write(
        "UPDATE wf_stimuli SET status = 'applied', applied_at = @p2 WHERE instance_id = @p0 AND idempotency_key = @p1",
        expectOneRow: true,
        dialect.Uuid(instanceId), idempotencyKey, dialect.Time(appliedAt));

    public void AppendJournal(JournalRecord r) => Write(
        "INSERT INTO wf_journal (instance_id, sequence, at, actor, steps, previous_hash, hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
        expectOneRow: false,
        dialect.Uuid(r.InstanceId), r.Sequence, dialect.Time(r.At), r.Actor, r.StepsJson, r.PreviousHash, r.Hash);

    public void AddTimers(Guid instanceId, IReadOnlyList<Bookmark> timers) => WriteRows(
        "INSERT INTO wf_timers (id, instance_id, activity_id, name, due_at, created_at) VALUES ",
        timers,
        b => [b.Id, dialect.Uuid(instanceId), b.Activity, b.Name, dialect.Time(b.DueAt!.Value), dialect.Time(b.CreatedAt)]);

    public void RemoveTimers(Guid instanceId, IReadOnlyList<string> timerIds)
    {
        if (timerIds.Count == 0) return;
        var values = new List<object?> { dialect.Uuid(instanceId) };
        values.AddRange(timerIds);
        var list = string.Join(", ", Enumerable.Range(1, timerIds.Count).Select(i => $"@p{i}"));
        Write($"DELETE FROM wf_timers WHERE instance_id = @p0 AND id IN ({list})", false, [.. values]);
    }

    public void InsertIncident(Incident i) => Write(
        "INSERT INTO wf_incidents (id, instance_id, activity_id, error, details, raised_at, outbox_id) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
        expectOneRow: false,
        dialect.Uuid(i.Id), dialect.Uuid(i.InstanceId), i.Activity, i.Error, i.Details, dialect.Time(i.RaisedAt), i.OutboxId is { } outbox ? dialect.Uuid(outbox) : null);

    public void ResolveIncident(Guid incidentId, DateTimeOffset resolvedAt, string resolvedBy) => Write(
        "UPDATE wf_incidents SET resolved_at = @p1, resolved_by = @p2 WHERE id = @p0 AND resolved_at IS NULL",
        expectOneRow: true,
        dialect.Uuid(incidentId), dialect.Time(resolvedAt), resolvedBy);

    public void AddOutbox(IReadOnlyList<OutboxMessage> messages) => WriteRows(
        "INSERT INTO wf_outbox (id, instance_id, activity_id, kind, payload, created_at, due_at, status, next_attempt_at) VALUES ",
        messages,
        m => [dialect.Uuid(m.Id), dialect.Uuid(m.InstanceId), m.Activity, m.Kind, m.Payload, dialect.Time(m.CreatedAt), m.DueAt is { } due ? dialect.Time(due) : null,
            "pending", dialect.Time(m.DueAt ?? m.CreatedAt)]);

    public void UpsertTasks(IReadOnlyList<Tasks.TaskRecord> tasks)
    {
        foreach (var t in tasks)
        {
            Write(
                "INSERT INTO wf_tasks (id, instance_id, activity_id, title, candidate_organisation, candidate_role, assignee, priority, status, last_day, due_at, created_at, completed_at, completed_by, outcome) " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14) ON CONFLICT (id) DO UPDATE SET " +
                "title = excluded.title, candidate_organisation = excluded.candidate_organisation, candidate_role = excluded.candidate_role, assignee = excluded.assignee, " +
                // An escalated deadline's timers are gone, but the task is still due by its last day: keep it.
                "priority = excluded.priority, status = excluded.status, last_day = COALESCE(excluded.last_day, wf_tasks.last_day), due_at = COALESCE(excluded.due_at, wf_tasks.due_at), " +
                "completed_at = excluded.completed_at, completed_by = excluded.completed_by, outcome = excluded.outcome",
                expectOneRow: false,
                t.Id, dialect.Uuid(t.InstanceId), t.Activity, t.Title, t.CandidateOrganisation, t.CandidateRole, t.Assignee, (int)t.Priority,
                t.Status.ToString().ToLowerInvariant(), t.LastDay?.ToString("yyyy-MM-dd"), t.DueAt is { } due ? dialect.Time(due) : null, dialect.Time(t.CreatedAt),
                t.CompletedAt is { } done ? dialect.Time(done) : null, t.CompletedBy, t.Outcome);
        }
    }

    public void AddCaseOrganisations(Guid instanceId, IReadOnlyDictionary<string, string> organisations) => WriteRows(
        "INSERT INTO wf_case_organisations (instance_id, role, organisation_id) VALUES ",
        organisations.ToList(),
        o => [dialect.Uuid(instanceId), o.Key, o.Value]);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_writes.Count > 0)
        {
            if (connection.CanCreateBatch) await FlushAsBatchAsync(cancellationToken);
            else await FlushOneByOneAsync(cancellationToken);
            _writes.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    internal static StimulusRecord ReadStimulus(DbDataReader r, SqlDialect dialect) => new(
        dialect.ReadUuid(r, 0), r.GetString(1), SqlDialect.ReadNullableString(r, 2), SqlDialect.ReadNullableString(r, 3),
        SqlDialect.ReadNullableString(r, 4), r.GetString(5), Enum.Parse<StimulusStatus>(r.GetString(6), ignoreCase: true),
        dialect.ReadTime(r, 7), dialect.ReadNullableTime(r, 8));

    private void Write(string sql, bool expectOneRow, params object?[] values) => _writes.Add(new BufferedCommand(sql, values, expectOneRow));

    /// <summary>Multi-row inserts, chunked to stay far below both databases' limits on parameters per statement.</summary>
    private void WriteRows<T>(string insertPrefix, IReadOnlyList<T> rows, Func<T, object?[]> columns)
    {
        const int RowsPerStatement = 200;
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var sql = new StringBuilder(insertPrefix);
            var values = new List<object?>();
            for (var r = start; r < Math.Min(rows.Count, start + RowsPerStatement); r++)
            {
                var rowValues = columns(rows[r]);
                sql.Append(values.Count == 0 ? "(" : ", (");
                for (var c = 0; c < rowValues.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append("@p").Append(values.Count);
                    values.Add(rowValues[c]);
                }
                sql.Append(')');
            }
            Write(sql.ToString(), false, [.. values]);
        }
    }

    private async Task FlushAsBatchAsync(CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var write in _writes)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = write.Sql;
            for (var i = 0; i < write.Values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = write.Values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        for (var i = 0; i < _writes.Count; i++)
        {
            if (_writes[i].ExpectOneRow && batch.BatchCommands[i].RecordsAffected != 1) throw Conflict(_writes[i]);
        }
    }

    private async Task FlushOneByOneAsync(CancellationToken cancellationToken)
    {
        foreach (var write in _writes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = write.Sql;
            for (var i = 0; i < write.Values.Length; i++) SqlWorkflowStore.AddParameter(command, $"@p{i}", write.Values[i]);
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            if (write.ExpectOneRow && rows != 1) throw Conflict(write);
        }
    }

    private static ConcurrencyException Conflict(BufferedCommand write) =>
        new($"Another executor changed the case first ({write.Sql[..write.Sql.IndexOf(' ', 7)]}).");

    private sealed record BufferedCommand(string Sql, object?[] Values, bool ExpectOneRow);
}
