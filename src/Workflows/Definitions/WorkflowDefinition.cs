using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// A versioned flowchart: the statutory process a case runs. Instances stay on the
/// (<see cref="Id"/>, <see cref="Version"/>) they started on.
/// </summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    /// <summary>Stable identifier of the definition family, e.g. <c>right-to-manage</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Positive version number; a changed definition must carry a new version.</summary>
    public int Version { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Named settings: statutory periods, thresholds. Each cites its legal source.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>
    /// The process's stages in order. Optional; when given, every activity's <see cref="ActivityNode.Stage"/>
    /// must be one of them. Without it, the stages are those the activities name, in the order they appear.
    /// </summary>
    public IReadOnlyList<StageDefinition> Stages { get; init; } = [];

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>Notifications the case sends on its own (e.g. to the TMO committee when the stage changes).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NotificationSettings? Notifications { get; init; }
}
