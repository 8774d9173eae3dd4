namespace RightToManage.Workflows.Persistence;

/// <summary>A case in a list: enough to show and filter it, without its state.</summary>
public sealed record CaseSummary(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string? Reference,
    Runtime.InstanceStatus Status,
    string? Outcome,
    string? Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>When its soonest statutory deadline passes, if it has one running.</summary>
    public DateTimeOffset? NextDeadline { get; init; }
}
