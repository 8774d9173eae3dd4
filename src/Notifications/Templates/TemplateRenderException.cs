namespace RightToManage.Notifications.Templates;

/// <summary>
/// Thrown when a template cannot be filled in from the values given. The message names the field and the
/// kind of value found, never the value itself, because field values are often personal data and this
/// message ends up in logs.
/// </summary>
public sealed class TemplateRenderException(string field, string message) : Exception(message)
{
    /// <summary>The field, as written in the template, whose value is missing or unusable.</summary>
    public string Field { get; } = field;
}
