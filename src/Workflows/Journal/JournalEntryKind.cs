namespace RightToManage.Workflows.Journal;

/// <summary>What a journal entry records. Stored by name, so new kinds may be added but none renamed.</summary>
public enum JournalEntryKind
{
    CaseStarted,
    StageEntered,
    ActivityStarted,
    ActivityCompleted,
    ActivitySuspended,
    ActivityResumed,
    TokenAbsorbed,
    BranchesCancelled,
    VariableChanged,
    EventReceived,
    EventQueued,
    OutboxMessageAdded,
    DeadlineSet,
    DeadlineExtended,
    DeadlineExpired,
    ReminderDue,
    TimerFired,
    IncidentRaised,
    IncidentRetried,
    CaseCompleted,
    CaseCancelled,
    PartiesChanged,
    TaskClaimed,
    TaskUnclaimed,
    TaskReassigned,
    TaskCompleted,
    CaseHeld,
    CaseReleased,
}
