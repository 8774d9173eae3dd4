using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>An input that refers to a parameter or variable instead of holding a literal.</summary>
public readonly record struct ValueReference(ValueReferenceKind Kind, string Name)
{
    public const string ParameterKey = "$parameter";
    public const string VariableKey = "$variable";

    /// <summary>Recognises <c>{"$parameter": "name"}</c> and <c>{"$variable": "name"}</c>.</summary>
    public static bool TryParse(JsonElement element, out ValueReference reference)
    {
        reference = default;
        if (element.ValueKind != JsonValueKind.Object) return false;
        using var properties = element.EnumerateObject();
        if (!properties.MoveNext()) return false;
        var first = properties.Current;
        if (properties.MoveNext() || first.Value.ValueKind != JsonValueKind.String) return false;
        var kind = first.Name switch
        {
            ParameterKey => ValueReferenceKind.Parameter,
            VariableKey => ValueReferenceKind.Variable,
            _ => (ValueReferenceKind?)null,
        };
        if (kind is null) return false;
        reference = new ValueReference(kind.Value, first.Value.GetString()!);
        return true;
    }
}
