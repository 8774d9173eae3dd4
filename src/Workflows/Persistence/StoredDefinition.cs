namespace RightToManage.Workflows.Persistence;

/// <summary>A definition version as stored; versions that cases run on are never changed.</summary>
public sealed record StoredDefinition(
    string DefinitionId,
    int Version,
    string Name,
    string Content,
    string ContentHash,
    DefinitionOrigin Origin,
    bool IsPublished,
    DateTimeOffset CreatedAt);
