using System.Net.Mail;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;
using RightToManage.Host.Endpoints;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Identity;

/// <summary><c>/api/users</c> and <c>/api/api-keys</c>: administrators add users and issue and revoke their API keys.</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Admin);

        users.MapGet("/", async (RtmIdentityDbContext db, CancellationToken ct) =>
        {
            var all = await db.Users.AsNoTracking().ToListAsync(ct);
            var roles = await RolesByUserAsync(db, null, ct);
            return Results.Ok(all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(u => ToBody(u, roles)));
        });

        users.MapGet("/{id}", async (string id, RtmIdentityDbContext db, CancellationToken ct) =>
            await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } user
                ? Results.Ok(ToBody(user, await RolesByUserAsync(db, id, ct)))
                : Problems.NotFound($"No user {id}."));

        users.MapPost("/", CreateAsync);

        users.MapGet("/{id}/api-keys", async (string id, RtmIdentityDbContext db, CancellationToken ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return Problems.NotFound($"No user {id}.");
            var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == id).ToListAsync(ct);
            return Results.Ok(keys.OrderBy(k => k.CreatedAt).Select(k => new ApiKeyBody(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)));
        });

        users.MapPost("/{id}/api-keys", async (string id, HttpRequest request, RtmIdentityDbContext db, TimeProvider time, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<NewApiKeyRequest>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body!.Name)) return Problems.Field("$.name", "field.required", "Say what the key is for, e.g. \"housing management system\".");
            if (body.Name.Length > 200) return Problems.Field("$.name", "field.tooLong", "A name has at most 200 characters.");
            if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return Problems.NotFound($"No user {id}.");

            var secret = ApiKeys.NewKey();
            var key = new ApiKey
            {
                Id = Guid.NewGuid(),
                UserId = id,
                Name = body.Name.Trim(),
                Prefix = ApiKeys.Shown(secret),
                Hash = ApiKeys.Hash(secret),
                CreatedAt = time.GetUtcNow(),
            };
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/users/{id}/api-keys", new CreatedApiKeyBody(key.Id, secret, key.Prefix, key.Name));
        });

        api.MapDelete("/api-keys/{id:guid}", async (Guid id, RtmIdentityDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
            if (key is null) return Problems.NotFound($"No API key {id}.");
            if (key.RevokedAt is null)
            {
                key.RevokedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }
            return Results.NoContent();
        }).RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, RtmIdentityDbContext db, UserManager<RtmUser> userManager, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, problem) = await RequestBody.ReadAsync<NewUserRequest>(request, json.Value.SerializerOptions, ct);
        if (problem is not null) return problem;
        var errors = new List<ValidationError>();
        var email = body!.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors.Add(new("$.email", "field.required", "Give the user's email address."));
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
            errors.Add(new("$.email", "email.invalid", "That is not an email address."));
        if (string.IsNullOrWhiteSpace(body.DisplayName)) errors.Add(new("$.displayName", "field.required", "Give the name to show for the user."));
        else if (body.DisplayName.Length > 200) errors.Add(new("$.displayName", "field.tooLong", "A display name has at most 200 characters."));
        if (body.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            errors.Add(new("$.organisationId", "organisation.unknown", $"There is no organisation {organisationId}."));
        var roles = body.Roles ?? [];
        for (var i = 0; i < roles.Count; i++)
        {
            if (!Roles.IsKnown(roles[i])) errors.Add(new($"$.roles[{i}]", "role.unknown", $"A role is one of {string.Join(", ", Roles.All)}."));
        }
        var user = new RtmUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = body.DisplayName?.Trim() ?? "", OrganisationId = body.OrganisationId };
        if (string.IsNullOrEmpty(body.Password)) errors.Add(new("$.password", "field.required", $"Give a password of at least {IdentitySetup.MinimumPasswordLength} characters."));
        else
        {
            foreach (var validator in userManager.PasswordValidators)
            {
                var check = await validator.ValidateAsync(userManager, user, body.Password);
                errors.AddRange(check.Errors.Select(e => new ValidationError("$.password", Code("password", e.Code), e.Description)));
            }
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        if (await userManager.FindByEmailAsync(email!) is not null) return Problems.Conflict($"There is already a user {email}.");
        IdentityResult created;
        try
        {
            created = await userManager.CreateAsync(user, body.Password!);
        }
        catch (DbUpdateException)
        {
            // Another request added the same email between the check above and this insert.
            return Problems.Conflict($"There is already a user {email}.");
        }
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return Problems.Conflict($"There is already a user {email}.");
            return Problems.Validation(created.Errors.Select(e => new ValidationError(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "$.password" : "$.email", Code("user", e.Code), e.Description)));
        }
        var distinct = roles.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 0)
        {
            var added = await userManager.AddToRolesAsync(user, distinct);
            if (!added.Succeeded) throw new InvalidOperationException($"Could not give {email} its roles: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
        return Results.Created($"/api/users/{user.Id}", ToBody(user, new Dictionary<string, List<string>> { [user.Id] = distinct }));
    }

    private static string Code(string area, string identityCode) => $"{area}.{char.ToLowerInvariant(identityCode[0])}{identityCode[1..]}";

    private static async Task<Dictionary<string, List<string>>> RolesByUserAsync(RtmIdentityDbContext db, string? userId, CancellationToken ct)
    {
        var pairs = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where userId == null || link.UserId == userId
                           select new { link.UserId, role.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).ToList());
    }

    private static UserBody ToBody(RtmUser user, Dictionary<string, List<string>> roles) => new(
        user.Id,
        user.Email ?? "",
        user.DisplayName,
        user.OrganisationId,
        AuthEndpoints.Order(roles.GetValueOrDefault(user.Id) ?? []),
        // Identity measures lockout against the system clock, not the (possibly offset) TimeProvider.
        user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null);

    private sealed record NewUserRequest(string? Email, string? DisplayName, string? OrganisationId, List<string>? Roles, string? Password);

    private sealed record NewApiKeyRequest(string? Name);

    private sealed record UserBody(string Id, string Email, string DisplayName, string? OrganisationId, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

    private sealed record ApiKeyBody(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    /// <summary>The only time the key itself is shown.</summary>
    private sealed record CreatedApiKeyBody(Guid Id, string Key, string Prefix, string Name);
}
