namespace RightToManage.Notifications.Templates;

/// <summary>
/// A run of literal text, or a placeholder when <see cref="Field"/> is set. One record rather than a class
/// hierarchy because rendering is a single loop over segments that only needs to tell the two apart.
/// </summary>
internal sealed record TemplateSegment(string Text, string? Field, TemplateFilter Filter)
{
    public static TemplateSegment Literal(string text) => new(text, null, TemplateFilter.None);

    public static TemplateSegment Placeholder(string field, TemplateFilter filter) => new(string.Empty, field, filter);
}
