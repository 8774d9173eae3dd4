using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// Reads a free-form value of a definition (an input, a parameter's value, a variable's default, a deadline's period) and
/// refuses text that is not Unicode. An escaped lone surrogate such as <c>"\ud800"</c> is valid JSON syntax, but no string
/// can be read from it, so the validator and every later reader of the value would fail on it; the parser reports it at
/// its path instead.
/// </summary>
public sealed class StrictJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonElement.ParseValue(ref reader);
        if (UnreadableText(value) is { } where)
            throw new JsonException($"The text {where} is not valid Unicode (it holds an unpaired surrogate such as \\ud800).");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>Where inside <paramref name="value"/> a string or member name cannot be read, or null when all can.</summary>
    private static string? UnreadableText(JsonElement value)
    {
        // A stack, not recursion: the reader bounds the depth, but this need not rely on it.
        var pending = new Stack<(JsonElement Element, string Where)>([(value, "")]);
        while (pending.TryPop(out var item))
        {
            var (element, where) = item;
            switch (element.ValueKind)
            {
                case JsonValueKind.String when !Readable(() => element.GetString()):
                    return where.Length == 0 ? "here" : $"at '{where.TrimStart('.')}'";
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var child in element.EnumerateArray()) pending.Push((child, $"{where}[{index++}]"));
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!Readable(() => property.Name)) return $"of a member name {(where.Length == 0 ? "here" : $"in '{where.TrimStart('.')}'")}";
                        pending.Push((property.Value, $"{where}.{property.Name}"));
                    }
                    break;
            }
        }
        return null;
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
