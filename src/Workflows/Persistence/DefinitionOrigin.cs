namespace RightToManage.Workflows.Persistence;

public enum DefinitionOrigin
{
    /// <summary>Shipped in <c>workflow-definitions/</c>; read-only.</summary>
    File,

    /// <summary>Saved through the studio or API.</summary>
    Database,
}
