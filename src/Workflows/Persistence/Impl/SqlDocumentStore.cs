using System.Buffers;
using System.Data.Common;
using System.Security.Cryptography;

namespace RightToManage.Workflows.Persistence.Impl;

internal sealed class SqlDocumentStore(SqlWorkflowStore store) : IDocumentStore
{
    private const string Columns = "id, instance_id, task_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at";

    private const int ChunkSize = 81920;

    private SqlDialect Dialect => store.Dialect;

    public async Task<DocumentRecord> AddAsync(NewDocument document, Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.FileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.ContentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.UploadedBy);

        // Read (and measure) everything before touching the database: a body that breaks off or runs over the
        // limit leaves nothing behind.
        var (bytes, sha256) = await ReadBoundedAsync(content, maxBytes, cancellationToken);
        var uploadedAt = document.UploadedAt.ToUniversalTime();
        var record = new DocumentRecord(
            document.Id ?? Guid.CreateVersion7(), document.InstanceId, document.TaskId, document.FileName, document.ContentType,
            bytes.LongLength, sha256, document.UploadedBy,
            // Both databases keep microseconds: return what a later read will.
            new DateTimeOffset(uploadedAt.UtcTicks - uploadedAt.UtcTicks % 10, TimeSpan.Zero));

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement: the row is there whole or not at all, and only for a case that exists.
        command.CommandText =
            $"INSERT INTO wf_documents ({Columns}, content) " +
            "SELECT @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9 WHERE EXISTS (SELECT 1 FROM wf_instances WHERE id = @p1)";
        object?[] values =
        [
            Dialect.Uuid(record.Id), Dialect.Uuid(record.InstanceId), record.TaskId, record.FileName, record.ContentType, record.Size,
            record.Sha256, record.UploadedBy, Dialect.Time(record.UploadedAt), bytes,
        ];
        for (var i = 0; i < values.Length; i++) SqlWorkflowStore.AddParameter(command, $"@p{i}", values[i]);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            throw new InvalidOperationException($"There is no case {document.InstanceId} to attach the document to.");
        return record;
    }

    public Task<IReadOnlyList<DocumentRecord>> ListAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        store.QueryAsync($"SELECT {Columns} FROM wf_documents WHERE instance_id = @p0 ORDER BY uploaded_at, id", [Dialect.Uuid(instanceId)], Read, cancellationToken);

    public async Task<DocumentRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync($"SELECT {Columns} FROM wf_documents WHERE id = @p0", [Dialect.Uuid(id)], Read, cancellationToken)).FirstOrDefault();

    public async Task<DocumentContent?> OpenContentAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(
            $"SELECT {Columns}, content FROM wf_documents WHERE id = @p0", [Dialect.Uuid(id)],
            r => new DocumentContent(Read(r), r.IsDBNull(9) ? [] : r.GetFieldValue<byte[]>(9)),
            cancellationToken)).FirstOrDefault();

    private DocumentRecord Read(DbDataReader r) => new(
        Dialect.ReadUuid(r, 0), Dialect.ReadUuid(r, 1), SqlDialect.ReadNullableString(r, 2), r.GetString(3), r.GetString(4), r.GetInt64(5),
        r.GetString(6), r.GetString(7), Dialect.ReadTime(r, 8));

    /// <summary>The whole content and its SHA-256 (lower-case hex), reading no more than one chunk past the limit.</summary>
    private static async Task<(byte[] Bytes, string Sha256)> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var expected = content.CanSeek ? Math.Max(0, content.Length - content.Position) : 0;
        using var buffer = new MemoryStream((int)Math.Min(Math.Min(expected, maxBytes), Array.MaxLength));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                // Ask for at most one byte more than the limit allows, so an oversized body is noticed at once.
                var wanted = maxBytes - buffer.Length >= chunk.Length ? chunk.Length : (int)(maxBytes - buffer.Length + 1);
                var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0) break;
                if (buffer.Length + read > maxBytes) throw new DocumentTooLargeException(maxBytes);
                hash.AppendData(chunk, 0, read);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        var bytes = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
