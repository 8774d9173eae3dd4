using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>A named case variable with a type and an optional initial value.</summary>
public sealed record VariableDefinition
{
    public string Name { get; init; } = "";

    public required DataType Type { get; init; }

    public string? Description { get; init; }

    /// <summary>Initial value; absent means the variable starts unset.</summary>
    public JsonElement? Default { get; init; }
}
