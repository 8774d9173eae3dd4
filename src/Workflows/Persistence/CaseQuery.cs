namespace RightToManage.Workflows.Persistence;

/// <summary>Which cases a list shows; conditions combine with AND; newest case first.</summary>
public sealed record CaseQuery
{
    /// <summary>Only cases this organisation is a party to (null: every case, for administrators).</summary>
    public string? VisibleTo { get; init; }

    public Runtime.InstanceStatus? Status { get; init; }

    /// <summary>Cases currently in this stage (its exact label, e.g. "Council decision").</summary>
    public string? Stage { get; init; }

    /// <summary>Cases that have this organisation as a party (within what <see cref="VisibleTo"/> allows).</summary>
    public string? Organisation { get; init; }

    public string? DefinitionId { get; init; }

    /// <summary>Cases with a statutory deadline passing before this instant.</summary>
    public DateTimeOffset? DeadlineBefore { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 25;

    /// <summary>Counting matches stops here: beyond it the total is "more than" (paging still works).</summary>
    public int CountUpTo { get; init; } = 10_000;
}
