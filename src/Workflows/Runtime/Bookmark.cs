using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// A point where a case waits for a named stimulus (an event, a task outcome, a timer). A bookmark with
/// <see cref="DueAt"/> is a timer: the scheduler resumes it by id when it falls due, and it is never
/// matched by an event name.
/// </summary>
public sealed record Bookmark(string Id, string Activity, string Name, DateTimeOffset CreatedAt, JsonElement? Data = null, DateTimeOffset? DueAt = null)
{
    public bool IsTimer => DueAt is not null;
}
