namespace RightToManage.Notifications.Tests;

/// <summary>The repository these tests were built from, for its shipped definitions and templates.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "RightToManage.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No RightToManage.sln above {AppContext.BaseDirectory}.");
    }
}
