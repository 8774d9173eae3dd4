using System.Data.Common;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence.Impl;

internal sealed class SqlOutboxStore(SqlWorkflowStore store) : IOutboxStore
{
    private const string Columns =
        "id, instance_id, activity_id, kind, payload, created_at, due_at, status, attempts, next_attempt_at, last_error, sent_at, delivery";

    private SqlDialect Dialect => store.Dialect;

    public async Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(string kind, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        var leasedUntil = now + lease;
        // One statement: PostgreSQL skips rows another node is claiming right now; SQLite has one writer anyway.
        var sql =
            "UPDATE wf_outbox SET locked_until = @p2, attempts = attempts + 1 WHERE id IN (" +
            "SELECT id FROM wf_outbox WHERE status = 'pending' AND kind = @p0 AND next_attempt_at <= @p1 AND (locked_until IS NULL OR locked_until <= @p1) " +
            $"ORDER BY next_attempt_at LIMIT @p3{Dialect.SkipLockedSuffix}) " +
            "RETURNING id, instance_id, activity_id, kind, payload, created_at, due_at, attempts";
        var rows = await store.QueryAsync(sql, [kind, Dialect.Time(now), Dialect.Time(leasedUntil), max],
            r => new ClaimedOutboxMessage(ReadMessage(r), r.GetInt32(7), leasedUntil), cancellationToken);
        return [.. rows.OrderBy(m => m.Message.CreatedAt)];
    }

    public Task MarkSentAsync(Guid id, DateTimeOffset sentAt, string delivery, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE wf_outbox SET status = 'sent', sent_at = @p1, processed_at = @p1, delivery = @p2, locked_until = NULL, last_error = NULL WHERE id = @p0",
            [Dialect.Uuid(id), Dialect.Time(sentAt), delivery], cancellationToken);

    public Task RetryLaterAsync(Guid id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE wf_outbox SET next_attempt_at = @p1, last_error = @p2, locked_until = NULL WHERE id = @p0 AND status = 'pending'",
            [Dialect.Uuid(id), Dialect.Time(nextAttemptAt), Truncate(error)], cancellationToken);

    public async Task MarkFailedAsync(Guid id, string error, string? delivery, Incident incident, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await Dialect.BeginAsync(connection, cancellationToken);
        var changed = await ExecuteAsync(connection, transaction,
            "UPDATE wf_outbox SET status = 'failed', processed_at = @p1, last_error = @p2, delivery = COALESCE(@p3, delivery), locked_until = NULL WHERE id = @p0 AND status = 'pending'",
            [Dialect.Uuid(id), Dialect.Time(incident.RaisedAt), Truncate(error), delivery], cancellationToken);
        // Only the attempt that failed it raises the incident (a second node that also held the message does not).
        if (changed == 1)
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO wf_incidents (id, instance_id, activity_id, error, details, raised_at, outbox_id) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
                [Dialect.Uuid(incident.Id), Dialect.Uuid(incident.InstanceId), incident.Activity, Truncate(incident.Error), incident.Details, Dialect.Time(incident.RaisedAt), Dialect.Uuid(id)],
                cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> ResendAsync(Guid instanceId, Guid id, DateTimeOffset now, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await Dialect.BeginAsync(connection, cancellationToken);
        var changed = await ExecuteAsync(connection, transaction,
            "UPDATE wf_outbox SET status = 'pending', attempts = 0, next_attempt_at = @p2, locked_until = NULL, processed_at = NULL " +
            "WHERE id = @p0 AND instance_id = @p1 AND status <> 'pending'",
            [Dialect.Uuid(id), Dialect.Uuid(instanceId), Dialect.Time(now)], cancellationToken);
        if (changed == 1)
        {
            await ExecuteAsync(connection, transaction,
                "UPDATE wf_incidents SET resolved_at = @p1, resolved_by = @p2 WHERE outbox_id = @p0 AND resolved_at IS NULL",
                [Dialect.Uuid(id), Dialect.Time(now), actor], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        store.QueryAsync($"SELECT {Columns} FROM wf_outbox WHERE instance_id = @p0 ORDER BY created_at", [Dialect.Uuid(instanceId)], ReadEntry, cancellationToken);

    public async Task<OutboxEntry?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync($"SELECT {Columns} FROM wf_outbox WHERE id = @p0", [Dialect.Uuid(id)], ReadEntry, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyDictionary<OutboxStatus, long>> CountAsync(CancellationToken cancellationToken = default)
    {
        var rows = await store.QueryAsync("SELECT status, COUNT(*) FROM wf_outbox GROUP BY status", [],
            r => (Status: ParseStatus(r.GetString(0)), Count: r.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    private OutboxMessage ReadMessage(DbDataReader r) => new(
        Dialect.ReadUuid(r, 0), Dialect.ReadUuid(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), Dialect.ReadTime(r, 5), Dialect.ReadNullableTime(r, 6));

    private OutboxEntry ReadEntry(DbDataReader r) => new(
        ReadMessage(r), ParseStatus(r.GetString(7)), r.GetInt32(8), Dialect.ReadNullableTime(r, 9), SqlDialect.ReadNullableString(r, 10),
        Dialect.ReadNullableTime(r, 11), SqlDialect.ReadNullableString(r, 12));

    private static OutboxStatus ParseStatus(string text) => Enum.Parse<OutboxStatus>(text, ignoreCase: true);

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];

    private async Task ExecuteAsync(string sql, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, sql, parameters, cancellationToken);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++) SqlWorkflowStore.AddParameter(command, $"@p{i}", parameters[i]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
