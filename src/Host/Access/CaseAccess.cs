using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Access;

/// <summary>
/// Who may see and change a case. A case is visible to the organisations it is between (its
/// <c>organisations</c>), to designers (read only, for the case viewer) and to admins; to anyone else it does not
/// exist (404, so that case ids reveal nothing). Enforced here, in the API, never only in the web app.
/// </summary>
public static class CaseAccess
{
    /// <summary>Roles that act on a case of their organisation (send events, set contacts). Members only follow it.</summary>
    private static readonly string[] Actors = [Roles.TmoCommittee, Roles.LaOfficer, Roles.LaManager, Roles.Assessor];

    public static bool CanSee(Caller caller, IReadOnlyDictionary<string, string> organisations) =>
        caller.IsAdmin || caller.Has(Roles.Designer) || IsParty(caller, organisations);

    /// <summary>Whether the caller's organisation is one the case is between.</summary>
    public static bool IsParty(Caller caller, IReadOnlyDictionary<string, string> organisations) =>
        caller.OrganisationId is { } own && organisations.Values.Contains(own, StringComparer.Ordinal);

    /// <summary>Send events, set contacts: an acting role in one of the case's organisations, or an admin.</summary>
    public static bool CanAct(Caller caller, IReadOnlyDictionary<string, string> organisations) =>
        caller.IsAdmin || (IsParty(caller, organisations) && Actors.Any(caller.Has));

    /// <summary>Extend a statutory deadline: the council's manager on the case, or an admin.</summary>
    public static bool CanExtendDeadlines(Caller caller, IReadOnlyDictionary<string, string> organisations) =>
        caller.IsAdmin || (caller.Has(Roles.LaManager) && IsParty(caller, organisations));

    /// <summary>Repair (retry incidents, resend mail) and cancel: admins; a council manager on the case may cancel.</summary>
    public static bool CanRepair(Caller caller) => caller.IsAdmin;

    public static bool CanCancel(Caller caller, IReadOnlyDictionary<string, string> organisations) =>
        caller.IsAdmin || (caller.Has(Roles.LaManager) && IsParty(caller, organisations));

    /// <summary>
    /// Start a case: the caller's organisation must be one it is between (an admin may start any), and the caller must
    /// hold an acting role.
    /// </summary>
    public static bool CanStart(Caller caller, IReadOnlyDictionary<string, string> organisations) => CanAct(caller, organisations);

    /// <summary>The case if the caller may see it; null when it does not exist or is hidden from them (both are 404).</summary>
    public static async Task<InstanceSnapshot?> FindVisibleAsync(WorkflowRuntime runtime, Guid id, Caller caller, CancellationToken cancellationToken) =>
        await runtime.GetAsync(id, cancellationToken) is { } snapshot && CanSee(caller, snapshot.Organisations) ? snapshot : null;
}
