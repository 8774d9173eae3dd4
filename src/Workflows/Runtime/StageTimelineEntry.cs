namespace RightToManage.Workflows.Runtime;

/// <summary>One stage of a case's process: when it began and ended, and the statutory date it must be done by.</summary>
/// <param name="Status">completed, in-progress or not-started.</param>
/// <param name="DueBy">The last day of the stage's latest statutory deadline (after any extension), if it has had one.</param>
/// <param name="DueSource">The provision that sets <paramref name="DueBy"/>.</param>
public sealed record StageTimelineEntry(
    string Stage,
    string Status,
    DateTimeOffset? Started,
    DateTimeOffset? Ended,
    DateOnly? DueBy,
    string? DueSource);
