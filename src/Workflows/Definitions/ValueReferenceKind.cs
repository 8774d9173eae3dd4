namespace RightToManage.Workflows.Definitions;

public enum ValueReferenceKind
{
    Parameter,
    Variable,
}
