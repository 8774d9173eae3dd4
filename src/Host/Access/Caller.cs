using System.Security.Claims;

namespace RightToManage.Host.Access;

/// <summary>
/// Who is making the request: a signed-in user, or an integration using one user's API key. Read from the claims
/// issued at sign-in (a cookie session re-reads them from the database every few minutes) or, for an API key, from
/// the database on every request.
/// </summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Name">The user's sign-in name: their email address.</param>
/// <param name="OrganisationId">The organisation the user belongs to (a slug such as <c>demo-council</c>), if any.</param>
/// <param name="OrganisationKind">That organisation's kind, one of <see cref="OrganisationKinds"/>.</param>
/// <param name="Roles">The user's roles, from <see cref="Access.Roles"/>.</param>
public sealed record Caller(string UserId, string Name, string? OrganisationId, string? OrganisationKind, IReadOnlySet<string> Roles)
{
    /// <summary>The user's display name, e.g. "Olu Officer".</summary>
    public string? DisplayName { get; init; }

    /// <summary>The shown prefix of the API key the request came with (e.g. <c>rtm_Ab3x</c>); null for a cookie session.</summary>
    public string? ApiKeyPrefix { get; init; }

    /// <summary>The id of the API key the request came with; null for a cookie session.</summary>
    public Guid? ApiKeyId { get; init; }

    public bool Has(string role) => Roles.Contains(role);

    public bool IsAdmin => Has(Access.Roles.Admin);

    /// <summary>Whether the organisation is the caller's own.</summary>
    public bool BelongsTo(string? organisationId) => organisationId is not null && string.Equals(OrganisationId, organisationId, StringComparison.Ordinal);

    /// <summary>
    /// What the case journal records as having acted: <c>user:officer@demo-council.example</c>, or for an API key
    /// <c>api-key:rtm_Ab3x (user:officer@demo-council.example)</c>.
    /// </summary>
    public string Actor => ApiKeyPrefix is null ? $"user:{Name}" : $"api-key:{ApiKeyPrefix} (user:{Name})";

    /// <summary>The caller from a principal's claims; null when the principal is anonymous.</summary>
    public static Caller? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true }) return null;
        if (principal.FindFirstValue(RtmClaims.UserId) is not { Length: > 0 } userId) return null;
        return new Caller(
            userId,
            principal.FindFirstValue(RtmClaims.Name) ?? userId,
            principal.FindFirstValue(RtmClaims.OrganisationId),
            principal.FindFirstValue(RtmClaims.OrganisationKind),
            principal.FindAll(RtmClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
        {
            DisplayName = principal.FindFirstValue(RtmClaims.DisplayName),
            ApiKeyPrefix = principal.FindFirstValue(RtmClaims.ApiKeyPrefix),
            ApiKeyId = Guid.TryParse(principal.FindFirstValue(RtmClaims.ApiKeyId), out var keyId) ? keyId : null,
        };
    }

    /// <summary>
    /// Lets a minimal-API handler take a <c>Caller</c> parameter. On an endpoint with <c>RequireAuthorization</c> it is
    /// always there; on an open endpoint declare it <c>Caller?</c> (a missing non-nullable one is a 400).
    /// </summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(context.GetCaller());
}

public static class CallerExtensions
{
    private static readonly object Key = new();

    /// <summary>The caller, or null when the request is anonymous.</summary>
    public static Caller? GetCaller(this HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var cached) && cached is (ClaimsPrincipal principal, Caller caller) && ReferenceEquals(principal, context.User))
            return caller;
        var read = Caller.FromPrincipal(context.User);
        if (read is not null) context.Items[Key] = (context.User, read);
        return read;
    }

    /// <summary>The caller; throws when the request is anonymous (use behind <c>RequireAuthorization</c>).</summary>
    public static Caller GetRequiredCaller(this HttpContext context) =>
        context.GetCaller() ?? throw new InvalidOperationException("The request is anonymous; the endpoint needs RequireAuthorization.");
}
