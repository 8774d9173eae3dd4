using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;

namespace RightToManage.Host.Identity;

/// <summary>
/// Builds a user's principal from the database: id, email, display name, organisation and its kind, roles, and the
/// security stamp (a password change ends the sessions made before it). Two queries at most.
/// </summary>
public sealed class CallerClaimsFactory(
    UserManager<RtmUser> users,
    RtmIdentityDbContext db,
    IOptions<IdentityOptions> options,
    TimeProvider time) : IUserClaimsPrincipalFactory<RtmUser>
{
    public Task<ClaimsPrincipal> CreateAsync(RtmUser user) => CreateAsync(user, AccessSchemes.Cookie);

    public async Task<ClaimsPrincipal> CreateAsync(RtmUser user, string authenticationType, CancellationToken cancellationToken = default)
    {
        var identity = new ClaimsIdentity(authenticationType, RtmClaims.Name, RtmClaims.Role);
        identity.AddClaim(new Claim(RtmClaims.UserId, user.Id));
        identity.AddClaim(new Claim(RtmClaims.Name, user.UserName ?? user.Email ?? user.Id));
        if (user.Email is { } email) identity.AddClaim(new Claim(RtmClaims.Email, email));
        if (user.DisplayName is { Length: > 0 } displayName) identity.AddClaim(new Claim(RtmClaims.DisplayName, displayName));
        if (user.SecurityStamp is { } stamp) identity.AddClaim(new Claim(options.Value.ClaimsIdentity.SecurityStampClaimType, stamp));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(RtmClaims.OrganisationId, organisationId));
            var kind = user.Organisation?.Kind
                ?? await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Kind).FirstOrDefaultAsync(cancellationToken);
            if (kind is not null) identity.AddClaim(new Claim(RtmClaims.OrganisationKind, kind));
        }
        foreach (var role in await users.GetRolesAsync(user)) identity.AddClaim(new Claim(RtmClaims.Role, role));
        identity.AddClaim(new Claim(RtmClaims.ClaimsAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return new ClaimsPrincipal(identity);
    }
}
