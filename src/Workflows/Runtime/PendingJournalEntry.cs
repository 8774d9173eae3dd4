using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>A step recorded by a run; the run's steps become one journal record when it commits.</summary>
internal sealed record PendingJournalEntry(JournalEntryKind Kind, string? Activity, string Data);
