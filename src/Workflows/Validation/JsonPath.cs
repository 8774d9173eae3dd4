using System.Buffers;
using System.Text;

namespace RightToManage.Workflows.Validation;

/// <summary>
/// Writes the JSON paths errors are reported at. A member name goes in dotted form (<c>$.inputs.event</c>) unless that
/// would be ambiguous (empty, or holding a dot, a bracket, a quote, a space…), when it is bracketed
/// (<c>$.inputs['a.b']</c>): the form System.Text.Json uses in its own errors, so every path reads one way.
/// </summary>
public static class JsonPath
{
    // The characters System.Text.Json brackets a member name for.
    private static readonly SearchValues<char> Special = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary>The path of member <paramref name="name"/> of the value at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAny(Special) ? $"{parent}.{name}" : $"{parent}['{name}']";

    /// <summary>
    /// A path from System.Text.Json with any empty member name written <c>['']</c>: the parser writes one as nothing
    /// (<c>$.inputs.</c>), a path that names no member.
    /// </summary>
    public static string FromParser(string path)
    {
        if (!path.Contains('.')) return path;
        var result = new StringBuilder(path.Length + 4);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                // A bracketed name may hold dots: copy it as it is.
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) end = path.Length - 2;
                result.Append(path, i, end + 2 - i);
                i = end + 1;
            }
            else if (path[i] == '.' && (i + 1 == path.Length || path[i + 1] is '.' or '['))
                result.Append("['']");
            else
                result.Append(path[i]);
        }
        return result.ToString();
    }
}
