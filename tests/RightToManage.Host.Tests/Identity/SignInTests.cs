using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests.Identity;

/// <summary>Sign-in, sessions, lockout and anti-forgery through the real HTTP pipeline.</summary>
public class SignInTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_demo_user_signs_in_and_me_describes_them(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = host.CreateClient();

        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.LaManager, password = HostFactory.DemoPassword });
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rtm.session=", StringComparison.Ordinal));
        cookie.Should().ContainEquivalentOf("httponly").And.ContainEquivalentOf("samesite=lax");
        cookie.Should().NotContainEquivalentOf("secure", "the test server speaks plain HTTP");
        var signedIn = await signIn.Content.ReadFromJsonAsync<JsonElement>();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetRawText().Should().Be(signedIn.GetRawText(), "sign-in answers with the caller, as /me does");
        me.GetProperty("email").GetString().Should().Be(DemoSeed.LaManager);
        me.GetProperty("displayName").GetString().Should().NotBeNullOrEmpty();
        me.GetProperty("userId").GetString().Should().NotBeNullOrEmpty();
        me.GetProperty("organisation").GetProperty("id").GetString().Should().Be("demo-council");
        me.GetProperty("organisation").GetProperty("name").GetString().Should().Be("Demo Borough Council");
        me.GetProperty("organisation").GetProperty("kind").GetString().Should().Be("local-authority");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("la-officer", "la-manager");
    }

    [Fact]
    public async Task Anonymous_me_is_a_401_problem_not_a_redirect()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = host.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/auth/me");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_email_is_refused_alike()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = host.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.LaOfficer, password = "not the password at all" });
        var unknown = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "nobody@demo-council.example", password = HostFactory.DemoPassword });
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Detail(wrong)).Should().Be(await Detail(unknown), "the answer does not tell who has an account");
        wrong.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var empty = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "" });
        empty.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("$.email", "$.password");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = host.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Assessor, password = $"wrong password {i}" });
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await Detail(failed)).Should().NotContain("locked");
        }
        var before = DateTimeOffset.UtcNow;
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Assessor, password = "wrong password 5" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var locked = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Assessor, password = HostFactory.DemoPassword });
        locked.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the right password does not help while locked out");
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("locked until");
        problem.GetProperty("lockedOutUntil").GetDateTimeOffset().Should().BeCloseTo(before.AddMinutes(15), TimeSpan.FromSeconds(30));
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Others are not affected.
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.LaOfficer, password = HostFactory.DemoPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cookie_writes_to_the_api_need_the_antiforgery_token(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = host.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Admin, password = HostFactory.DemoPassword })).EnsureSuccessStatusCode();

        var without = await client.PostAsJsonAsync("/api/organisations", new { id = "north-tmo", name = "North Estate TMO", kind = "tmo" });
        without.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        without.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Detail(without)).Should().Contain("anti-forgery token missing or invalid");

        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/organisations") { Content = JsonContent.Create(new { id = "north-tmo", name = "North Estate TMO", kind = "tmo" }) };
        forged.Headers.Add("X-XSRF-TOKEN", "not-a-token");
        (await client.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        antiforgery.GetProperty("headerName").GetString().Should().Be("X-XSRF-TOKEN");
        var token = antiforgery.GetProperty("token").GetString()!;
        var with = new HttpRequestMessage(HttpMethod.Post, "/api/organisations") { Content = JsonContent.Create(new { id = "north-tmo", name = "North Estate TMO", kind = "tmo" }) };
        with.Headers.Add("X-XSRF-TOKEN", token);
        (await client.SendAsync(with)).StatusCode.Should().Be(HttpStatusCode.Created);

        // Reads need no token; neither do anonymous writes (there is no session to abuse).
        (await client.GetAsync("/api/organisations")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.CreateClient().PostAsJsonAsync("/api/auth/sign-out", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.PostAsync("/api/auth/sign-out", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "signing out is a write too");
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out");
        signOut.Headers.Add("X-XSRF-TOKEN", token);
        (await client.SendAsync(signOut)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_issued_before_sign_in_does_not_serve_the_session()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = host.CreateClient();
        var anonymousToken = (await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery")).GetProperty("token").GetString()!;
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoSeed.Admin, password = HostFactory.DemoPassword })).EnsureSuccessStatusCode();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisations") { Content = JsonContent.Create(new { id = "x-tmo", name = "X", kind = "tmo" }) };
        request.Headers.Add("X-XSRF-TOKEN", anonymousToken);
        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "tokens are bound to the signed-in user");
    }

    [Fact]
    public async Task The_cookie_helper_gives_a_working_session()
    {
        await using var host = await HostFactory.CreateAsync();
        using var admin = await SignedIn.WithCookieAsync(host, DemoSeed.Admin);
        (await admin.PostAsJsonAsync("/api/organisations", new { id = "south-group", name = "South Tenants", kind = "tenant-group" })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    internal static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
}
