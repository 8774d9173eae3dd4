using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>Input to a case (start variables, a reference) that cannot be accepted; nothing was stored.</summary>
public sealed class CaseInputException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
