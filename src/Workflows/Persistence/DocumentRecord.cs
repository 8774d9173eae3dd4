namespace RightToManage.Workflows.Persistence;

/// <summary>A stored document's metadata (its row in <c>wf_documents</c> without the content).</summary>
/// <param name="TaskId">The task of the case it was attached to, if any.</param>
/// <param name="FileName">The file's name as uploaded (a base name, no folders).</param>
/// <param name="Size">The content's length in bytes.</param>
/// <param name="Sha256">The SHA-256 of the content, as 64 lower-case hex digits.</param>
/// <param name="UploadedBy">Who added it, as the journal names actors (e.g. <c>user:officer@demo-council.example</c>).</param>
public sealed record DocumentRecord(
    Guid Id,
    Guid InstanceId,
    string? TaskId,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>What to store about a new document; the store measures its size and checksum from the content.</summary>
/// <param name="InstanceId">The case it belongs to.</param>
/// <param name="FileName">The file's name (a base name, no folders).</param>
/// <param name="ContentType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="UploadedBy">Who is adding it.</param>
/// <param name="UploadedAt">When (kept to the microsecond, as both databases store time).</param>
public sealed record NewDocument(Guid InstanceId, string FileName, string ContentType, string UploadedBy, DateTimeOffset UploadedAt)
{
    /// <summary>The task of the case it belongs to, if any. The store does not check it; callers do.</summary>
    public string? TaskId { get; init; }

    /// <summary>The new document's id; a new version 7 GUID when not given.</summary>
    public Guid? Id { get; init; }
}

/// <summary>A stored document with its content.</summary>
public sealed record DocumentContent(DocumentRecord Document, byte[] Content)
{
    /// <summary>The content as a read-only stream.</summary>
    public Stream OpenRead() => new MemoryStream(Content, writable: false);
}
