namespace RightToManage.Workflows.Tests.Support;

public static class RepositoryFiles
{
    /// <summary>The checkout's root: the folder holding RightToManage.sln.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RightToManage.sln"))) folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException("RightToManage.sln not found above the test binaries.");
        }
    }
}
