using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Browser.Tests;

/// <summary>axe-core, the engine behind most accessibility checkers, run in the page against WCAG 2.2 A and AA.</summary>
public static class Accessibility
{
    // The web app's own pinned copy (a development dependency of src/Studio), so the check runs offline.
    private static readonly string AxeScript = Path.Combine(RepositoryFiles.Root, "src", "Studio", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails with each serious or critical violation, its rule, its help text and the elements involved.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageName)
    {
        File.Exists(AxeScript).Should().BeTrue($"axe-core comes with the web app's npm install ({AxeScript})");
        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))");
        var serious = result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
        serious.Should().BeEmpty($"the {pageName} page should have no serious or critical accessibility violations");
    }
}
