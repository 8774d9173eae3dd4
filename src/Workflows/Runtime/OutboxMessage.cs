namespace RightToManage.Workflows.Runtime;

/// <summary>A side effect (timer, email) committed with the state change that caused it, delivered later.</summary>
public sealed record OutboxMessage(
    Guid Id,
    Guid InstanceId,
    string Activity,
    string Kind,
    string Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt);
