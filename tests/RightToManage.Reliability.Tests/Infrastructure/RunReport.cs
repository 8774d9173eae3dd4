using RightToManage.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>A run's figures, to the test output and to artifacts/reliability/{name}.md, where docs/performance.md's figures come from.</summary>
public static class RunReport
{
    public static void Write(ITestOutputHelper output, string name, IEnumerable<string> lines)
    {
        var text = string.Join(Environment.NewLine, lines);
        output.WriteLine(text);
        var folder = Path.Combine(RepositoryFiles.Root, "artifacts", "reliability");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{name}.md"), $"# {name} ({DateTimeOffset.UtcNow:u})" + Environment.NewLine + Environment.NewLine + text + Environment.NewLine);
    }
}
