using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests.Identity;

/// <summary>API keys for integrations: shown once, stored hashed, usable without anti-forgery, revocable.</summary>
public class ApiKeyTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_key_is_created_used_and_revoked(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        using var admin = await SignedIn.WithCookieAsync(host, DemoSeed.Admin);
        var officerId = await UserIdAsync(admin, DemoSeed.LaOfficer);

        var created = await admin.PostAsJsonAsync($"/api/users/{officerId}/api-keys", new { name = "housing management system" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("id").GetGuid();
        key.Should().MatchRegex("^rtm_[A-Za-z0-9_-]{43}$");
        body.GetProperty("prefix").GetString().Should().Be(key[..8]);

        using var integration = host.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        var me = await integration.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("email").GetString().Should().Be(DemoSeed.LaOfficer);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("la-officer");

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/users/{officerId}/api-keys");
        var entry = listed.EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == keyId);
        entry.GetProperty("prefix").GetString().Should().Be(key[..8]);
        entry.GetProperty("name").GetString().Should().Be("housing management system");
        entry.TryGetProperty("lastUsedAt", out _).Should().BeTrue("the key was just used");
        entry.TryGetProperty("revokedAt", out _).Should().BeFalse();
        listed.GetRawText().Should().NotContain(key[8..], "the key itself is shown only once");

        (await host.CreateClient().DeleteAsync($"/api/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await integration.DeleteAsync($"/api/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an officer cannot revoke keys");
        (await admin.DeleteAsync($"/api/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.NoContent, "revoking twice is harmless");
        (await admin.DeleteAsync($"/api/api-keys/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var revoked = await integration.GetAsync("/api/auth/me");
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SignInTests.Detail(revoked)).Should().Contain("revoked");
        revoked.Headers.WwwAuthenticate.ToString().Should().Be("ApiKey");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/users/{officerId}/api-keys")).EnumerateArray()
            .Single(k => k.GetProperty("id").GetGuid() == keyId).TryGetProperty("revokedAt", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Api_key_writes_need_no_antiforgery_token()
    {
        await using var host = await HostFactory.CreateAsync();
        using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var created = await admin.PostAsJsonAsync("/api/organisations", new { id = "east-tmo", name = "East Estate TMO", kind = "tmo" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.GetFromJsonAsync<JsonElement>("/api/organisations")).EnumerateArray().Select(o => o.GetProperty("id").GetString()).Should().Contain("east-tmo");
    }

    [Fact]
    public async Task An_api_key_wins_over_a_cookie_and_a_bad_key_is_refused()
    {
        await using var host = await HostFactory.CreateAsync();
        using var client = await SignedIn.WithCookieAsync(host, DemoSeed.Admin);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", await SignedIn.KeyAsync(host, DemoSeed.TmoMember));
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("email").GetString().Should().Be(DemoSeed.TmoMember);
        (await client.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the key's user is not an administrator");

        foreach (var bad in new[] { "rtm_nope", "rtm_" + new string('A', 43), "" })
        {
            using var stranger = host.CreateClient();
            stranger.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"ApiKey {bad}");
            var response = await stranger.GetAsync("/api/auth/me");
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"'{bad}' is not a key");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task The_helper_caches_one_key_per_host_and_user()
    {
        await using var host = await HostFactory.CreateAsync();
        var first = await SignedIn.KeyAsync(host, DemoSeed.Designer);
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SignedIn.KeyAsync(host, DemoSeed.Designer)));
        again.Should().AllBe(first);
        (await SignedIn.KeyAsync(host, DemoSeed.Assessor)).Should().NotBe(first);
        using var designer = await SignedIn.AsAsync(host, DemoSeed.Designer);
        (await designer.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("roles")[0].GetString().Should().Be("designer");
    }

    internal static async Task<string> UserIdAsync(HttpClient admin, string email) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
}
