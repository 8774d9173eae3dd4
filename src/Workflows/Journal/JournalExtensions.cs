namespace RightToManage.Workflows.Journal;

public static class JournalExtensions
{
    /// <summary>Every step of the case, in order.</summary>
    public static IReadOnlyList<JournalEntry> Steps(this IEnumerable<JournalRecord> records) => records.SelectMany(r => r.Entries).ToList();
}
