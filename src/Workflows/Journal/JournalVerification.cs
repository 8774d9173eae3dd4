namespace RightToManage.Workflows.Journal;

/// <summary>The outcome of verifying a case's journal.</summary>
public sealed record JournalVerification(bool IsValid, long RecordsChecked, long? FirstBadSequence, string? Problem)
{
    internal static JournalVerification Broken(long sequence, string problem) => new(false, sequence - 1, sequence, problem);
}
