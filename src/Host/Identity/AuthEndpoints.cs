using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;
using RightToManage.Host.Endpoints;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Identity;

/// <summary><c>/api/auth</c>: sign in and out with the session cookie, who am I, and the anti-forgery token.</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth");

        group.MapPost("/sign-in", SignInAsync).WithMetadata(new SkipApiAntiforgery());

        group.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(AccessSchemes.Cookie);
            return Results.NoContent();
        });

        group.MapGet("/me", async (HttpContext http, RtmIdentityDbContext db, UserManager<RtmUser> users, CancellationToken ct) =>
        {
            var caller = http.GetRequiredCaller();
            var user = await db.Users.AsNoTracking().Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == caller.UserId, ct);
            return user is null ? Results.Problem(detail: "Your user no longer exists.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
                : Results.Ok(await MeAsync(user, users, db, ct));
        }).RequireAuthorization(Policies.Authenticated);

        group.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new AntiforgeryBody(tokens.RequestToken!, tokens.HeaderName ?? ApiAntiforgeryMiddleware.HeaderName));
        });
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http,
        UserManager<RtmUser> users,
        SignInManager<RtmUser> signIn,
        CallerClaimsFactory claims,
        RtmIdentityDbContext db,
        IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync<SignInBody>(http.Request, json.Value.SerializerOptions, ct);
        if (problem is not null) return problem;
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(body!.Email)) errors.Add(new("$.email", "field.required", "Give your email address."));
        if (string.IsNullOrEmpty(body.Password)) errors.Add(new("$.password", "field.required", "Give your password."));
        if (errors.Count > 0) return Problems.Validation(errors);

        var user = await users.FindByEmailAsync(body.Email!.Trim());
        if (user is null)
        {
            // As slow as checking a real password, so the answer's timing does not tell who has an account.
            users.PasswordHasher.VerifyHashedPassword(new RtmUser(), DummyHash.Value, body.Password!);
            return WrongPassword();
        }
        var result = await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = (await users.GetLockoutEndDateAsync(user))?.ToUniversalTime();
            return Results.Problem(
                detail: until is { } end
                    ? $"Too many failed sign-ins: this account is locked until {end:yyyy-MM-dd HH:mm:ss} UTC."
                    : "This account is locked.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Locked out",
                extensions: new Dictionary<string, object?> { ["lockedOutUntil"] = until });
        }
        if (!result.Succeeded) return WrongPassword();

        var principal = await claims.CreateAsync(user, AccessSchemes.Cookie, ct);
        await http.SignInAsync(AccessSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
        return Results.Ok(await MeAsync(user, users, db, ct));
    }

    private static IResult WrongPassword() =>
        Results.Problem(detail: "The email address or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<RtmUser>().HashPassword(new RtmUser(), Guid.NewGuid().ToString()));

    internal static async Task<MeBody> MeAsync(RtmUser user, UserManager<RtmUser> users, RtmIdentityDbContext db, CancellationToken ct)
    {
        var organisation = user.Organisation ?? (user.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct)
            : null);
        var roles = await users.GetRolesAsync(user);
        return new MeBody(user.Id, user.Email ?? "", user.DisplayName,
            organisation is null ? null : new OrganisationBody(organisation.Id, organisation.Name, organisation.Kind), Order(roles));
    }

    internal static IReadOnlyList<string> Order(IEnumerable<string> roles) =>
        roles.OrderBy(r => RoleRank.GetValueOrDefault(r, int.MaxValue)).ThenBy(r => r, StringComparer.Ordinal).ToList();

    private static readonly Dictionary<string, int> RoleRank = Roles.All.Select((role, i) => (role, i)).ToDictionary(x => x.role, x => x.i);

    private sealed record SignInBody(string? Email, string? Password);

    private sealed record AntiforgeryBody(string Token, string HeaderName);
}

/// <summary>The caller as <c>GET /api/auth/me</c> and sign-in answer it.</summary>
public sealed record MeBody(
    string UserId,
    string Email,
    string DisplayName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OrganisationBody? Organisation,
    IReadOnlyList<string> Roles);

public sealed record OrganisationBody(string Id, string Name, string Kind);
