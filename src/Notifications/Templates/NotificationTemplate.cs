using System.Collections.Frozen;

namespace RightToManage.Notifications.Templates;

/// <summary>
/// One email template, parsed: the subject and plain-text body from <c>&lt;name&gt;.txt</c> and, when
/// present, the HTML body from <c>&lt;name&gt;.html</c>. Obtained from a <see cref="TemplateCatalog"/>, which
/// only hands out templates that parsed without errors; render it with <see cref="TemplateRenderer"/>.
/// </summary>
public sealed class NotificationTemplate
{
    internal NotificationTemplate(string name, string filePath, TemplateText subject, TemplateText text, TemplateText? html)
    {
        Name = name;
        FilePath = filePath;
        Subject = subject;
        Text = text;
        Html = html;
        Fields = subject.Fields.Concat(text.Fields).Concat(html?.Fields ?? Enumerable.Empty<string>()).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The file name without extension, for example <c>stage-changed</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>.txt</c> file the template was loaded from, so that problems found later can point at it.</summary>
    public string FilePath { get; }

    /// <summary>Every field name used in the subject, the text or the HTML.</summary>
    public IReadOnlySet<string> Fields { get; }

    public bool HasHtml => Html is not null;

    internal TemplateText Subject { get; }

    internal TemplateText Text { get; }

    internal TemplateText? Html { get; }

    public override string ToString() => Name;
}
