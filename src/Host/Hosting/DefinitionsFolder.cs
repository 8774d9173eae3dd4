namespace RightToManage.Host.Hosting;

/// <summary>Where the shipped workflow definitions (and their email templates) are.</summary>
public static class DefinitionsFolder
{
    /// <summary>The configured folder, else the nearest <c>workflow-definitions</c> above the working directory or the binaries.</summary>
    public static string? Find(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Workflows:DefinitionsPath"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "workflow-definitions");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
