namespace RightToManage.Workflows.Runtime;

/// <summary>Another case already has this reference.</summary>
public sealed class DuplicateReferenceException(string reference) : Exception($"A case with the reference '{reference}' already exists.")
{
    public string Reference { get; } = reference;
}
