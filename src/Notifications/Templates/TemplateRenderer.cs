using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace RightToManage.Notifications.Templates;

/// <summary>Fills a <see cref="NotificationTemplate"/> in with a case's values.</summary>
public static partial class TemplateRenderer
{
    // All ranges allowed so that names such as "Zoë" stay readable in the source of the email; the characters
    // that matter in HTML (< > & " ' and so on) are escaped whatever the ranges.
    private static readonly HtmlEncoder HtmlEncoding = HtmlEncoder.Create(UnicodeRanges.All);

    // The day and month names of en-GB and the invariant culture are the same English words; the fallback keeps
    // dates working on a host running in globalisation-invariant mode, where en-GB cannot be created.
    private static readonly CultureInfo English = LoadEnglish();

    private enum Target
    {
        Subject,
        Text,
        Html,
    }

    [GeneratedRegex(@"[\r\n\u0085\u2028\u2029]+")]
    private static partial Regex LineBreaks();

    /// <summary>
    /// Renders with the field values (JSON). Throws <see cref="TemplateRenderException"/> naming the field when
    /// one is missing or has the wrong shape for its filter. Dates and times are shown in <paramref name="zone"/>.
    /// </summary>
    public static RenderedMessage Render(NotificationTemplate template, IReadOnlyDictionary<string, JsonElement> fields, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(zone);
        return new RenderedMessage(
            Render(template, template.Subject, fields, zone, Target.Subject),
            Render(template, template.Text, fields, zone, Target.Text),
            template.Html is { } html ? Render(template, html, fields, zone, Target.Html) : null);
    }

    private static string Render(NotificationTemplate template, TemplateText text, IReadOnlyDictionary<string, JsonElement> fields, TimeZoneInfo zone, Target target)
    {
        var output = new StringBuilder();
        foreach (var segment in text.Segments)
        {
            if (segment.Field is not { } field)
            {
                output.Append(segment.Text);
                continue;
            }
            var value = Format(template, field, segment.Filter, Resolve(template, field, fields), zone);
            output.Append(target switch
            {
                // A line break in a header value would let a value add headers of its own.
                Target.Subject => LineBreaks().Replace(value, " "),
                Target.Html => HtmlEncoding.Encode(value),
                _ => value,
            });
        }
        return output.ToString();
    }

    /// <summary>
    /// The value for a field: the exact key when given, otherwise a dotted name is looked up as a path into an
    /// object value (<c>applicant.name</c> is the <c>name</c> property of <c>applicant</c>).
    /// </summary>
    private static JsonElement Resolve(NotificationTemplate template, string field, IReadOnlyDictionary<string, JsonElement> fields)
    {
        if (fields.TryGetValue(field, out var exact))
            return Present(template, field, exact);

        var parts = field.Split('.');
        for (var prefixLength = parts.Length - 1; prefixLength >= 1; prefixLength--)
        {
            if (!fields.TryGetValue(string.Join('.', parts, 0, prefixLength), out var current))
                continue;
            for (var i = prefixLength; i < parts.Length; i++)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(parts[i], out current))
                    throw Missing(template, field);
            }
            return Present(template, field, current);
        }
        throw Missing(template, field);
    }

    private static JsonElement Present(NotificationTemplate template, string field, JsonElement value) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? throw Missing(template, field) : value;

    private static string Format(NotificationTemplate template, string field, TemplateFilter filter, JsonElement value, TimeZoneInfo zone)
    {
        switch (filter)
        {
            case TemplateFilter.Date:
                var date = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
                if (date is not null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return FormatDate(day);
                if (date is not null && TryParseInstant(date, out var instant))
                    return FormatDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
                throw WrongShape(template, field, value, "'| date' needs a date written yyyy-MM-dd or a date-time with an offset");

            case TemplateFilter.DateTime:
                if (value.ValueKind == JsonValueKind.String && TryParseInstant(value.GetString()!, out var at))
                    return FormatDateTime(TimeZoneInfo.ConvertTime(at, zone));
                throw WrongShape(template, field, value, "'| dateTime' needs a date-time written yyyy-MM-ddTHH:mm:ss with Z or an offset such as +01:00");

            default:
                return FormatPlain(template, field, value);
        }
    }

    private static string FormatPlain(NotificationTemplate template, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => FormatNumber(value),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item => FormatPlain(template, field, item))),
        JsonValueKind.Null or JsonValueKind.Undefined => throw Missing(template, field),
        _ => throw WrongShape(template, field, value, "an object cannot be written into a message; name one of its properties, as in field.property"),
    };

    private static string FormatNumber(JsonElement value)
    {
        if (value.TryGetInt64(out var whole))
            return whole.ToString(CultureInfo.InvariantCulture);
        if (value.TryGetDecimal(out var fraction))
            return fraction.ToString(CultureInfo.InvariantCulture);
        // Beyond decimal's range; the JSON text is already culture-free.
        return value.GetRawText();
    }

    private static string FormatDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);

    private static string FormatDateTime(DateTimeOffset local)
    {
        // Built by hand: no .NET format string gives a lower-case am/pm, which is GOV.UK style ("9:00am").
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var meridiem = local.Hour < 12 ? "am" : "pm";
        return string.Create(CultureInfo.InvariantCulture,
            $"{FormatDate(DateOnly.FromDateTime(local.DateTime))} at {hour}:{local.Minute:00}{meridiem}");
    }

    // Same forms as the engine's dateTime variables. The offset is required: without one the instant would be
    // read in whatever zone the server happens to run in.
    private static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
        && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'));

    private static TemplateRenderException Missing(NotificationTemplate template, string field) =>
        new(field, $"The template '{template.Name}' uses the field '{field}', which has no value.");

    private static TemplateRenderException WrongShape(NotificationTemplate template, string field, JsonElement value, string need) =>
        new(field, $"The template '{template.Name}' cannot use the field '{field}': {need}, but the value is {Describe(value)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "text in another form",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "empty",
    };

    private static CultureInfo LoadEnglish()
    {
        try
        {
            return CultureInfo.GetCultureInfo("en-GB");
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
