namespace RightToManage.Workflows.Definitions;

/// <summary>Tells a person that a task has been given to them: sent to the assignee's own address, not to a party role.</summary>
public sealed record AssigneeNotificationRule
{
    /// <summary>A template in <c>workflow-definitions/templates</c>; by default <c>task-assigned</c>.</summary>
    public string? Template { get; init; }
}
