namespace RightToManage.Workflows.Activities;

/// <summary>The ports a waiting activity gains when its node has a deadline.</summary>
public static class DeadlinePorts
{
    /// <summary>The deadline has passed.</summary>
    public const string Overdue = "overdue";

    /// <summary>A reminder of the deadline is due; the wait goes on.</summary>
    public const string Reminder = "reminder";
}
