using System.Collections.Frozen;

namespace RightToManage.Workflows.Parties;

/// <summary>
/// The parties a statutory case can have, by the role they play. Definitions address notifications to
/// roles, never to addresses: each case holds its own contacts for them.
/// </summary>
public static class PartyRoles
{
    public const string TmoSecretary = "tmo-secretary";
    public const string TmoCommittee = "tmo-committee";
    public const string CouncilHousingTeam = "council-housing-team";
    public const string Officer = "officer";
    public const string OfficerManager = "officer-manager";
    public const string Assessor = "assessor";
    public const string BallotBody = "ballot-body";
    public const string SecretaryOfState = "secretary-of-state";

    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        [TmoSecretary] = "TMO secretary",
        [TmoCommittee] = "TMO committee",
        [CouncilHousingTeam] = "council housing team",
        [Officer] = "council officer",
        [OfficerManager] = "council officer's manager",
        [Assessor] = "approved assessor",
        [BallotBody] = "ballot body",
        [SecretaryOfState] = "Secretary of State's office",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every known role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [TmoSecretary, TmoCommittee, CouncilHousingTeam, Officer, OfficerManager, Assessor, BallotBody, SecretaryOfState];

    public static bool IsKnown(string role) => Names.ContainsKey(role);

    /// <summary>How a message addresses a role, e.g. "TMO committee".</summary>
    public static string DisplayName(string role) => Names.GetValueOrDefault(role, role);
}
