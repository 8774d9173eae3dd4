namespace RightToManage.Notifications.Templates;

/// <summary>A parsed piece of a template (the subject, the plain-text body or the HTML body).</summary>
internal sealed class TemplateText(IReadOnlyList<TemplateSegment> segments)
{
    public IReadOnlyList<TemplateSegment> Segments { get; } = segments;

    public IEnumerable<string> Fields => Segments.Where(s => s.Field is not null).Select(s => s.Field!);
}
