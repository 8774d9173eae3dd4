using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RightToManage.Host.Hosting;

/// <summary>Ready once the shipped definitions are loaded; a file with errors degrades, it does not stop the server.</summary>
public sealed class DefinitionsHealthCheck(DefinitionLoadState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Reports is not { } reports) return Task.FromResult(HealthCheckResult.Unhealthy("definitions not loaded yet"));
        var failed = reports.Where(r => !r.Loaded).Select(r => Path.GetFileName(r.File)).ToList();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy($"{reports.Count} definition file(s) loaded")
            : HealthCheckResult.Degraded($"not loaded: {string.Join(", ", failed)}"));
    }
}
