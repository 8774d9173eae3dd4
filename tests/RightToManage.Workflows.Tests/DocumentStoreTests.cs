using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>Documents attached to cases: stored whole with their size and checksum, or not at all.</summary>
public class DocumentStoreTests
{
    private const long Limit = 1024 * 1024;

    private static readonly DateTimeOffset UploadedAt = DateTimeOffset.Parse("2026-11-22T10:15:30.1234567Z");

    private static NewDocument Document(Guid instanceId, string fileName = "proposal-notice.pdf", string? taskId = null) =>
        new(instanceId, fileName, "application/pdf", "user:la-officer@demo-council.example", UploadedAt) { TaskId = taskId };

    private static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<(TestEngine Engine, Guid Case)> WithCaseAsync(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Decision);
        return (engine, await engine.StartAsync("decision"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_document_is_stored_with_its_size_and_checksum_and_read_back_whole(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        // Several chunks' worth, from a stream that cannot seek (as a request body).
        var content = Bytes(300_000);
        var added = await engine.Store.Documents.AddAsync(Document(id, taskId: "decide-1"), new OneWayStream(content), Limit);

        added.Size.Should().Be(content.Length);
        added.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content))).And.HaveLength(64);
        added.InstanceId.Should().Be(id);
        added.TaskId.Should().Be("decide-1");
        added.UploadedAt.Should().Be(DateTimeOffset.Parse("2026-11-22T10:15:30.123456Z"), "time is kept to the microsecond");

        (await engine.Store.Documents.FindAsync(added.Id)).Should().Be(added);
        (await engine.Store.Documents.ListAsync(id)).Should().Equal(added);
        var stored = (await engine.Store.Documents.OpenContentAsync(added.Id))!;
        stored.Document.Should().Be(added);
        stored.Content.Should().Equal(content);
        using var read = new MemoryStream();
        await stored.OpenRead().CopyToAsync(read);
        read.ToArray().Should().Equal(content);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_case_lists_only_its_own_documents_oldest_first(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        var other = await engine.StartAsync("decision");
        var later = await engine.Store.Documents.AddAsync(Document(id, "ballot-result.pdf") with { UploadedAt = UploadedAt.AddHours(1) }, new MemoryStream(Bytes(10, 2)), Limit);
        var earlier = await engine.Store.Documents.AddAsync(Document(id, "competence-report.pdf"), new MemoryStream(Bytes(10, 3)), Limit);
        var elsewhere = await engine.Store.Documents.AddAsync(Document(other), new MemoryStream(Bytes(10, 4)), Limit);

        (await engine.Store.Documents.ListAsync(id)).Select(d => d.FileName).Should().Equal("competence-report.pdf", "ballot-result.pdf");
        (await engine.Store.Documents.ListAsync(other)).Should().Equal(elsewhere);
        (await engine.Store.Documents.ListAsync(Guid.NewGuid())).Should().BeEmpty();
        (await engine.Store.Documents.FindAsync(Guid.NewGuid())).Should().BeNull();
        (await engine.Store.Documents.OpenContentAsync(Guid.NewGuid())).Should().BeNull();
        earlier.Id.Should().NotBe(later.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Content_at_the_limit_is_stored_and_one_byte_more_stores_nothing(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        const int limit = 200_000;
        var atLimit = await engine.Store.Documents.AddAsync(Document(id), new OneWayStream(Bytes(limit)), limit);
        atLimit.Size.Should().Be(limit);

        var tooLarge = () => engine.Store.Documents.AddAsync(Document(id, "too-large.pdf"), new OneWayStream(Bytes(limit + 1)), limit);
        (await tooLarge.Should().ThrowAsync<DocumentTooLargeException>()).Which.MaxBytes.Should().Be(limit);
        (await engine.Store.Documents.ListAsync(id)).Should().Equal(atLimit);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reading_stops_just_past_the_limit_whatever_the_stream_holds(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        var endless = new EndlessStream();
        var add = () => engine.Store.Documents.AddAsync(Document(id), endless, 100_000);
        await add.Should().ThrowAsync<DocumentTooLargeException>();
        endless.BytesRead.Should().Be(100_001);
        (await engine.Store.Documents.ListAsync(id)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_stream_that_breaks_off_stores_nothing(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        var add = () => engine.Store.Documents.AddAsync(Document(id), new BrokenStream(Bytes(50_000)), Limit);
        await add.Should().ThrowAsync<IOException>();
        (await engine.Store.Documents.ListAsync(id)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_document_for_no_case_stores_nothing(string provider)
    {
        var (engine, _) = await WithCaseAsync(provider);
        var nowhere = Guid.NewGuid();
        var add = () => engine.Store.Documents.AddAsync(Document(nowhere), new MemoryStream(Bytes(10)), Limit);
        await add.Should().ThrowAsync<InvalidOperationException>();
        (await engine.Store.Documents.ListAsync(nowhere)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Empty_content_round_trips(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        var added = await engine.Store.Documents.AddAsync(Document(id, "empty.txt") with { ContentType = "text/plain" }, new MemoryStream(), Limit);
        added.Size.Should().Be(0);
        added.Sha256.Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        (await engine.Store.Documents.OpenContentAsync(added.Id))!.Content.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Documents_go_with_their_case(string provider)
    {
        var (engine, id) = await WithCaseAsync(provider);
        var other = await engine.StartAsync("decision");
        var added = await engine.Store.Documents.AddAsync(Document(id), new MemoryStream(Bytes(1000)), Limit);
        var kept = await engine.Store.Documents.AddAsync(Document(other), new MemoryStream(Bytes(1000)), Limit);

        await using (var connection = Connect(provider, engine.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM wf_instances WHERE id = '{id:D}'";
            (await delete.ExecuteNonQueryAsync()).Should().Be(1);
        }

        (await engine.Store.Documents.FindAsync(added.Id)).Should().BeNull();
        (await engine.Store.Documents.ListAsync(id)).Should().BeEmpty();
        (await engine.Store.Documents.FindAsync(kept.Id)).Should().Be(kept);
    }

    private static DbConnection Connect(string provider, string connectionString) =>
        provider == TestDatabases.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString());

    /// <summary>A stream that can only be read forwards, a little at a time, as a request body.</summary>
    private class OneWayStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7_000), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            OnRead(_position);
            return n;
        }

        protected virtual void OnRead(int position)
        {
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Fails after handing out half its content, as a connection that drops mid-upload.</summary>
    private sealed class BrokenStream(byte[] content) : OneWayStream(content)
    {
        private readonly int _failAt = content.Length / 2;

        protected override void OnRead(int position)
        {
            if (position >= _failAt) throw new IOException("The connection was reset.");
        }
    }

    /// <summary>Never ends; counts what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'x', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
