using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>A case as it stands after its last committed run.</summary>
public sealed record InstanceSnapshot(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string? Reference,
    InstanceStatus Status,
    string? Outcome,
    IReadOnlyList<string> Stages,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<DeadlineSummary> Deadlines,
    Guid? OpenIncident,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, List<Parties.PartyContact>> Parties,
    IReadOnlyDictionary<string, string> Organisations)
{
    /// <summary>Where the case is, e.g. "Stage 4 of 8: Competence assessment" (one per current stage).</summary>
    public IReadOnlyList<string> StageLabels { get; init; } = [];

    /// <summary>Set while the case is paused.</summary>
    public CaseHold? Hold { get; init; }
}
