using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RightToManage.Host.Access;
using RightToManage.Host.Hosting;

namespace RightToManage.Host.Identity;

public static class IdentitySetup
{
    /// <summary>Lockout: this many failed sign-ins in a row …</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>… lock the account for this long.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const int MinimumPasswordLength = 12;

    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    /// <summary>
    /// ASP.NET Core Identity on the workflow store's database, the session cookie and API keys behind one policy
    /// scheme, the authorization <see cref="Policies"/>, anti-forgery, and the start-up that creates the tables.
    /// </summary>
    public static WebApplicationBuilder AddSignInAndAccess(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var (provider, connectionString) = storage.Resolve();
        var services = builder.Services;
        services.AddSingleton(new IdentityStorage(provider, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<RtmIdentityDbContext>(options =>
        {
            if (provider == "postgres") options.UseNpgsql(connectionString);
            else options.UseSqlite(connectionString);
        });

        services.AddIdentityCore<RtmUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.SignIn.RequireConfirmedEmail = false;
                // NCSC: length, not composition rules.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RtmIdentityDbContext>()
            .AddSignInManager();
        services.AddScoped<CallerClaimsFactory>();
        services.AddScoped<IUserClaimsPrincipalFactory<RtmUser>>(sp => sp.GetRequiredService<CallerClaimsFactory>());

        var alwaysSecure = builder.Configuration.GetValue("Identity:Cookie:AlwaysSecure", false);
        var refresh = builder.Configuration.GetValue("Identity:Cookie:RefreshInterval", SessionRefresh.DefaultInterval);
        services.AddAuthentication(AccessSchemes.Default)
            .AddPolicyScheme(AccessSchemes.Default, "Session cookie or API key", options =>
                options.ForwardDefaultSelector = context => ApiKeys.IsPresent(context.Request) ? AccessSchemes.ApiKey : AccessSchemes.Cookie)
            .AddCookie(AccessSchemes.Cookie, options =>
            {
                options.Cookie.Name = "rtm.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = alwaysSecure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLength;
                options.SlidingExpiration = true;
                options.LoginPath = "/sign-in";
                options.AccessDeniedPath = "/sign-in";
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = context => SessionRefresh.ValidateAsync(context, refresh),
                    OnRedirectToLogin = context => AccessProblems.IsApi(context.Request)
                        ? AccessProblems.UnauthorizedAsync(context.HttpContext)
                        : Redirect(context),
                    OnRedirectToAccessDenied = context => AccessProblems.IsApi(context.Request)
                        ? AccessProblems.ForbiddenAsync(context.HttpContext)
                        : Redirect(context),
                    OnRedirectToLogout = context => AccessProblems.IsApi(context.Request) ? Task.CompletedTask : Redirect(context),
                    OnRedirectToReturnUrl = context => AccessProblems.IsApi(context.Request) ? Task.CompletedTask : Redirect(context),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessSchemes.ApiKey, null);
        services.AddAuthorization(Policies.Add);

        services.AddAntiforgery(options =>
        {
            options.HeaderName = ApiAntiforgeryMiddleware.HeaderName;
            options.Cookie.Name = "rtm.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = alwaysSecure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddHostedService<IdentityStartup>();
        return builder;
    }

    /// <summary>Authentication, authorization and the API's anti-forgery check, in that order (after routing).</summary>
    public static WebApplication UseSignInAndAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ApiAntiforgeryMiddleware>();
        return app;
    }

    /// <summary><c>/auth/*</c>, <c>/organisations</c>, <c>/users</c>, <c>/api-keys</c> under the given (API) group.</summary>
    public static IEndpointRouteBuilder MapSignInAndAccessEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapAuthEndpoints();
        api.MapOrganisationEndpoints();
        api.MapUserEndpoints();
        return api;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
