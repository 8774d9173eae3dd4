namespace RightToManage.Workflows.Tasks;

/// <summary>Which open tasks an inbox shows. Conditions combine with AND; a page is sorted by due date, soonest first.</summary>
public sealed record TaskQuery
{
    /// <summary>Tasks held by this organisation.</summary>
    public string? Organisation { get; init; }

    /// <summary>Tasks that need one of these roles (or none).</summary>
    public IReadOnlyCollection<string>? Roles { get; init; }

    /// <summary>Tasks claimed by this person.</summary>
    public string? Assignee { get; init; }

    /// <summary>Only tasks whose deadline has passed at this instant.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    public Guid? InstanceId { get; init; }

    /// <summary>Open tasks by default; null for tasks in any state (a case's history).</summary>
    public HumanTaskStatus? Status { get; init; } = HumanTaskStatus.Open;

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>
    /// Stop counting the total here (null: count them all). The store then returns at most this plus one, so a total
    /// above it means "more than this": an administrator's list of every open task would otherwise count a million rows.
    /// </summary>
    public int? CountUpTo { get; init; }
}
