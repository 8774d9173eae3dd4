using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace RightToManage.Notifications.Templates;

/// <summary>
/// The email templates in a folder (<c>workflow-definitions/templates/</c>), by name. Immutable once loaded.
/// </summary>
public sealed partial class TemplateCatalog
{
    // Strict so that a file saved in a legacy encoding is reported instead of sending mojibake to tenants.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly FrozenDictionary<string, NotificationTemplate> _byName;

    private TemplateCatalog(IEnumerable<NotificationTemplate> templates)
    {
        var sorted = templates.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        _byName = sorted.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        All = Array.AsReadOnly(sorted);
    }

    public static TemplateCatalog Empty { get; } = new([]);

    /// <summary>Every template, ordered by name.</summary>
    public IReadOnlyCollection<NotificationTemplate> All { get; }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z")]
    private static partial Regex TemplateName();

    /// <summary>
    /// Loads every template in the folder (missing folder = empty catalog, no error). Broken templates are
    /// left out and reported, so that one bad file does not stop the others from being sent.
    /// </summary>
    public static TemplateCatalog Load(string folder, out IReadOnlyList<TemplateError> errors)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            // A deployment without email templates is valid: notifications are optional.
            errors = [];
            return Empty;
        }

        var problems = new List<TemplateError>();
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var htmls = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            // Dot files are editor swap files and .gitkeep, not templates someone meant to write.
            if (fileName.StartsWith('.'))
                continue;
            var extension = Path.GetExtension(fileName);
            var name = Path.GetFileNameWithoutExtension(fileName);
            var byExtension = extension switch
            {
                ".txt" => texts,
                ".html" => htmls,
                _ => null,
            };
            if (byExtension is null || !TemplateName().IsMatch(name))
            {
                problems.Add(new(path, null,
                    $"'{fileName}' is not a template file name: use lower-case letters, digits and hyphens, then .txt (required) or .html (optional), for example stage-changed.txt."));
                continue;
            }
            byExtension[name] = path;
        }

        foreach (var (name, htmlPath) in htmls)
        {
            if (!texts.ContainsKey(name))
                problems.Add(new(htmlPath, null, $"There is no {name}.txt for this HTML body; the .txt file holds the subject and the plain-text body, which every message needs."));
        }

        var templates = new List<NotificationTemplate>();
        foreach (var (name, textPath) in texts)
        {
            var before = problems.Count;
            var message = Read(textPath, problems) is { } content ? TemplateParser.ParseMessage(content, textPath, problems) : null;
            TemplateText? html = null;
            if (htmls.TryGetValue(name, out var htmlPath) && Read(htmlPath, problems) is { } htmlContent)
                html = TemplateParser.ParseHtml(htmlContent, htmlPath, problems);
            if (problems.Count == before && message is { } parsed)
                templates.Add(new NotificationTemplate(name, textPath, parsed.Subject, parsed.Text, html));
        }

        errors = problems;
        return new TemplateCatalog(templates);
    }

    public bool TryGet(string name, [NotNullWhen(true)] out NotificationTemplate? template) => _byName.TryGetValue(name, out template);

    /// <summary>
    /// The fields a template uses that are not in <paramref name="available"/> (for definition-time validation),
    /// sorted ordinal. A dotted field such as <c>applicant.name</c> counts as available when <c>applicant</c> is,
    /// since which properties an object value has is only known when the message is rendered.
    /// </summary>
    public static IReadOnlyList<string> MissingFields(NotificationTemplate template, IEnumerable<string> available)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(available);
        var known = available.ToHashSet(StringComparer.Ordinal);
        return template.Fields.Where(field => !IsAvailable(field, known)).Order(StringComparer.Ordinal).ToArray();
    }

    private static bool IsAvailable(string field, HashSet<string> known)
    {
        if (known.Contains(field))
            return true;
        for (var dot = field.LastIndexOf('.'); dot > 0; dot = field.LastIndexOf('.', dot - 1))
        {
            if (known.Contains(field[..dot]))
                return true;
        }
        return false;
    }

    private static string? Read(string path, List<TemplateError> problems)
    {
        try
        {
            return File.ReadAllText(path, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(path, null, "The file is not valid UTF-8; save it as UTF-8."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(path, null, $"The file could not be read: {e.Message}"));
        }
        return null;
    }
}
