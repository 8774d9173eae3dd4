namespace RightToManage.Workflows.Journal;

/// <summary>One step of a case, as read from its <see cref="JournalRecord"/>.</summary>
/// <param name="Sequence">The record (committed run) the step belongs to.</param>
/// <param name="Step">The step's position within that run, from 1.</param>
/// <param name="Data">Compact JSON describing the step.</param>
public sealed record JournalEntry(
    long Sequence,
    int Step,
    DateTimeOffset At,
    JournalEntryKind Kind,
    string? Activity,
    string Actor,
    string Data);
