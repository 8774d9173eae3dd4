using System.Text.Json;
using System.Text.Json.Serialization;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Definitions;

/// <summary>Reading and writing definition JSON.</summary>
public static class DefinitionJson
{
    /// <summary>
    /// camelCase and strict: member names match exactly, numbers are not read from strings, unknown or
    /// repeated members and missing required ones are rejected (they are usually typos). Comments and
    /// trailing commas are allowed for hand-edited files.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        // No global enum converter: it would override each enum's StrictEnumConverter.
        Converters = { new StrictJsonElementConverter(), new FiniteNumberConverter() },
    };

    /// <summary>Parses a definition; a syntax or shape error comes back with its JSON path.</summary>
    public static DefinitionParseResult Parse(string json)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options);
            return definition is null
                ? new DefinitionParseResult(null, [new ValidationError("$", "json.null", "The definition is empty (null).")])
                : new DefinitionParseResult(definition, []);
        }
        catch (JsonException ex)
        {
            return new DefinitionParseResult(null, [JsonErrors.From(ex)]);
        }
    }

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
