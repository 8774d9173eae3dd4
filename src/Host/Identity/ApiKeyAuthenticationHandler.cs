using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;

namespace RightToManage.Host.Identity;

/// <summary>
/// <c>Authorization: ApiKey rtm_…</c>: looks the key's hash up, refuses revoked keys, and acts as the key's user with
/// the user's current organisation and roles (read on every request, so a revocation or role change takes effect at
/// once). <see cref="ApiKey.LastUsedAt"/> is written at most once a minute.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RtmIdentityDbContext db,
    CallerClaimsFactory claims,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeys.TryRead(Request, out var key)) return AuthenticateResult.NoResult();
        if (!ApiKeys.IsWellFormed(key)) return AuthenticateResult.Fail("The API key is not well-formed.");
        var hash = ApiKeys.Hash(key);
        var found = await db.ApiKeys.AsNoTracking()
            .Include(k => k.User).ThenInclude(u => u!.Organisation)
            .FirstOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
        if (found?.User is null || found.RevokedAt is not null) return AuthenticateResult.Fail("The API key is unknown or has been revoked.");

        var now = time.GetUtcNow();
        if (found.LastUsedAt is not { } last || now - last >= LastUsedResolution)
            await db.ApiKeys.Where(k => k.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var principal = await claims.CreateAsync(found.User, Scheme.Name, Context.RequestAborted);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(RtmClaims.ApiKeyId, found.Id.ToString()));
        identity.AddClaim(new Claim(RtmClaims.ApiKeyPrefix, found.Prefix));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = ApiKeys.HeaderScheme;
        await AccessProblems.UnauthorizedAsync(Context, result.Failure?.Message ?? "Send a valid API key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.ForbiddenAsync(Context);
}
