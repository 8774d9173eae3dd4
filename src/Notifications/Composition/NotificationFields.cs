namespace RightToManage.Notifications.Composition;

/// <summary>
/// The fields a template may use, by what sends it. Templates are checked against these when a definition
/// is validated, so a field that no sender provides fails then, not when the mail is due.
/// </summary>
public static class NotificationFields
{
    /// <summary>Every message: committed with the row (reference, definitionName, stage) or added when sent (recipientName, caseUrl).</summary>
    public static IReadOnlyList<string> Common { get; } = ["reference", "definitionName", "stage", "recipientName", "caseUrl"];

    public static IReadOnlyList<string> StageChanged { get; } = [.. Common, "previousStage"];

    /// <summary>Reminders and escalations of a deadline.</summary>
    public static IReadOnlyList<string> Deadline { get; } = [.. Common, "activityName", "lastDay", "regulation"];

    /// <summary>A task handed to someone.</summary>
    public static IReadOnlyList<string> TaskAssigned { get; } = [.. Common, "taskTitle", "source", "assignedBy"];

    public const string TaskAssignedTemplate = "task-assigned";

    public const string StageChangedTemplate = "stage-changed";
    public const string ReminderTemplate = "deadline-reminder";
    public const string OverdueTemplate = "deadline-overdue";
}
