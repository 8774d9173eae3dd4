using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// Reads an enum only from its exact documented name (the <see cref="JsonStringEnumMemberNameAttribute"/>).
/// The framework's converter also takes numbers in strings ("0"), surrounding spaces and comma lists, so
/// a typo such as <c>"confidence": "0"</c> would silently read as <c>high</c>.
/// </summary>
public sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name), f => (T)f.GetValue(null)!, StringComparer.Ordinal);

    private static readonly Dictionary<T, string> ToName = ByName.ToDictionary(p => p.Value, p => p.Key);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && ByName.TryGetValue(text, out var value)) return value;
        throw new JsonException($"{(text is null ? "This value" : $"'{text}'")} is not one of: {string.Join(", ", ByName.Keys)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ToName[value]);
}
