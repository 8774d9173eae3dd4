using Microsoft.Extensions.Diagnostics.HealthChecks;
using RightToManage.Workflows.Persistence;

namespace RightToManage.Host.Hosting;

public sealed class StorageHealthCheck(IWorkflowStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{store.Provider} reachable")
            : HealthCheckResult.Unhealthy($"{store.Provider} unreachable");
}
