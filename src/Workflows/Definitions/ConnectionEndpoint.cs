namespace RightToManage.Workflows.Definitions;

/// <summary>One end of a <see cref="Connection"/>. A target's port is always the activity's input.</summary>
public sealed record ConnectionEndpoint
{
    public required string Activity { get; init; }

    /// <summary>The outcome port on the source side; ignored on the target side.</summary>
    public string? Port { get; init; }
}
