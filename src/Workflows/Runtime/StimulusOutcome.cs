namespace RightToManage.Workflows.Runtime;

public enum StimulusOutcome
{
    /// <summary>The case moved on.</summary>
    Applied,

    /// <summary>Nothing waits for it yet (or the case is faulted); kept and applied when something does.</summary>
    Queued,

    /// <summary>This idempotency key was already received; nothing changed.</summary>
    Duplicate,

    /// <summary>The case cannot take it (finished, cancelled, no such bookmark or incident); nothing changed.</summary>
    Rejected,

    NotFound,
}
