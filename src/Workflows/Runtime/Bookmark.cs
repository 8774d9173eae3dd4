using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>A point where a case waits for a named stimulus (an event, a task outcome, a timer).</summary>
public sealed record Bookmark(string Id, string Activity, string Name, DateTimeOffset CreatedAt, JsonElement? Data = null);
