namespace RightToManage.Workflows.Persistence;

/// <summary>A document's content is larger than the limit it was added under; nothing was stored.</summary>
public sealed class DocumentTooLargeException(long maxBytes)
    : Exception($"The document is larger than the limit of {maxBytes} bytes.")
{
    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long MaxBytes { get; } = maxBytes;
}
