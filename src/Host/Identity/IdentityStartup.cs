using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RightToManage.Host.Access;

namespace RightToManage.Host.Identity;

/// <summary>
/// Before the server takes requests, in one transaction under the schema lock: create or upgrade the identity tables,
/// add missing roles, and on a database without users seed the demo users or the bootstrap administrator.
/// Hosts starting together on one database take turns; the second finds the work done.
/// </summary>
public sealed class IdentityStartup(
    IServiceScopeFactory scopes,
    IdentityStorage storage,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<IdentityStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Provider == "sqlite")
        {
            var file = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            if (file is { Length: > 0 } && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
        }

        var seed = DemoSeed.IsEnabled(configuration, environment, storage.Provider);
        var configuredPassword = configuration["Identity:Seed:Password"] is { Length: > 0 } p ? p : null;
        var seedPassword = configuredPassword ?? DemoSeed.NewPassword();
        var bootstrapEmail = configuration["Identity:Bootstrap:AdminEmail"] is { Length: > 0 } e ? e : null;
        var bootstrapPassword = configuration["Identity:Bootstrap:AdminPassword"] is { Length: > 0 } bp ? bp : null;
        if (environment.IsProduction() && configuration.GetValue<bool?>("Identity:Seed:Enabled") == true)
            logger.LogWarning("Identity:Seed:Enabled is ignored in Production: demo users are never created there");

        IReadOnlyList<int> applied;
        var seeded = false;
        var bootstrapped = false;
        var noUsers = false;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RtmIdentityDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RtmUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await IdentitySchema.LockAsync(db, cancellationToken);
            applied = await IdentitySchema.UpgradeAsync(db, time, cancellationToken);
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role)) DemoSeed.Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                if (seed)
                {
                    await DemoSeed.SeedAsync(db, users, seedPassword, cancellationToken);
                    seeded = true;
                }
                else if (bootstrapEmail is not null && bootstrapPassword is not null)
                {
                    var admin = new RtmUser { UserName = bootstrapEmail, Email = bootstrapEmail, EmailConfirmed = true, DisplayName = "Administrator" };
                    DemoSeed.Check(await users.CreateAsync(admin, bootstrapPassword), bootstrapEmail);
                    DemoSeed.Check(await users.AddToRoleAsync(admin, Roles.Admin), bootstrapEmail);
                    bootstrapped = true;
                }
                else noUsers = true;
            }
            await transaction.CommitAsync(cancellationToken);
        }

        if (applied.Count > 0) logger.LogInformation("Identity schema upgraded to version {Version} (applied {Applied})", applied[^1], string.Join(", ", applied));
        if (bootstrapped) logger.LogWarning("Created the administrator {Email} from Identity:Bootstrap; remove Identity:Bootstrap:AdminPassword from the configuration", bootstrapEmail);
        if (noUsers)
            logger.LogWarning("There are no users: set Identity:Bootstrap:AdminEmail and Identity:Bootstrap:AdminPassword to create the first administrator");
        if (!seeded) return;
        if (configuredPassword is null && environment.IsDevelopment())
        {
            logger.LogWarning(
                "{NewLine}==================== DEMO USERS (shown once) ===================={NewLine}{Users}{NewLine}  password for all: {Password}{NewLine}==================================================================",
                Environment.NewLine, Environment.NewLine,
                string.Join(Environment.NewLine, DemoSeed.Users.Select(u => $"  {u.Email,-34} {string.Join(", ", u.Roles)}")),
                Environment.NewLine, seedPassword, Environment.NewLine);
        }
        else if (configuredPassword is null)
        {
            logger.LogWarning("Seeded {Count} demo users with a random password that is not shown outside Development; set Identity:Seed:Password to choose one", DemoSeed.Users.Count);
        }
        else
        {
            logger.LogInformation("Seeded {Count} demo users with the password from Identity:Seed:Password", DemoSeed.Users.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The database the identity tables live in: the workflow store's, from the Storage section.</summary>
public sealed record IdentityStorage(string Provider, string ConnectionString);
