namespace RightToManage.Workflows.Runtime;

/// <summary>An activity failure on a case, kept until an administrator retries it.</summary>
public sealed record Incident(
    Guid Id,
    Guid InstanceId,
    string Activity,
    string Error,
    string? Details,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt = null,
    string? ResolvedBy = null);
