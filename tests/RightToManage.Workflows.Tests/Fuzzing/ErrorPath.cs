using System.Text.Json;

namespace RightToManage.Workflows.Tests.Fuzzing;

/// <summary>
/// Whether a validation error's path leads a person to the place in their document the error is about.
/// <para>
/// A path is <c>$</c> followed by members (<c>.name</c>, or <c>['name']</c> when the name holds characters such as
/// <c>.</c>, <c>[</c> or a space, as System.Text.Json writes them) and array indexes (<c>[3]</c>). It resolves when each
/// step exists in the document, or when the steps that exist end at an object and the rest are member names: the place
/// a missing field belongs (<c>$.activities[4].inputs.event</c> when the activity has no <c>inputs</c>). In a text cut
/// short, the parser also names the element after an array's last, where the text stopped. Anything else (an index past
/// the end, a member of a string, a name that only resolves when split at a dot) sends the designer to the wrong place.
/// </para>
/// </summary>
public static class ErrorPath
{
    /// <summary>Why <paramref name="path"/> does not resolve in <paramref name="document"/>, or null when it does.</summary>
    /// <param name="truncated">Whether the text the path was reported for was cut short of <paramref name="document"/>.</param>
    public static string? Problem(string path, JsonElement document, bool truncated)
    {
        if (string.IsNullOrEmpty(path)) return "the path is empty";
        if (Parse(path) is not { } steps) return "the path is not of the form $.member[index]['member']";
        var current = document;
        for (var i = 0; i < steps.Count; i++)
        {
            var (name, index) = steps[i];
            var rest = steps.Skip(i + 1).ToList();
            if (name is not null)
            {
                if (current.ValueKind != JsonValueKind.Object)
                    return $"step {i + 1} ('{name}') is a member of a {Kind(current)}, not of an object";
                if (!current.TryGetProperty(name, out var member))
                    return rest.All(s => s.Name is not null) ? null : $"'{name}' is missing at step {i + 1}, yet the path indexes into it";
                current = member;
            }
            else
            {
                if (current.ValueKind != JsonValueKind.Array)
                    return $"step {i + 1} ([{index}]) indexes a {Kind(current)}, not an array";
                var length = current.GetArrayLength();
                if (index == length && truncated && rest.Count == 0) return null;
                if (index >= length) return $"step {i + 1} ([{index}]) is past the end of an array of {length}";
                current = current[index];
            }
        }
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    /// <summary>The steps of a path (a member name, or else an index), or null when it is not a path.</summary>
    public static List<(string? Name, int Index)>? Parse(string path)
    {
        if (!path.StartsWith('$')) return null;
        var steps = new List<(string?, int)>();
        var at = 1;
        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                if (end < 0) end = path.Length;
                if (end == at + 1) return null;
                steps.Add((path[(at + 1)..end], -1));
                at = end;
            }
            else if (path.AsSpan(at).StartsWith("['"))
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                if (end < 0) return null;
                steps.Add((path[(at + 2)..end], -1));
                at = end + 2;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(at + 1, end - at - 1), System.Globalization.NumberStyles.None, null, out var index)) return null;
                steps.Add((null, index));
                at = end + 1;
            }
            else return null;
        }
        return steps;
    }
}
