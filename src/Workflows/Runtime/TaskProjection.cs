using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// The task rows a run changes: tasks created or changed (claimed, reassigned, deadline set or extended) are
/// written open; tasks whose wait ended are closed as completed (through the task API) or cancelled.
/// </summary>
internal static class TaskProjection
{
    public static IReadOnlyList<TaskRecord> Changes(FlowchartRun run, IReadOnlyList<Bookmark> bookmarksBefore)
    {
        var before = bookmarksBefore.Where(HumanTask.IsTask).ToDictionary(b => b.Id);
        var after = run.State.Bookmarks.Where(HumanTask.IsTask).ToDictionary(b => b.Id);
        if (before.Count == 0 && after.Count == 0) return [];

        var deadlineChanged = run.Journal.Where(e => e.Kind is JournalEntryKind.DeadlineSet or JournalEntryKind.DeadlineExtended)
            .Select(e => e.Activity).ToHashSet();
        var rows = new List<TaskRecord>();
        foreach (var (id, bookmark) in after)
        {
            var changed = !before.TryGetValue(id, out var previous)
                || previous.Data?.GetRawText() != bookmark.Data?.GetRawText()
                || deadlineChanged.Contains(bookmark.Activity);
            if (changed) rows.Add(Row(run, bookmark, HumanTaskStatus.Open));
        }
        foreach (var (id, bookmark) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            rows.Add(run.CompletedTasks.TryGetValue(id, out var completion)
                ? Row(run, bookmark, HumanTaskStatus.Completed) with { CompletedAt = run.Now, CompletedBy = completion.By, Outcome = completion.Outcome }
                : Row(run, bookmark, HumanTaskStatus.Cancelled) with { CompletedAt = run.Now });
        }
        return rows;
    }

    private static TaskRecord Row(FlowchartRun run, Bookmark bookmark, HumanTaskStatus status)
    {
        var task = HumanTask.From(bookmark);
        var lastDay = DeadlineTimers.LastDayOf(run.State, bookmark.Id);
        return new TaskRecord(bookmark.Id, run.InstanceId, bookmark.Activity, task.Title, task.CandidateOrganisation, task.CandidateRole, task.Assignee,
            task.Priority, status, lastDay, lastDay is { } day ? run.Calendar.ExpiryOf(day) : null, bookmark.CreatedAt);
    }
}
