namespace RightToManage.Workflows.Journal;

/// <summary>
/// One committed run of a case in its audit trail: when, by whom, and every step it took. The
/// <see cref="Hash"/> covers all of it and the previous record's hash, so altering, removing or
/// reordering anything is detected by verification. One record per commit (rather than per step)
/// keeps the trail complete while writing one row per transition.
/// </summary>
/// <param name="StepsJson">The steps as compact JSON, hashed exactly as stored.</param>
public sealed record JournalRecord(
    Guid InstanceId,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string StepsJson,
    string PreviousHash,
    string Hash)
{
    /// <summary>The steps of this run, in the order they happened.</summary>
    public IReadOnlyList<JournalEntry> Entries => JournalChain.ReadSteps(this);
}
