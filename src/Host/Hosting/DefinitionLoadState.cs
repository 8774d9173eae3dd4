using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Hosting;

/// <summary>What happened when the shipped definition files were loaded, for the API and the readiness check.</summary>
public sealed class DefinitionLoadState
{
    private volatile IReadOnlyList<DefinitionFileReport>? _reports;

    public string? Folder { get; private set; }

    public IReadOnlyList<DefinitionFileReport>? Reports => _reports;

    public bool IsLoaded => _reports is not null;

    internal void Complete(string? folder, IReadOnlyList<DefinitionFileReport> reports)
    {
        Folder = folder;
        _reports = reports;
    }
}
