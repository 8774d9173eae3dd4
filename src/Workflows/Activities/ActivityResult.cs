using System.Text.Json;

namespace RightToManage.Workflows.Activities;

/// <summary>What an activity did with the token that reached it.</summary>
public sealed class ActivityResult
{
    private ActivityResult(ActivityResultKind kind, IReadOnlyList<string> ports, string? bookmarkName, JsonElement? bookmarkData, string? outcome, DateTimeOffset? dueAt = null)
    {
        DueAt = dueAt;
        Kind = kind;
        Ports = ports;
        BookmarkName = bookmarkName;
        BookmarkData = bookmarkData;
        Outcome = outcome;
    }

    public ActivityResultKind Kind { get; }

    /// <summary>For <see cref="ActivityResultKind.Completed"/>: the ports tokens leave through.</summary>
    public IReadOnlyList<string> Ports { get; }

    public string? BookmarkName { get; }

    public JsonElement? BookmarkData { get; }

    /// <summary>For a timer: when the bookmark falls due.</summary>
    public DateTimeOffset? DueAt { get; }

    /// <summary>For <see cref="ActivityResultKind.Ended"/>: how the case ended.</summary>
    public string? Outcome { get; }

    /// <summary>Leave through one or more ports; with none, the token stops here.</summary>
    public static ActivityResult Complete(params string[] ports) => new(ActivityResultKind.Completed, ports, null, null, null);

    /// <summary>Wait for a stimulus named <paramref name="name"/>; the activity's ResumeAsync runs when it arrives.</summary>
    public static ActivityResult Suspend(string name, JsonElement? data = null) => new(ActivityResultKind.Suspended, [], name, data, null);

    /// <summary>Wait until <paramref name="dueAt"/>; the scheduler resumes the activity then (its ResumeAsync runs with no payload).</summary>
    public static ActivityResult SuspendUntil(DateTimeOffset dueAt, JsonElement? data = null) => new(ActivityResultKind.Suspended, [], TimerBookmarkName, data, null, dueAt);

    /// <summary>The name of bookmarks made by <see cref="SuspendUntil"/>.</summary>
    public const string TimerBookmarkName = "timer";

    /// <summary>Take the token in without going on (a join still waiting for its other branches).</summary>
    public static ActivityResult Absorb() => new(ActivityResultKind.Absorbed, [], null, null, null);

    /// <summary>End the whole case with an outcome; every other waiting path is cancelled.</summary>
    public static ActivityResult EndCase(string? outcome) => new(ActivityResultKind.Ended, [], null, null, outcome);
}
