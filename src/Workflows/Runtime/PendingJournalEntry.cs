using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>A journal entry produced by a run, chained and hashed when the run commits.</summary>
internal sealed record PendingJournalEntry(DateTimeOffset At, JournalEntryKind Kind, string? Activity, string Actor, string Data);
