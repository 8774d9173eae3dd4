using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence;

/// <summary>An outbox message and how its delivery went: one line of a case's delivery log.</summary>
public sealed record OutboxEntry(
    OutboxMessage Message,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt,
    string? Delivery)
{
    public Guid Id => Message.Id;
    public string Kind => Message.Kind;
}
