namespace RightToManage.Workflows.Definitions;

/// <summary>Notifications a definition sends on its own, beside explicit SendNotification steps.</summary>
public sealed record NotificationSettings
{
    /// <summary>Sent when a case moves into a new stage (not when it enters its first).</summary>
    public NotificationRule? StageChanged { get; init; }
}
