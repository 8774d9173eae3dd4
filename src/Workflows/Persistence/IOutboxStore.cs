using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence;

/// <summary>
/// Delivery of outbox messages. A dispatcher claims due messages with a lease, delivers each, and records
/// the result. A dispatcher that dies mid-attempt loses its lease, and the message is claimed again when
/// it runs out: delivery is at least once.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> pending messages of <paramref name="kind"/> that are due, oldest first,
    /// counting an attempt on each. Several dispatchers (nodes) may claim at once; none gets another's message.
    /// </summary>
    Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(string kind, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>Records a delivery; <paramref name="delivery"/> describes what was sent (JSON).</summary>
    Task MarkSentAsync(Guid id, DateTimeOffset sentAt, string delivery, CancellationToken cancellationToken = default);

    /// <summary>Releases the lease after a failed attempt; the next attempt is not before <paramref name="nextAttemptAt"/>.</summary>
    Task RetryLaterAsync(Guid id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a message and raises <paramref name="incident"/> on its case, in one transaction.</summary>
    Task MarkFailedAsync(Guid id, string error, string? delivery, Incident incident, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a failed (or sent) message of the case again, as new, and resolves the incidents its failure raised.
    /// False when the case has no such message or it is still pending.
    /// </summary>
    Task<bool> ResendAsync(Guid instanceId, Guid id, DateTimeOffset now, string actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxEntry>> ReadAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<OutboxEntry?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>How many messages of each status there are (for health and metrics).</summary>
    Task<IReadOnlyDictionary<OutboxStatus, long>> CountAsync(CancellationToken cancellationToken = default);
}
