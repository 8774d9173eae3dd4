namespace RightToManage.Workflows.Persistence;

/// <summary>
/// Documents attached to cases (and optionally to one of their tasks): a proposal notice, a competence report, a
/// ballot result. The content is kept in the database beside the case (<c>wf_documents</c>), so it is as durable and
/// as shared across nodes as the case itself, and goes when the case row goes. A document is added whole or not at
/// all, and never changes afterwards.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end, measuring its size and SHA-256 as it goes, and stores it with
    /// <paramref name="document"/>'s metadata in one statement.
    /// </summary>
    /// <param name="maxBytes">The most the content may hold.</param>
    /// <exception cref="DocumentTooLargeException">
    /// The content holds more than <paramref name="maxBytes"/>; reading stopped just past the limit and nothing was stored.
    /// </exception>
    /// <exception cref="InvalidOperationException">There is no case <see cref="NewDocument.InstanceId"/>; nothing was stored.</exception>
    Task<DocumentRecord> AddAsync(NewDocument document, Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>The case's documents (metadata only), oldest first.</summary>
    Task<IReadOnlyList<DocumentRecord>> ListAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>A document's metadata; null when there is none with that id.</summary>
    Task<DocumentRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// A document with its content, read whole (so no connection stays open while a client downloads it);
    /// null when there is none with that id.
    /// </summary>
    Task<DocumentContent?> OpenContentAsync(Guid id, CancellationToken cancellationToken = default);
}
