namespace RightToManage.Workflows.Activities;

/// <summary>An outcome port of an activity, e.g. <c>done</c>, <c>accepted</c>, <c>overdue</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PortAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public string? Description { get; init; }
}
