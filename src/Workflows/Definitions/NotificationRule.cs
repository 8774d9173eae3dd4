namespace RightToManage.Workflows.Definitions;

/// <summary>
/// Who is told, and with which template, when something happens to a case (a stage changes, a deadline
/// nears or passes). Recipients are party roles; the case supplies their addresses.
/// </summary>
public sealed record NotificationRule
{
    /// <summary>Party roles, e.g. <c>["officer"]</c>.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>A template in <c>workflow-definitions/templates</c>; each kind of rule has a default.</summary>
    public string? Template { get; init; }
}
