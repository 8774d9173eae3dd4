using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Browser.Tests;

/// <summary>Screenshots of the main pages, kept under artifacts/screenshots/ for people to look at after a run.</summary>
public static class Artifacts
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryFiles.Root, "artifacts", "screenshots")).FullName;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
}
