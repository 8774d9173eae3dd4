namespace RightToManage.Workflows.Activities;

/// <summary>A static outcome port.</summary>
public sealed record PortDescriptor(string Name, string? Description);
