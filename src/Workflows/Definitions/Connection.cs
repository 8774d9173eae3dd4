namespace RightToManage.Workflows.Definitions;

/// <summary>A token path: when <see cref="Source"/> completes through its port, <see cref="Target"/> runs.</summary>
public sealed record Connection
{
    public ConnectionEndpoint Source { get; init; } = new();

    public ConnectionEndpoint Target { get; init; } = new();
}
