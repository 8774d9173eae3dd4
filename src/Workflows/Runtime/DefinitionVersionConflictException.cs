namespace RightToManage.Workflows.Runtime;

/// <summary>A stored version was offered again with different content: it needs a new version number.</summary>
public sealed class DefinitionVersionConflictException(string definitionId, int version)
    : Exception($"Version {version} of '{definitionId}' is already stored with different content. Cases may run on it, so it cannot change: give the new content a version number not yet used.");
