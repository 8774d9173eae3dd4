namespace RightToManage.Host.Access;

/// <summary>The roles a user can hold. A user may hold several (a council manager is usually also an officer).</summary>
public static class Roles
{
    /// <summary>A member of a tenant management organisation (or of a tenant group proposing one).</summary>
    public const string TmoMember = "tmo-member";

    /// <summary>On the TMO's committee: acts for the organisation (serves notices, signs off stages).</summary>
    public const string TmoCommittee = "tmo-committee";

    /// <summary>A council officer who works the cases.</summary>
    public const string LaOfficer = "la-officer";

    /// <summary>A council manager: decides, assigns and escalates.</summary>
    public const string LaManager = "la-manager";

    /// <summary>An independent assessor (competence, ballot) working for an assessor firm.</summary>
    public const string Assessor = "assessor";

    /// <summary>Edits and publishes workflow definitions.</summary>
    public const string Designer = "designer";

    /// <summary>Manages organisations, users and API keys.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [TmoMember, TmoCommittee, LaOfficer, LaManager, Assessor, Designer, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
