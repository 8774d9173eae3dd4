namespace RightToManage.Workflows.Definitions;

/// <summary>Where the studio draws a node; absent positions are laid out automatically.</summary>
public sealed record DesignerPosition(double X, double Y);
