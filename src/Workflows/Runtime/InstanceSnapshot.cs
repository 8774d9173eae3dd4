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
    IReadOnlyDictionary<string, string> Organisations);
