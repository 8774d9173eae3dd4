using System.Text.Json;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Statutory;

/// <summary>Reads an input whose value is known when the definition is validated.</summary>
internal static class FixedValue
{
    /// <summary>
    /// The input's literal, or the value of the parameter it refers to. Thresholds usually come from
    /// parameters (with their legal source), so checking only literals would miss most mistakes.
    /// False for a variable reference, an absent or null input, or a value of another type (which the
    /// validator reports as <c>input.type</c> on its own).
    /// </summary>
    public static bool TryGet<T>(ActivityValidationContext context, string input, out T value)
    {
        value = default!;
        if (!context.Node.Inputs.TryGetValue(input, out var element)) return false;
        if (ValueReference.TryParse(element, out var reference))
        {
            if (reference.Kind != ValueReferenceKind.Parameter) return false;
            var parameter = context.Definition.Parameters.FirstOrDefault(p => p.Name == reference.Name);
            if (parameter is null || parameter.Type == DataType.Period) return false;
            element = parameter.Value;
        }
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return false;
        try
        {
            value = element.Deserialize<T>(DefinitionJson.Options)!;
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
