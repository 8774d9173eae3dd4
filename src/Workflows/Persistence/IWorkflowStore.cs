using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence;

/// <summary>
/// Where cases live. One implementation serves PostgreSQL and SQLite (<see cref="WorkflowStores"/>);
/// every change to a case goes through an <see cref="IWorkflowStoreTransaction"/> that commits it whole.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>"postgres" or "sqlite".</summary>
    string Provider { get; }

    /// <summary>Creates or upgrades the schema; safe to call from several processes at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    Task<IWorkflowStoreTransaction> BeginAsync(CancellationToken cancellationToken = default);

    Task<InstanceRecord?> FindInstanceAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Guid?> FindInstanceIdByReferenceAsync(string reference, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalRecord>> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Incident>> ReadIncidentsAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StimulusRecord>> ReadStimuliAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>The case's outbox messages with their delivery status: its delivery log.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Delivery of outbox messages by dispatchers (on any node).</summary>
    IOutboxStore Outbox { get; }

    /// <summary>The task projection, for inboxes.</summary>
    ITaskStore Tasks { get; }

    /// <summary>Documents attached to cases and their tasks.</summary>
    IDocumentStore Documents { get; }

    /// <summary>Case lists, for searches and trackers.</summary>
    ICaseQueries Cases { get; }

    /// <summary>A stored definition version; the highest published one when <paramref name="version"/> is null.</summary>
    Task<StoredDefinition?> FindDefinitionAsync(string definitionId, int? version, CancellationToken cancellationToken = default);

    /// <summary>Every stored version, newest first within each definition.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a definition version unless that exact version exists; returns what is stored for it.</summary>
    Task<StoredDefinition> AddDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Every stored version of one definition, newest first; empty when the id is unknown.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the name, content, hash and time of a stored draft (unpublished, origin Database) whose content hash is still
    /// <paramref name="expectedContentHash"/>, in one statement; false, and nothing changed, when there is no such draft.
    /// </summary>
    Task<bool> ReplaceDraftDefinitionAsync(StoredDefinition definition, string expectedContentHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a stored draft (unpublished, origin Database) whose content hash is <paramref name="contentHash"/> as published;
    /// false, and nothing changed, when there is no such draft. A published version never changes again.
    /// </summary>
    Task<bool> PublishDefinitionAsync(string definitionId, int version, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Pending timers in id order after <paramref name="afterId"/>, a page at a time.</summary>
    Task<IReadOnlyList<TimerRecord>> ReadTimersAsync(string? afterId, int limit, CancellationToken cancellationToken = default);

    Task<TimerRecord?> FindTimerAsync(string id, CancellationToken cancellationToken = default);

    Task<bool> CanConnectAsync(CancellationToken cancellationToken = default);
}
