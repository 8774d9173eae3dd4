using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Host.Endpoints;

/// <summary>The API's JSON: camelCase, enums as camelCase strings, nulls left out, unknown request fields refused (usually typos).</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
