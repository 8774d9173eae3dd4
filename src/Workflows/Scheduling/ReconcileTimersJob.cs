using Quartz;

namespace RightToManage.Workflows.Scheduling;

/// <summary>Runs <see cref="TimerReconciler"/> at start and every <see cref="TimerSchedulingOptions.ReconcileInterval"/>; one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class ReconcileTimersJob(TimerReconciler reconciler) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(cancellationToken);
}
