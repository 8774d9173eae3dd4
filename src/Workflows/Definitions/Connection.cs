namespace RightToManage.Workflows.Definitions;

/// <summary>A token path: when <see cref="Source"/> completes through its port, <see cref="Target"/> runs.</summary>
public sealed record Connection
{
    // Required, as in the schema: without them the connection would read as one from (or to) an activity named "".
    public required ConnectionEndpoint Source { get; init; }

    public required ConnectionEndpoint Target { get; init; }
}
