using System.Text;
using System.Text.RegularExpressions;

namespace RightToManage.Notifications.Templates;

/// <summary>
/// Reads the template file format: <c>Subject: …</c>, a blank line, the body; placeholders <c>{{ field | filter }}</c>.
/// Every problem is collected rather than thrown so that a designer sees all of a file's mistakes at once.
/// </summary>
internal static partial class TemplateParser
{
    private const string FormatHint = "a template starts with a 'Subject: …' line, then a blank line, then the body";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*\z")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*\z")]
    private static partial Regex HeaderName();

    /// <summary>Parses a <c>.txt</c> template; null when it has errors (which are added to <paramref name="errors"/>).</summary>
    public static (TemplateText Subject, TemplateText Text)? ParseMessage(string content, string file, List<TemplateError> errors)
    {
        var before = errors.Count;
        var lines = NormaliseLineEndings(content).Split('\n');

        TemplateText? subject = null;
        var subjectReported = false;
        var index = 0;
        for (; index < lines.Length && !string.IsNullOrWhiteSpace(lines[index]); index++)
        {
            var line = lines[index];
            var lineNumber = index + 1;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !HeaderName().IsMatch(line[..colon]))
            {
                if (index == 0)
                {
                    // Without a header on the first line the whole file is probably body text; reporting each of
                    // its lines as a bad header would bury the one real mistake.
                    errors.Add(new(file, 1, $"Missing 'Subject:' header: {FormatHint}."));
                    return null;
                }
                errors.Add(new(file, lineNumber, $"Expected a header line ('Subject: …') or the blank line that ends the headers: {FormatHint}."));
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (!name.Equals("Subject", StringComparison.OrdinalIgnoreCase))
                errors.Add(new(file, lineNumber, $"Unknown header '{name}': the only header is Subject."));
            else if (subject is not null || subjectReported)
                errors.Add(new(file, lineNumber, "The Subject header is given more than once."));
            else if (value.Length == 0)
            {
                errors.Add(new(file, lineNumber, "The subject is empty."));
                subjectReported = true;
            }
            else
                subject = ParseText(value, file, lineNumber, errors);
        }

        if (subject is null && !subjectReported)
            errors.Add(new(file, 1, $"Missing 'Subject:' header: {FormatHint}."));

        TemplateText? text = null;
        if (index >= lines.Length)
            errors.Add(new(file, null, $"There is no body: {FormatHint}."));
        else
        {
            var body = string.Join('\n', lines, index + 1, lines.Length - index - 1);
            if (string.IsNullOrWhiteSpace(body))
                errors.Add(new(file, null, "The plain-text body is empty."));
            else
                text = ParseText(body, file, index + 2, errors);
        }

        return errors.Count == before ? (subject!, text!) : null;
    }

    /// <summary>Parses an <c>.html</c> body; null when it has errors (which are added to <paramref name="errors"/>).</summary>
    public static TemplateText? ParseHtml(string content, string file, List<TemplateError> errors)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add(new(file, null, "The HTML body is empty; delete the file to send plain text only."));
            return null;
        }
        var before = errors.Count;
        var text = ParseText(NormaliseLineEndings(content), file, 1, errors);
        return errors.Count == before ? text : null;
    }

    /// <summary>Splits text into literals and placeholders. <paramref name="firstLine"/> is the file line the text starts on.</summary>
    public static TemplateText ParseText(string text, string file, int firstLine, List<TemplateError> errors)
    {
        var segments = new List<TemplateSegment>();
        var literal = new StringBuilder();
        var line = firstLine;
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }
            line += CountLineBreaks(text, position, open);
            literal.Append(text, position, open - position);

            // A placeholder may not span lines: a '{{' left open is far more often a typo than a deliberate
            // multi-line field, and line-bounded matching keeps the reported line number exact.
            var lineEnd = text.IndexOf('\n', open);
            if (lineEnd < 0)
                lineEnd = text.Length;
            var close = text.IndexOf("}}", open + 2, lineEnd - open - 2, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add(new(file, line, "'{{' is not closed by '}}' on the same line."));
                literal.Append(text, open, lineEnd - open);
                position = lineEnd;
                continue;
            }

            if (ParsePlaceholder(text[(open + 2)..close], file, line, errors) is { } placeholder)
            {
                if (literal.Length > 0)
                {
                    segments.Add(TemplateSegment.Literal(literal.ToString()));
                    literal.Clear();
                }
                segments.Add(placeholder);
            }
            position = close + 2;
        }
        if (literal.Length > 0)
            segments.Add(TemplateSegment.Literal(literal.ToString()));
        return new TemplateText(segments);
    }

    private static TemplateSegment? ParsePlaceholder(string inner, string file, int line, List<TemplateError> errors)
    {
        var parts = inner.Split('|');
        var field = parts[0].Trim();
        if (field.Length == 0)
        {
            errors.Add(new(file, line, "A placeholder has no field name."));
            return null;
        }
        if (!FieldName().IsMatch(field))
        {
            errors.Add(new(file, line, $"'{field}' is not a field name: use letters and digits, starting with a letter, with '.' between parts (for example applicant.name)."));
            return null;
        }
        if (parts.Length > 2)
        {
            errors.Add(new(file, line, $"The placeholder for '{field}' has more than one filter; only one is allowed."));
            return null;
        }
        if (parts.Length == 1)
            return TemplateSegment.Placeholder(field, TemplateFilter.None);

        var filterName = parts[1].Trim();
        TemplateFilter? filter = filterName switch
        {
            "date" => TemplateFilter.Date,
            "dateTime" => TemplateFilter.DateTime,
            _ => null,
        };
        if (filter is null)
        {
            errors.Add(new(file, line, $"Unknown filter '{filterName}' for '{field}': the filters are date and dateTime."));
            return null;
        }
        return TemplateSegment.Placeholder(field, filter.Value);
    }

    // Files edited on Windows arrive with CRLF; the bodies are kept with "\n" only and the transport writes
    // whatever line endings the wire needs.
    private static string NormaliseLineEndings(string content) => content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static int CountLineBreaks(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            if (text[i] == '\n')
                count++;
        }
        return count;
    }
}
