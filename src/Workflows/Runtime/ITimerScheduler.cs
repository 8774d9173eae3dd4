using RightToManage.Workflows.Persistence;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// Fires timers. The runtime tells it, after each commit, which timers were added and which went; it
/// must call <see cref="WorkflowRuntime.FireTimerAsync"/> when one falls due. The database is the truth:
/// anything missed here (a crash between commit and this call, a scheduler outage) is repaired by
/// reconciling against <see cref="IWorkflowStore.ReadTimersAsync"/>.
/// </summary>
public interface ITimerScheduler
{
    Task TimersChangedAsync(IReadOnlyList<TimerRecord> added, IReadOnlyList<string> removed, CancellationToken cancellationToken);
}
