using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RightToManage.Host.Access;

namespace RightToManage.Host.Identity;

/// <summary>
/// Demonstration organisations and one user per role, created on first run (no users yet) when the Host runs on the
/// embedded SQLite default or <c>Identity:Seed:Enabled</c> is true, and never in Production. The password is
/// <c>Identity:Seed:Password</c>, or a random one printed once to the console in Development.
/// </summary>
public static class DemoSeed
{
    public const string Council = "demo-council";
    public const string Tmo = "demo-tmo";
    public const string Assessors = "demo-assessors";
    public const string Ballot = "demo-ballot";
    public const string SecretaryOfState = "demo-sos";

    public const string TmoMember = "tmo-member@demo-tmo.example";
    public const string TmoCommittee = "tmo-committee@demo-tmo.example";
    public const string LaOfficer = "la-officer@demo-council.example";
    public const string LaManager = "la-manager@demo-council.example";
    public const string Assessor = "assessor@demo-assessors.example";
    public const string Designer = "designer@demo-council.example";
    public const string Admin = "admin@demo-council.example";

    public sealed record DemoOrganisation(string Id, string Name, string Kind);

    public sealed record DemoUser(string Email, string DisplayName, string OrganisationId, IReadOnlyList<string> Roles);

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new(Council, "Demo Borough Council", OrganisationKinds.LocalAuthority),
        new(Tmo, "Demo Estate TMO", OrganisationKinds.Tmo),
        new(Assessors, "Demo Assessors LLP", OrganisationKinds.AssessorFirm),
        new(Ballot, "Demo Ballot Services", OrganisationKinds.BallotBody),
        new(SecretaryOfState, "Secretary of State (demo)", OrganisationKinds.SecretaryOfState),
    ];

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new(TmoMember, "Tamsin Member", Tmo, [Roles.TmoMember]),
        new(TmoCommittee, "Theo Committee", Tmo, [Roles.TmoCommittee]),
        new(LaOfficer, "Olu Officer", Council, [Roles.LaOfficer]),
        new(LaManager, "Maya Manager", Council, [Roles.LaManager, Roles.LaOfficer]),
        new(Assessor, "Ash Assessor", Assessors, [Roles.Assessor]),
        new(Designer, "Dev Designer", Council, [Roles.Designer]),
        new(Admin, "Ada Admin", Council, [Roles.Admin]),
    ];

    /// <summary>Whether this Host should seed: never in Production; else <c>Identity:Seed:Enabled</c>, defaulting to on for SQLite.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment, string provider) =>
        !environment.IsProduction() && (configuration.GetValue<bool?>("Identity:Seed:Enabled") ?? provider == "sqlite");

    public static string NewPassword() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    /// <summary>Creates the organisations that are missing and the demo users; call in the start-up transaction when there are no users.</summary>
    internal static async Task SeedAsync(RtmIdentityDbContext db, UserManager<RtmUser> users, string password, CancellationToken cancellationToken)
    {
        foreach (var organisation in Organisations)
        {
            if (await db.Organisations.FindAsync([organisation.Id], cancellationToken) is null)
                db.Organisations.Add(new Organisation { Id = organisation.Id, Name = organisation.Name, Kind = organisation.Kind });
        }
        await db.SaveChangesAsync(cancellationToken);

        // One hash for all: they share the password anyway, and PBKDF2 is slow on purpose (every test host seeds).
        string? hash = null;
        foreach (var demo in Users)
        {
            var user = new RtmUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName, OrganisationId = demo.OrganisationId };
            if (hash is null)
            {
                var problems = new List<string>();
                foreach (var validator in users.PasswordValidators)
                {
                    var check = await validator.ValidateAsync(users, user, password);
                    problems.AddRange(check.Errors.Select(e => e.Description));
                }
                if (problems.Count > 0) throw new InvalidOperationException($"Identity:Seed:Password is not acceptable: {string.Join(" ", problems)}");
                hash = users.PasswordHasher.HashPassword(user, password);
            }
            user.PasswordHash = hash;
            Check(await users.CreateAsync(user), demo.Email);
            Check(await users.AddToRolesAsync(user, demo.Roles), demo.Email);
        }
    }

    internal static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
