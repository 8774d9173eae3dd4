using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Host.Endpoints;

/// <summary>
/// The API's JSON: camelCase, enums as camelCase strings, nulls left out, unknown request fields refused (usually typos),
/// and a field given twice refused too (parsers disagree on which one counts, so the API takes neither).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
