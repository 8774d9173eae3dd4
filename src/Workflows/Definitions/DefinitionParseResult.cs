using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Definitions;

public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationError> Errors);
