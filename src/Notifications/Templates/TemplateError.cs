namespace RightToManage.Notifications.Templates;

/// <summary>
/// A problem with a template file. <see cref="Line"/> is null when the problem is with the file as a whole
/// (its name, its encoding, a missing companion file).
/// </summary>
public sealed record TemplateError(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}({line}): {Message}" : $"{File}: {Message}";
}
