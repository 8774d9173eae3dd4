using System.Security.Claims;

namespace RightToManage.Host.Access;

/// <summary>
/// The claims a signed-in principal carries. User id, name (the email), email and roles use the standard
/// <see cref="ClaimTypes"/>; the rest are ours.
/// </summary>
public static class RtmClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string Name = ClaimTypes.Name;
    public const string Email = ClaimTypes.Email;
    public const string Role = ClaimTypes.Role;
    public const string DisplayName = "rtm:display_name";
    public const string OrganisationId = "rtm:organisation";
    public const string OrganisationKind = "rtm:organisation_kind";

    /// <summary>When the claims were read from the database (Unix seconds); a cookie refreshes them when they are older than a few minutes.</summary>
    public const string ClaimsAt = "rtm:claims_at";

    /// <summary>On API-key principals: the key's id and its shown prefix.</summary>
    public const string ApiKeyId = "rtm:api_key";
    public const string ApiKeyPrefix = "rtm:api_key_prefix";
}
