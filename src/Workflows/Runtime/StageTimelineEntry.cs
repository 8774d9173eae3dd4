namespace RightToManage.Workflows.Runtime;

/// <summary>
/// One stage of a case's process: its place in the process ("Stage 4 of 8"), when it began and ended, the
/// statutory date it must be done by, and the dates planned for it.
/// </summary>
/// <param name="Number">1-based position among the definition's stages.</param>
/// <param name="Of">How many stages the process has.</param>
/// <param name="Status">completed, in-progress or not-started.</param>
/// <param name="DueBy">The last day of the stage's latest statutory deadline (after any extension), if it has had one.</param>
/// <param name="DueSource">The provision that sets <paramref name="DueBy"/>.</param>
/// <param name="PlannedStart">When the stage began, or is planned to begin: the planned end of the stage before it.</param>
/// <param name="PlannedEnd">The statutory last day if there is one, else the planned start plus the stage's planned duration.</param>
public sealed record StageTimelineEntry(
    string Stage,
    int Number,
    int Of,
    string Status,
    DateTimeOffset? Started,
    DateTimeOffset? Ended,
    DateOnly? DueBy,
    string? DueSource,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd)
{
    /// <summary>How a case reads where it is, e.g. "Stage 4 of 8: Competence assessment".</summary>
    public string Label => FormatLabel(Number, Of, Stage);

    internal static string FormatLabel(int number, int of, string stage) => $"Stage {number} of {of}: {stage}";
}
