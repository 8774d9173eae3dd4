using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;

namespace RightToManage.Host.Identity;

/// <summary>
/// Keeps a cookie session's claims current: every <see cref="DefaultInterval"/> (<c>Identity:Cookie:RefreshInterval</c>)
/// the user is read again (organisation, roles); a deleted user or a changed security stamp (e.g. a new password) ends
/// the session.
/// </summary>
internal static class SessionRefresh
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan interval)
    {
        if (context.Principal is not { } principal) return;
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (long.TryParse(principal.FindFirstValue(RtmClaims.ClaimsAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            && now - DateTimeOffset.FromUnixTimeSeconds(at) < interval)
            return;

        var users = services.GetRequiredService<UserManager<RtmUser>>();
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var user = principal.FindFirstValue(RtmClaims.UserId) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || user.SecurityStamp != principal.FindFirstValue(stampType))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccessSchemes.Cookie);
            return;
        }
        context.ReplacePrincipal(await services.GetRequiredService<CallerClaimsFactory>().CreateAsync(user, AccessSchemes.Cookie, context.HttpContext.RequestAborted));
        context.ShouldRenew = true;
    }
}
