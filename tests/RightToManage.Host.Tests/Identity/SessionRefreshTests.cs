using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests.Identity;

/// <summary>A cookie session re-reads its user's roles, and ends when the user's security stamp changes.</summary>
public class SessionRefreshTests
{
    [Fact]
    public async Task A_session_picks_up_a_removed_role_and_ends_when_the_security_stamp_changes()
    {
        await using var host = await HostFactory.CreateAsync(settings: new Dictionary<string, string> { ["Identity:Cookie:RefreshInterval"] = "00:00:00" });
        using var admin = await SignedIn.WithCookieAsync(host, DemoSeed.Admin);
        (await admin.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);

        await ExecuteAsync(host, """
            DELETE FROM id_user_roles WHERE user_id = (SELECT id FROM id_users WHERE email = 'admin@demo-council.example')
            """);
        (await admin.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the session no longer claims the admin role");
        (await admin.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        await ExecuteAsync(host, "UPDATE id_users SET security_stamp = 'changed' WHERE email = 'admin@demo-council.example'");
        (await admin.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a new security stamp ends older sessions");
    }

    [Fact]
    public async Task By_default_a_session_keeps_its_claims_for_a_few_minutes()
    {
        await using var host = await HostFactory.CreateAsync();
        using var admin = await SignedIn.WithCookieAsync(host, DemoSeed.Admin);
        await ExecuteAsync(host, """
            DELETE FROM id_user_roles WHERE user_id = (SELECT id FROM id_users WHERE email = 'admin@demo-council.example')
            """);
        (await admin.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync("/api/auth/sign-out", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Admin, password = HostFactory.DemoPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "signing in again reads the roles afresh");
    }

    private static async Task ExecuteAsync(HostFactory host, string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
