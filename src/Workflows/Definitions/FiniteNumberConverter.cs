using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// Reads a floating-point member of a definition (a designer position's <c>x</c> or <c>y</c>) and refuses a number too
/// large for it. The reader takes <c>1e400</c> as infinity, which no JSON can hold: the definition would pass validation
/// and then fail to be written when it is stored.
/// </summary>
public sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException("This value has the wrong type or form here: a number is expected.");
        var value = reader.GetDouble();
        return double.IsFinite(value) ? value : throw new JsonException("This number is too large.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
