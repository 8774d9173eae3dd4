using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Validation;

/// <summary>
/// A module's checks of a whole definition, run by <see cref="DefinitionValidator"/> after its own (e.g. that
/// the templates a definition's notification rules name exist). Registered as a service.
/// </summary>
public interface IDefinitionCheck
{
    void Check(WorkflowDefinition definition, List<ValidationError> errors);
}
