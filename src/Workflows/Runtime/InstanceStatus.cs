namespace RightToManage.Workflows.Runtime;

/// <summary>
/// A case as stored. There is no "running" status: a run happens inside one transaction, so a case
/// is always seen either before or after it, never half-way.
/// </summary>
public enum InstanceStatus
{
    /// <summary>Waiting on one or more bookmarks.</summary>
    Waiting,

    /// <summary>An activity failed; an open incident says why. Stimuli are kept until it is retried.</summary>
    Faulted,

    /// <summary>Reached an End, or ran out of paths.</summary>
    Completed,

    Cancelled,
}
