using System.Text;
using System.Text.Json;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Endpoints;

/// <summary>
/// Finds strings in a JSON body that no person types and the store cannot keep: the NUL character (PostgreSQL text
/// refuses it) and a surrogate without its pair (it has no UTF-8 form, so writing the case's state fails). Both are
/// legal JSON escapes, so the parser lets them through; this names the first one by JSON path before anything is stored.
/// </summary>
internal static class StorableText
{
    public static ValidationError? FindProblem(string json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal)) return null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var levels = new List<Level>();
        try
        {
            while (reader.Read())
            {
                var parent = levels.Count > 0 ? levels[^1] : null;
                if (parent is { IsArray: true } && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject or JsonTokenType.Comment)) parent.Index++;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = Read(ref reader);
                        parent!.Name = name;
                        if (name is null || name.Contains('\0')) return Problem(levels, "A field name");
                        break;
                    case JsonTokenType.String:
                        var value = Read(ref reader);
                        if (value is null || value.Contains('\0')) return Problem(levels, "This text");
                        break;
                    case JsonTokenType.StartObject:
                        levels.Add(new Level(false));
                        break;
                    case JsonTokenType.StartArray:
                        levels.Add(new Level(true));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        levels.RemoveAt(levels.Count - 1);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON, or nested too deep: the parser that reads the body says so, with its own path.
        }
        return null;
    }

    /// <summary>The string, or null when it holds an unpaired surrogate.</summary>
    private static string? Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.GetString();
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ValidationError Problem(List<Level> levels, string what) =>
        new(Path(levels), "text.unstorable", $"{what} holds a NUL character (\\u0000) or a lone UTF-16 surrogate (\\ud800–\\udfff without its pair); remove it.");

    private static string Path(List<Level> levels) =>
        "$" + string.Concat(levels.Select(l => l.IsArray ? $"[{l.Index}]" : l.Name is null ? "" : $".{Printable(l.Name)}"));

    private static string Printable(string name) => string.Concat(name.Select(c => c == '\0' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private sealed class Level(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Name { get; set; }
    }
}
