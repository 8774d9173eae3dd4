using System.Globalization;
using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>How CLR types and JSON values map onto <see cref="DataType"/>.</summary>
public static class DataTypes
{
    public static DataType FromClr(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum) return DataType.Text;
        if (type == typeof(int) || type == typeof(long)) return DataType.Integer;
        if (type == typeof(decimal) || type == typeof(double)) return DataType.Number;
        if (type == typeof(bool)) return DataType.Boolean;
        if (type == typeof(DateOnly)) return DataType.Date;
        if (type == typeof(DateTimeOffset)) return DataType.DateTime;
        if (type == typeof(StatutoryPeriod)) return DataType.Period;
        if (type == typeof(JsonElement)) return DataType.Json;
        if (typeof(IEnumerable<string>).IsAssignableFrom(type)) return DataType.TextList;
        throw new NotSupportedException($"Inputs and outputs of type {type} are not supported.");
    }

    /// <summary>
    /// Whether a value of <paramref name="from"/> may be used where <paramref name="to"/> is expected.
    /// JSON is dynamic, so it may go anywhere; the value itself is checked when it is set.
    /// </summary>
    public static bool IsAssignable(DataType from, DataType to) =>
        from == to || to == DataType.Json || from == DataType.Json || (from == DataType.Integer && to == DataType.Number);

    /// <summary>Why <paramref name="value"/> is not a valid <paramref name="type"/>, or null when it is.</summary>
    public static string? Check(DataType type, JsonElement value) => type switch
    {
        DataType.Text => value.ValueKind == JsonValueKind.String ? null : "expected text",
        DataType.Number => value.ValueKind == JsonValueKind.Number ? null : "expected a number",
        DataType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) ? null : "expected a whole number",
        DataType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false",
        DataType.Date => value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : "expected a date written yyyy-MM-dd",
        // The offset is required: an instant without one would be read in whatever zone the server runs in.
        DataType.DateTime => value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParseExact(value.GetString(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && HasOffset(value.GetString()!)
            ? null : "expected an instant written yyyy-MM-ddTHH:mm:ss with Z or an offset such as +01:00",
        DataType.TextList => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? null : "expected a list of text",
        DataType.Period => CheckPeriod(value),
        _ => null,
    };

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string? CheckPeriod(JsonElement value)
    {
        try
        {
            var period = value.Deserialize<StatutoryPeriod>(DefinitionJson.Options);
            return period.Problem;
        }
        catch (JsonException)
        {
            return "expected a period such as {\"value\": 28, \"unit\": \"calendarDays\"} (units: calendarDays, calendarMonths, workingDays)";
        }
    }
}
