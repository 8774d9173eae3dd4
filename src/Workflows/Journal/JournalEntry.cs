namespace RightToManage.Workflows.Journal;

/// <summary>
/// One step of a case's audit trail. <see cref="Hash"/> covers every other field and the
/// previous entry's hash, so altering, removing or reordering entries is detected by verification.
/// </summary>
/// <param name="Data">Compact JSON describing the step; hashed exactly as stored.</param>
public sealed record JournalEntry(
    Guid InstanceId,
    long Sequence,
    DateTimeOffset At,
    JournalEntryKind Kind,
    string? Activity,
    string Actor,
    string Data,
    string PreviousHash,
    string Hash);
