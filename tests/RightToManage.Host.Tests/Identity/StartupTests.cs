using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RightToManage.Host.Access;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests.Identity;

/// <summary>The identity tables and demo users are created once, however many hosts start together.</summary>
public class StartupTests
{
    private static readonly (string, string)[] SeedSettings = [("Identity:Seed:Enabled", "true"), ("Identity:Seed:Password", HostFactory.DemoPassword)];

    [Fact]
    public async Task Two_host_processes_starting_at_once_on_one_postgres_database_both_come_up()
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        var nodes = await Task.WhenAll(
            HostProcess.StartAsync(connectionString, TimeSpan.Zero, SeedSettings),
            HostProcess.StartAsync(connectionString, TimeSpan.Zero, SeedSettings));
        try
        {
            foreach (var node in nodes)
            {
                using var client = node.CreateClient();
                var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Admin, password = HostFactory.DemoPassword });
                signIn.StatusCode.Should().Be(HttpStatusCode.OK);
                (await client.GetFromJsonAsync<JsonElement>("/api/users")).GetArrayLength().Should().Be(DemoSeed.Users.Count, "the users were seeded once");
            }
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT COUNT(*), MAX(version) FROM id_schema_version", connection);
        await using var reader = await versions.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).Should().Be(1);
        reader.GetInt32(1).Should().Be(IdentitySchema.LatestVersion);
        await reader.CloseAsync();
        await using var roles = new NpgsqlCommand("SELECT COUNT(*) FROM id_roles", connection);
        ((long)(await roles.ExecuteScalarAsync())!).Should().Be(Roles.All.Count);
    }

    [Fact]
    public async Task Two_hosts_starting_at_once_on_one_sqlite_file_both_come_up()
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Sqlite);
        var settings = new Dictionary<string, string> { ["Timers:Enabled"] = "false" };
        await using var first = new HostFactory(TestDatabases.Sqlite, connectionString, null, settings);
        await using var second = new HostFactory(TestDatabases.Sqlite, connectionString, null, settings);
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        foreach (var host in new[] { first, second })
        {
            using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
            (await admin.GetFromJsonAsync<JsonElement>("/api/users")).GetArrayLength().Should().Be(DemoSeed.Users.Count);
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'id\\_%' ESCAPE '\\' ORDER BY name";
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        names.Should().BeEquivalentTo("id_api_keys", "id_organisations", "id_role_claims", "id_roles", "id_schema_version", "id_user_claims", "id_user_logins", "id_user_roles", "id_user_tokens", "id_users");
    }

    [Fact]
    public async Task A_host_without_seeding_has_no_users_and_a_second_start_changes_nothing()
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        var off = new Dictionary<string, string> { ["Identity:Seed:Enabled"] = "false" };
        await using (var unseeded = new HostFactory(TestDatabases.Postgres, connectionString, null, off))
        {
            var signIn = await unseeded.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Admin, password = HostFactory.DemoPassword });
            signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        var bootstrap = new Dictionary<string, string>
        {
            ["Identity:Seed:Enabled"] = "false",
            ["Identity:Bootstrap:AdminEmail"] = "root@council.example",
            ["Identity:Bootstrap:AdminPassword"] = "a long bootstrap password",
        };
        await using (var bootstrapped = new HostFactory(TestDatabases.Postgres, connectionString, null, bootstrap))
        {
            using var admin = await SignedIn.WithCookieAsync(bootstrapped, "root@council.example", "a long bootstrap password");
            var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
            me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("admin");
            me.GetProperty("organisation").ValueKind.Should().Be(JsonValueKind.Null);
        }
        await using (var seededLater = new HostFactory(TestDatabases.Postgres, connectionString, null, null))
        {
            using var admin = await SignedIn.WithCookieAsync(seededLater, "root@council.example", "a long bootstrap password");
            (await admin.GetFromJsonAsync<JsonElement>("/api/users")).GetArrayLength().Should().Be(1, "demo users are only seeded into a database without users");
        }
    }

    [Theory]
    [InlineData("Development", "sqlite", null, true)]
    [InlineData("Development", "postgres", null, false)]
    [InlineData("Development", "postgres", "true", true)]
    [InlineData("Development", "sqlite", "false", false)]
    [InlineData("Testing", "postgres", "true", true)]
    [InlineData("Production", "sqlite", null, false)]
    [InlineData("Production", "postgres", "true", false)]
    public void Seeding_follows_the_provider_and_the_setting_and_never_runs_in_production(string environment, string provider, string? enabled, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(enabled is null ? [] : [new KeyValuePair<string, string?>("Identity:Seed:Enabled", enabled)])
            .Build();
        DemoSeed.IsEnabled(configuration, new Environment(environment), provider).Should().Be(expected);
    }

    [Fact]
    public void The_caller_is_read_from_claims_and_names_its_actor()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(RtmClaims.UserId, "u1"),
            new Claim(RtmClaims.Name, "la-officer@demo-council.example"),
            new Claim(RtmClaims.OrganisationId, "demo-council"),
            new Claim(RtmClaims.OrganisationKind, "local-authority"),
            new Claim(RtmClaims.Role, "la-officer"),
            new Claim(RtmClaims.Role, "la-manager"),
        ], AccessSchemes.Cookie, RtmClaims.Name, RtmClaims.Role);
        var caller = Caller.FromPrincipal(new ClaimsPrincipal(identity))!;
        caller.Should().NotBeNull();
        caller.Has(Roles.LaManager).Should().BeTrue();
        caller.Has(Roles.Admin).Should().BeFalse();
        caller.IsAdmin.Should().BeFalse();
        caller.OrganisationKind.Should().Be(OrganisationKinds.LocalAuthority);
        caller.Actor.Should().Be("user:la-officer@demo-council.example");

        identity.AddClaim(new Claim(RtmClaims.ApiKeyPrefix, "rtm_Ab3x"));
        Caller.FromPrincipal(new ClaimsPrincipal(identity))!.Actor.Should().Be("api-key:rtm_Ab3x (user:la-officer@demo-council.example)");
        Caller.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity())).Should().BeNull("an unauthenticated principal is no caller");
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
