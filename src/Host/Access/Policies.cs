using Microsoft.AspNetCore.Authorization;

namespace RightToManage.Host.Access;

/// <summary>
/// Authorization policy names, for <c>RequireAuthorization(Policies.X)</c>. Each is satisfied by a cookie session or
/// an API key alike. There is no fallback policy: an endpoint without <c>RequireAuthorization</c> is open.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user or valid API key.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>Role <see cref="Roles.Admin"/>: organisations, users, API keys.</summary>
    public const string Admin = "admin";

    /// <summary>Role <see cref="Roles.Designer"/> or <see cref="Roles.Admin"/>: workflow definitions.</summary>
    public const string Designer = "designer";

    /// <summary>Role <see cref="Roles.TmoMember"/> or <see cref="Roles.TmoCommittee"/>.</summary>
    public const string Tmo = "tmo";

    /// <summary>Role <see cref="Roles.TmoCommittee"/>.</summary>
    public const string TmoCommittee = "tmo-committee";

    /// <summary>Role <see cref="Roles.LaOfficer"/> or <see cref="Roles.LaManager"/>.</summary>
    public const string Council = "council";

    /// <summary>Role <see cref="Roles.LaManager"/>.</summary>
    public const string CouncilManager = "council-manager";

    /// <summary>Role <see cref="Roles.Assessor"/>.</summary>
    public const string Assessor = "assessor";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(Designer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Designer, Roles.Admin));
        options.AddPolicy(Tmo, p => p.RequireAuthenticatedUser().RequireRole(Roles.TmoMember, Roles.TmoCommittee));
        options.AddPolicy(TmoCommittee, p => p.RequireAuthenticatedUser().RequireRole(Roles.TmoCommittee));
        options.AddPolicy(Council, p => p.RequireAuthenticatedUser().RequireRole(Roles.LaOfficer, Roles.LaManager));
        options.AddPolicy(CouncilManager, p => p.RequireAuthenticatedUser().RequireRole(Roles.LaManager));
        options.AddPolicy(Assessor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Assessor));
    }
}
