namespace RightToManage.Workflows.Activities;

/// <summary>Marks a property the activity sets and a definition may map to a variable.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    public string Description { get; init; } = "";
}
