namespace RightToManage.Workflows.Runtime;

/// <summary>
/// A failure on a case, kept until an administrator retries it: a step of the flowchart that faulted (the
/// case waits), or a message that could not be delivered (<see cref="OutboxId"/> set; the case goes on).
/// </summary>
public sealed record Incident(
    Guid Id,
    Guid InstanceId,
    string Activity,
    string Error,
    string? Details,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt = null,
    string? ResolvedBy = null)
{
    /// <summary>The outbox message whose delivery failed; retrying the incident sends it again.</summary>
    public Guid? OutboxId { get; init; }
}
