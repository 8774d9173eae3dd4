using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>One step of a flowchart: an activity of a registered type with its inputs.</summary>
public sealed record ActivityNode
{
    public string Id { get; init; } = "";

    /// <summary>Registered activity type name, e.g. <c>WaitForEvent</c>.</summary>
    public string Type { get; init; } = "";

    public string? DisplayName { get; init; }

    /// <summary>The stage a case is in while this activity runs, e.g. "Competence assessment".</summary>
    public string? Stage { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// Input values by input name: a literal JSON value, or a reference
    /// <c>{"$parameter": "name"}</c> / <c>{"$variable": "name"}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Inputs { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Where outputs go: output name → variable name.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>A statutory deadline while this activity waits; only for activities that wait.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DeadlineDefinition? Deadline { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DesignerPosition? Position { get; init; }
}
