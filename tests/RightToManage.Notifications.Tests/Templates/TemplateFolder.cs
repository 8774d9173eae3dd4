using RightToManage.Notifications.Templates;

namespace RightToManage.Notifications.Tests.Templates;

/// <summary>A throwaway templates folder, deleted on dispose.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public TemplateFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rtm-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TemplateFolder With(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    public TemplateCatalog Load(out IReadOnlyList<TemplateError> errors) => TemplateCatalog.Load(Path, out errors);

    /// <summary>Loads a single template that is expected to parse cleanly.</summary>
    public static NotificationTemplate Single(string text, string? html = null)
    {
        using var folder = new TemplateFolder().With("message.txt", text);
        if (html is not null)
            folder.With("message.html", html);
        var catalog = folder.Load(out var errors);
        errors.Should().BeEmpty();
        catalog.TryGet("message", out var template).Should().BeTrue();
        return template!;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
