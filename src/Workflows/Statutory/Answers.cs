using System.Text.Json;

namespace RightToManage.Workflows.Statutory;

/// <summary>Reads values out of a form's answers (an object of field name → answer).</summary>
internal static class Answers
{
    /// <summary>Whether the field has an answer at all: a form stores a question left blank as absent, null or "".</summary>
    public static bool Has(JsonElement answers, string field) =>
        answers.TryGetProperty(field, out var value) && value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => !string.IsNullOrWhiteSpace(value.GetString()),
            JsonValueKind.Array => value.GetArrayLength() > 0,
            JsonValueKind.Object => value.EnumerateObject().Any(),
            _ => true,
        };

    /// <summary>
    /// Null when the field holds a whole number of 0 or more (in <paramref name="count"/>), else what is
    /// wrong with it, worded to follow the field's name ("is missing", "is not a whole number").
    /// </summary>
    public static string? ReadCount(JsonElement answers, string field, out long count)
    {
        count = 0;
        if (!answers.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return "is missing";
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number)) return $"is not a number ({Describe(value)})";
        // 25.0 is a whole number; forms and spreadsheets write counts that way.
        if (number != decimal.Truncate(number)) return $"is not a whole number ({value.GetRawText()})";
        if (number < 0) return $"is negative ({value.GetRawText()})";
        if (number > long.MaxValue) return $"is too large ({value.GetRawText()})";
        count = (long)number;
        return null;
    }

    /// <summary>True, false, or null when the field is missing or not a yes/no answer.</summary>
    public static bool? ReadYesNo(JsonElement answers, string field) =>
        answers.TryGetProperty(field, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
