namespace RightToManage.Workflows.Runtime;

/// <summary>
/// A pause of a whole case (e.g. while the Secretary of State decides a council's application to halt a Right
/// to Transfer proposal). The waits that existed when the hold began are frozen: their events and timers are
/// kept and applied after the hold ends, and their tasks cannot be completed. Waits begun during the hold (the
/// decision that ends it) go on as usual.
/// </summary>
/// <param name="Activity">The activity that placed the hold.</param>
/// <param name="Frozen">Ids of the bookmarks frozen by the hold.</param>
public sealed record CaseHold(string Activity, string Reason, string? Source, DateTimeOffset Since, IReadOnlyList<string> Frozen)
{
    public bool Freezes(Bookmark bookmark) => Frozen.Contains(bookmark.Id);
}
