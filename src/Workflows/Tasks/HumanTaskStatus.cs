namespace RightToManage.Workflows.Tasks;

/// <summary>Stored by name.</summary>
public enum HumanTaskStatus
{
    Open,
    Completed,

    /// <summary>The wait ended without the task being done: the case was cancelled, or a deadline interrupted it.</summary>
    Cancelled,
}
