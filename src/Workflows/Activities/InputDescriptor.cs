using System.Reflection;
using System.Text.Json;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Activities;

/// <summary>An input as the studio and the validator see it.</summary>
public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    DataType Type,
    bool Required,
    JsonElement? Default,
    string? UIHint,
    string Description,
    IReadOnlyList<string>? Options)
{
    internal PropertyInfo Property { get; init; } = null!;
}
