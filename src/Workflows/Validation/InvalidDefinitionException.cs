namespace RightToManage.Workflows.Validation;

/// <summary>Thrown when a definition with errors is asked to run or be stored.</summary>
public sealed class InvalidDefinitionException(string definition, IReadOnlyList<ValidationError> errors)
    : Exception($"Definition '{definition}' is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
