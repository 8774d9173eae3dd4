using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Persistence;

/// <summary>A case row. <see cref="State"/> is the interpreter's <see cref="WorkflowState"/> as JSON.</summary>
public sealed record InstanceRecord(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string? Reference,
    InstanceStatus Status,
    string? Outcome,
    string? Stage,
    string State,
    int Version,
    long JournalLength,
    string JournalHead,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
