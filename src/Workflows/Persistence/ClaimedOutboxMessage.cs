using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence;

/// <summary>An outbox message leased to one dispatcher for one attempt (<see cref="Attempt"/> counts from 1).</summary>
public sealed record ClaimedOutboxMessage(OutboxMessage Message, int Attempt, DateTimeOffset LeasedUntil);
