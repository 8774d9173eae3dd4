namespace RightToManage.Workflows.Tasks;

/// <summary>A task's row in <c>wf_tasks</c>: what inboxes list, filter and sort by.</summary>
public sealed record TaskRecord(
    string Id,
    Guid InstanceId,
    string Activity,
    string Title,
    string? CandidateOrganisation,
    string? CandidateRole,
    string? Assignee,
    TaskPriority Priority,
    HumanTaskStatus Status,
    DateOnly? LastDay,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt = null,
    string? CompletedBy = null,
    string? Outcome = null)
{
    /// <summary>The case's reference, filled in by queries for inbox lists.</summary>
    public string? CaseReference { get; init; }

    /// <summary>The case's definition, filled in by queries for inbox lists.</summary>
    public string? DefinitionId { get; init; }
}
