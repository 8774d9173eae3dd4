using RightToManage.Workflows.Tasks;

namespace RightToManage.Host.Access;

/// <summary>
/// Who may see and work a task: people of the organisation that holds it (with its role, to take it), its assignee,
/// a manager of that organisation to hand it on, and admins.
/// </summary>
public static class TaskAccess
{
    public static bool CanSee(Caller caller, TaskRecord task) =>
        caller.IsAdmin || caller.BelongsTo(task.CandidateOrganisation) || IsAssignee(caller, task);

    /// <summary>May take the task: in its organisation with its role (if it names one).</summary>
    public static bool IsEligible(Caller caller, TaskRecord task) =>
        caller.BelongsTo(task.CandidateOrganisation) && (task.CandidateRole is null || caller.Has(task.CandidateRole));

    public static bool IsAssignee(Caller caller, TaskRecord task) => task.Assignee is { } assignee && string.Equals(assignee, caller.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Hand the task to someone else, or take it back from its holder: the holding organisation's manager
    /// (a council manager, or a TMO's committee), or an admin.</summary>
    public static bool CanManage(Caller caller, TaskRecord task) =>
        caller.IsAdmin || (caller.BelongsTo(task.CandidateOrganisation) && (caller.Has(Roles.LaManager) || caller.Has(Roles.TmoCommittee)));

    /// <summary>Complete: its assignee, or anyone eligible while nobody holds it (they take it as they complete it).</summary>
    public static bool CanComplete(Caller caller, TaskRecord task) =>
        IsAssignee(caller, task) || (task.Assignee is null && IsEligible(caller, task));
}
