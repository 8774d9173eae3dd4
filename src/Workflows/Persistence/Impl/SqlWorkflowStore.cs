using System.Data.Common;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence.Impl;

/// <summary>The one store implementation: shared SQL over a <see cref="SqlDialect"/>.</summary>
internal sealed class SqlWorkflowStore(DbDataSource dataSource, SqlDialect dialect) : IWorkflowStore, IAsyncDisposable
{
    internal const string InstanceColumns =
        "id, definition_id, definition_version, reference, status, outcome, stage, state, version, journal_length, journal_head, created_at, updated_at";

    public string Provider => dialect.Provider;

    internal SqlDialect Dialect => dialect;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (dialect.Provider == "sqlite")
        {
            // WAL lets readers run beside the writer; it is a property of the file, so set once.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        }
        await using var transaction = await dialect.BeginAsync(connection, cancellationToken);
        if (dialect.MigrationLockSql is { } lockSql) await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS wf_schema_migrations (version integer PRIMARY KEY, applied_at {dialect.TimeType} NOT NULL)", cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM wf_schema_migrations";
        var current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
        for (var version = current + 1; version <= Schema.Migrations.Count; version++)
        {
            await ExecuteAsync(connection, transaction, Schema.Render(Schema.Migrations[version - 1], dialect), cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO wf_schema_migrations (version, applied_at) VALUES (@p0, @p1)";
            AddParameter(record, "@p0", version);
            AddParameter(record, "@p1", dialect.Time(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IWorkflowStoreTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await dialect.BeginAsync(connection, cancellationToken);
            return new SqlWorkflowStoreTransaction(connection, transaction, dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<InstanceRecord?> FindInstanceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {InstanceColumns} FROM wf_instances WHERE id = @p0", [dialect.Uuid(id)], r => ReadInstance(r, dialect), cancellationToken);
        return rows.FirstOrDefault();
    }

    public async Task<Guid?> FindInstanceIdByReferenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT id FROM wf_instances WHERE reference = @p0", [reference], r => dialect.ReadUuid(r, 0), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<JournalRecord>> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT instance_id, sequence, at, actor, steps, previous_hash, hash FROM wf_journal WHERE instance_id = @p0 ORDER BY sequence",
            [dialect.Uuid(instanceId)],
            r => new JournalRecord(dialect.ReadUuid(r, 0), r.GetInt64(1), dialect.ReadTime(r, 2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)),
            cancellationToken);

    public Task<IReadOnlyList<Incident>> ReadIncidentsAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, instance_id, activity_id, error, details, raised_at, resolved_at, resolved_by, outbox_id FROM wf_incidents WHERE instance_id = @p0 ORDER BY raised_at",
            [dialect.Uuid(instanceId)],
            r => new Incident(
                dialect.ReadUuid(r, 0), dialect.ReadUuid(r, 1), r.GetString(2), r.GetString(3), SqlDialect.ReadNullableString(r, 4),
                dialect.ReadTime(r, 5), dialect.ReadNullableTime(r, 6), SqlDialect.ReadNullableString(r, 7))
            { OutboxId = r.IsDBNull(8) ? null : dialect.ReadUuid(r, 8) },
            cancellationToken);

    public Task<IReadOnlyList<StimulusRecord>> ReadStimuliAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {SqlWorkflowStoreTransaction.StimulusColumns} FROM wf_stimuli WHERE instance_id = @p0 ORDER BY received_at",
            [dialect.Uuid(instanceId)],
            r => SqlWorkflowStoreTransaction.ReadStimulus(r, dialect),
            cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(Guid instanceId, CancellationToken cancellationToken = default) => Outbox.ReadAsync(instanceId, cancellationToken);

    public IOutboxStore Outbox => _outbox ??= new SqlOutboxStore(this);

    private SqlOutboxStore? _outbox;

    public ITaskStore Tasks => _tasks ??= new SqlTaskStore(this);

    private SqlTaskStore? _tasks;

    public IDocumentStore Documents => _documents ??= new SqlDocumentStore(this);

    private SqlDocumentStore? _documents;

    public ICaseQueries Cases => _cases ??= new SqlCaseQueries(this);

    private SqlCaseQueries? _cases;

    internal DbDataSource DataSource => dataSource;

    private const string DefinitionColumns = "definition_id, version, name, content, content_hash, origin, is_published, created_at";

    public Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {DefinitionColumns} FROM wf_definitions ORDER BY definition_id, version DESC", [], ReadDefinition, cancellationToken);

    public async Task<StoredDefinition?> FindDefinitionAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        const string columns = DefinitionColumns;
        var sql = version is null
            ? $"SELECT {columns} FROM wf_definitions WHERE definition_id = @p0 AND is_published = @p1 ORDER BY version DESC LIMIT 1"
            : $"SELECT {columns} FROM wf_definitions WHERE definition_id = @p0 AND version = @p1";
        var rows = await QueryAsync(sql, [definitionId, version is null ? dialect.Bool(true) : version.Value], ReadDefinition, cancellationToken);
        return rows.FirstOrDefault();
    }

    public async Task<StoredDefinition> AddDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Insert-if-absent keeps an existing version untouched: cases may be running on it.
        command.CommandText =
            "INSERT INTO wf_definitions (definition_id, version, name, content, content_hash, origin, is_published, created_at) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) ON CONFLICT (definition_id, version) DO NOTHING";
        object[] values =
        [
            definition.DefinitionId, definition.Version, definition.Name, definition.Content, definition.ContentHash,
            definition.Origin.ToString(), dialect.Bool(definition.IsPublished), dialect.Time(definition.CreatedAt),
        ];
        for (var i = 0; i < values.Length; i++) AddParameter(command, $"@p{i}", values[i]);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await FindDefinitionAsync(definition.DefinitionId, definition.Version, cancellationToken))!;
    }

