namespace RightToManage.Workflows.Definitions;

/// <summary>Notifications a definition sends on its own, beside explicit SendNotification steps.</summary>
public sealed record NotificationSettings
{
    /// <summary>Sent when a case moves into a new stage (not when it enters its first).</summary>
    public NotificationRule? StageChanged { get; init; }

    /// <summary>Sent to a person when someone else hands them a task (a reassignment); not when they claim it themselves.</summary>
    public AssigneeNotificationRule? TaskAssigned { get; init; }
}
