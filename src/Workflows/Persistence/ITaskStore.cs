using RightToManage.Workflows.Tasks;

namespace RightToManage.Workflows.Persistence;

/// <summary>Reads of the task projection (<c>wf_tasks</c>), for inboxes. Tasks change only through the runtime.</summary>
public interface ITaskStore
{
    Task<TaskRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A page of matching tasks, and how many match in all.</summary>
    Task<(IReadOnlyList<TaskRecord> Tasks, long Total)> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default);
}