    public Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {DefinitionColumns} FROM wf_definitions WHERE definition_id = @p0 ORDER BY version DESC", [definitionId], ReadDefinition, cancellationToken);

    public async Task<bool> ReplaceDraftDefinitionAsync(StoredDefinition definition, string expectedContentHash, CancellationToken cancellationToken = default) =>
        // One guarded statement: a concurrent save or publish makes it match no row, so nothing is lost or half-written.
        await ExecuteDefinitionUpdateAsync(
            "UPDATE wf_definitions SET name = @p2, content = @p3, content_hash = @p4, created_at = @p5 " +
            "WHERE definition_id = @p0 AND version = @p1 AND is_published = @p6 AND origin = @p7 AND content_hash = @p8",
            [
                definition.DefinitionId, definition.Version, definition.Name, definition.Content, definition.ContentHash, dialect.Time(definition.CreatedAt),
                dialect.Bool(false), nameof(DefinitionOrigin.Database), expectedContentHash,
            ],
            cancellationToken) == 1;

    public async Task<bool> PublishDefinitionAsync(string definitionId, int version, string contentHash, CancellationToken cancellationToken = default) =>
        await ExecuteDefinitionUpdateAsync(
            "UPDATE wf_definitions SET is_published = @p2 " +
            "WHERE definition_id = @p0 AND version = @p1 AND is_published = @p3 AND origin = @p4 AND content_hash = @p5",
            [definitionId, version, dialect.Bool(true), dialect.Bool(false), nameof(DefinitionOrigin.Database), contentHash],
            cancellationToken) == 1;

    private async Task<int> ExecuteDefinitionUpdateAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++) AddParameter(command, $"@p{i}", parameters[i]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<TimerRecord>> ReadTimersAsync(string? afterId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, instance_id, due_at FROM wf_timers WHERE id > @p0 ORDER BY id LIMIT @p1",
            [afterId ?? "", limit],
            r => new TimerRecord(r.GetString(0), dialect.ReadUuid(r, 1), dialect.ReadTime(r, 2)),
            cancellationToken);

    public async Task<TimerRecord?> FindTimerAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            "SELECT id, instance_id, due_at FROM wf_timers WHERE id = @p0",
            [id],
            r => new TimerRecord(r.GetString(0), dialect.ReadUuid(r, 1), dialect.ReadTime(r, 2)),
            cancellationToken)).FirstOrDefault();

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, null, "SELECT 1", cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    internal static InstanceRecord ReadInstance(DbDataReader r, SqlDialect dialect) => new(
        dialect.ReadUuid(r, 0), r.GetString(1), r.GetInt32(2), SqlDialect.ReadNullableString(r, 3), Enum.Parse<InstanceStatus>(r.GetString(4)),
        SqlDialect.ReadNullableString(r, 5), SqlDialect.ReadNullableString(r, 6), r.GetString(7), r.GetInt32(8), r.GetInt64(9), r.GetString(10),
        dialect.ReadTime(r, 11), dialect.ReadTime(r, 12));

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private StoredDefinition ReadDefinition(DbDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), Enum.Parse<DefinitionOrigin>(r.GetString(5)),
        dialect.ReadBool(r, 6), dialect.ReadTime(r, 7));

    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++) AddParameter(command, $"@p{i}", parameters[i]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
