using System.Text.Json;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tasks;

/// <summary>
/// A task for a person, as it lives in the case's state (the data of its bookmark): what to do, who may do
/// it, and the form to fill in. Its row in <c>wf_tasks</c> is a projection for inboxes, written in the same
/// transaction.
/// </summary>
public sealed record HumanTask
{
    /// <summary>The name of the bookmarks tasks wait on.</summary>
    public const string BookmarkName = "user-task";

    public string Title { get; init; } = "";

    public string Instructions { get; init; } = "";

    /// <summary>The provision that puts this task on its holder, e.g. "SI 2012/1821 reg 11".</summary>
    public string Source { get; init; } = "";

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public IReadOnlyList<TaskFormField> Form { get; init; } = [];

    /// <summary>The organisation (by id) whose people may take the task.</summary>
    public string? CandidateOrganisation { get; init; }

    /// <summary>The role they need within it, e.g. "la-officer"; null for anyone in the organisation.</summary>
    public string? CandidateRole { get; init; }

    /// <summary>Who has claimed the task (their user name), if anyone.</summary>
    public string? Assignee { get; init; }

    public TaskPriority Priority { get; init; } = TaskPriority.Normal;

    public static bool IsTask(Bookmark bookmark) => bookmark.Name == BookmarkName && bookmark.Data is not null;

    public static HumanTask From(Bookmark bookmark) =>
        bookmark.Data!.Value.Deserialize<HumanTask>(JournalJson.Options) ?? throw new JsonException($"Bookmark {bookmark.Id} holds no task.");

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, JournalJson.Options);
}
