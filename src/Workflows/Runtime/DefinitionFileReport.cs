using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>How loading one definition file went.</summary>
public sealed record DefinitionFileReport(string File, string? DefinitionId, int? Version, IReadOnlyList<ValidationError> Errors)
{
    public bool Loaded => Errors.Count == 0;
}
