namespace RightToManage.Host.Access;

/// <summary>What kind of body an organisation is; each takes a different part in the statutory processes.</summary>
public static class OrganisationKinds
{
    /// <summary>A tenant management organisation (or one being formed).</summary>
    public const string Tmo = "tmo";

    /// <summary>A tenant group (e.g. proposing a transfer) that is not, or not yet, a TMO.</summary>
    public const string TenantGroup = "tenant-group";

    /// <summary>The local housing authority: the landlord council.</summary>
    public const string LocalAuthority = "local-authority";

    /// <summary>A firm of independent assessors.</summary>
    public const string AssessorFirm = "assessor-firm";

    /// <summary>An independent body that runs ballots.</summary>
    public const string BallotBody = "ballot-body";

    /// <summary>The Secretary of State (the department acting for them).</summary>
    public const string SecretaryOfState = "secretary-of-state";

    public static IReadOnlyList<string> All { get; } = [Tmo, TenantGroup, LocalAuthority, AssessorFirm, BallotBody, SecretaryOfState];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
