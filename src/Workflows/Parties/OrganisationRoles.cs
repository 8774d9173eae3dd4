using System.Collections.Frozen;

namespace RightToManage.Workflows.Parties;

/// <summary>
/// The organisations a case is between, by the part they play (e.g. the TMO and the local authority).
/// Who may see a case, and who holds its tasks, follows from these.
/// </summary>
public static class OrganisationRoles
{
    public const string Tmo = "tmo";
    public const string TenantGroup = "tenant-group";
    public const string LocalAuthority = "local-authority";
    public const string Assessor = "assessor";
    public const string BallotBody = "ballot-body";
    public const string SecretaryOfState = "secretary-of-state";

    public static IReadOnlyList<string> All { get; } = [Tmo, TenantGroup, LocalAuthority, Assessor, BallotBody, SecretaryOfState];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string role) => Known.Contains(role);
}
