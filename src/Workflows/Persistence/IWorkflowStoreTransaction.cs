using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence;

/// <summary>
/// One unit of work on one case. Reads happen at once; writes are buffered and sent together on
/// <see cref="CommitAsync"/>, so a run's state, bookmarks, journal, incidents and outbox land together or not at all.
/// </summary>
public interface IWorkflowStoreTransaction : IAsyncDisposable
{
    /// <summary>
    /// Locks the case against every other executor (in any process) until commit or rollback, and
    /// reads what a run needs. Null when no such case exists.
    /// </summary>
    Task<LockedInstance?> LockInstanceAsync(Guid id, string? idempotencyKey, CancellationToken cancellationToken = default);

    void InsertInstance(InstanceRecord instance);

    /// <summary>Fails the commit with <see cref="ConcurrencyException"/> when the stored version is not <paramref name="expectedVersion"/>.</summary>
    void UpdateInstance(InstanceRecord instance, int expectedVersion);

    void InsertStimulus(StimulusRecord stimulus);

    void MarkStimulusApplied(Guid instanceId, string idempotencyKey, DateTimeOffset appliedAt);

    void AppendJournal(JournalRecord record);

    /// <summary>Stores timers (bookmarks with a due time) for the scheduler; other bookmarks live only in the case state.</summary>
    void AddTimers(Guid instanceId, IReadOnlyList<Bookmark> timers);

    void RemoveTimers(Guid instanceId, IReadOnlyList<string> timerIds);

    void InsertIncident(Incident incident);

    void ResolveIncident(Guid incidentId, DateTimeOffset resolvedAt, string resolvedBy);

    void AddOutbox(IReadOnlyList<OutboxMessage> messages);

    /// <summary>Inserts or replaces task rows (the projection of the case's task bookmarks).</summary>
    void UpsertTasks(IReadOnlyList<Tasks.TaskRecord> tasks);

    /// <summary>Records the organisations a new case is between.</summary>
    void AddCaseOrganisations(Guid instanceId, IReadOnlyDictionary<string, string> organisations);

    Task CommitAsync(CancellationToken cancellationToken = default);
}
