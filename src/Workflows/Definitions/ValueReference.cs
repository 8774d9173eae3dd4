using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>An input that refers to a parameter or variable instead of holding a literal.</summary>
/// <param name="Path">For a variable only: a member path into its JSON value (e.g. <c>servedOn</c> or
/// <c>result.passed</c>), so a date a task's form recorded can start a deadline without a copy step.</param>
public readonly record struct ValueReference(ValueReferenceKind Kind, string Name, string? Path = null)
{
    public const string ParameterKey = "$parameter";
    public const string VariableKey = "$variable";
    public const string PathKey = "path";

    /// <summary>
    /// Recognises <c>{"$parameter": "name"}</c>, <c>{"$variable": "name"}</c> and
    /// <c>{"$variable": "name", "path": "member.member"}</c>.
    /// </summary>
    public static bool TryParse(JsonElement element, out ValueReference reference)
    {
        reference = default;
        if (element.ValueKind != JsonValueKind.Object) return false;
        ValueReferenceKind? kind = null;
        string? name = null, path = null;
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (++count > 2 || property.Value.ValueKind != JsonValueKind.String) return false;
            switch (property.Name)
            {
                case ParameterKey when kind is null: kind = ValueReferenceKind.Parameter; name = property.Value.GetString(); break;
                case VariableKey when kind is null: kind = ValueReferenceKind.Variable; name = property.Value.GetString(); break;
                case PathKey: path = property.Value.GetString(); break;
                default: return false;
            }
        }
        if (kind is null || (path is not null && kind != ValueReferenceKind.Variable)) return false;
        reference = new ValueReference(kind.Value, name!, path);
        return true;
    }

    /// <summary>The member <see cref="Path"/> names inside <paramref name="value"/>, or null when a member is missing.</summary>
    public JsonElement? Select(JsonElement value)
    {
        if (Path is null) return value;
        var current = value;
        foreach (var member in Path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(member, out current)) return null;
        }
        return current;
    }

    /// <summary>How the reference reads in messages, e.g. <c>'serviceAnswers.servedOn'</c>.</summary>
    public override string ToString() => Path is null ? Name : $"{Name}.{Path}";
}
