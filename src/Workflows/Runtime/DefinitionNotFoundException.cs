namespace RightToManage.Workflows.Runtime;

public sealed class DefinitionNotFoundException(string definitionId, int? version)
    : Exception(version is null ? $"No published version of the definition '{definitionId}' exists." : $"The definition '{definitionId}' has no version {version}.");
