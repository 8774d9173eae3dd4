using System.Reflection;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Activities;

/// <summary>An output an activity sets and a definition may map to a variable.</summary>
public sealed record OutputDescriptor(string Name, DataType Type, string Description)
{
    internal PropertyInfo Property { get; init; } = null!;
}
