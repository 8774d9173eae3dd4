using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests.Identity;

/// <summary>Organisations and users: administrators only, with path-bearing validation.</summary>
public class AdminApiTests(SharedIdentityHost shared) : IClassFixture<SharedIdentityHost>
{
    [Fact]
    public async Task Admin_endpoints_are_401_anonymous_and_403_for_other_roles()
    {
        var host = shared.Host;
        var userId = await ApiKeyTests.UserIdAsync(await SignedIn.AsAsync(host, DemoSeed.Admin), DemoSeed.LaOfficer);
        var requests = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, "/api/organisations", null),
            (HttpMethod.Get, "/api/organisations/demo-council", null),
            (HttpMethod.Post, "/api/organisations", """{"id": "a-tmo", "name": "A", "kind": "tmo"}"""),
            (HttpMethod.Get, "/api/users", null),
            (HttpMethod.Get, $"/api/users/{userId}", null),
            (HttpMethod.Post, "/api/users", """{"email": "x@demo-tmo.example", "displayName": "X", "roles": [], "password": "long enough password"}"""),
            (HttpMethod.Get, $"/api/users/{userId}/api-keys", null),
            (HttpMethod.Post, $"/api/users/{userId}/api-keys", """{"name": "mine"}"""),
            (HttpMethod.Delete, $"/api/api-keys/{Guid.NewGuid()}", null),
        };
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        var others = new List<HttpClient>();
        foreach (var email in new[] { DemoSeed.TmoMember, DemoSeed.TmoCommittee, DemoSeed.LaOfficer, DemoSeed.LaManager, DemoSeed.Assessor, DemoSeed.Designer })
            others.Add(await SignedIn.AsAsync(host, email));
        var session = await SignedIn.WithCookieAsync(host, DemoSeed.LaManager);

        foreach (var (method, path, body) in requests)
        {
            var response = await anonymous.SendAsync(Request(method, path, body));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} anonymously");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            foreach (var other in others.Append(session))
            {
                var forbidden = await other.SendAsync(Request(method, path, body));
                forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {path} as a non-administrator");
                forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }
        }
    }

    [Theory]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": "New", "organisationId": "demo-tmo", "roles": ["tmo-member"], "password": "short"}""", "$.password")]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": "New", "organisationId": "demo-tmo", "roles": ["tmo-member"]}""", "$.password")]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": "New", "organisationId": "demo-tmo", "roles": ["tmo-member", "boss"], "password": "a long enough password"}""", "$.roles[1]")]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": "New", "organisationId": "no-such-org", "roles": [], "password": "a long enough password"}""", "$.organisationId")]
    [InlineData("""{"email": "not an email", "displayName": "New", "roles": [], "password": "a long enough password"}""", "$.email")]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": " ", "roles": [], "password": "a long enough password"}""", "$.displayName")]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": "New", "roles": "admin", "password": "a long enough password"}""", "$.roles")]
    [InlineData("""{"email": "new@demo-tmo.example", "displayName": "New", "nickname": "N", "password": "a long enough password"}""", "$.nickname")]
    public async Task Creating_a_user_is_validated(string body, string path)
    {
        var host = shared.Host;
        using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var response = await admin.PostAsync("/api/users", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal(path);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_administrator_adds_a_user_who_can_then_sign_in(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            email = "chair@demo-tmo.example",
            displayName = "Chris Chair",
            organisationId = "demo-tmo",
            roles = new[] { "tmo-committee", "tmo-member", "tmo-member" },
            password = "correct horse battery",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.Headers.Location!.ToString().Should().Be($"/api/users/{user.GetProperty("id").GetString()}");
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("tmo-member", "tmo-committee");
        (await admin.GetFromJsonAsync<JsonElement>(created.Headers.Location.ToString())).GetProperty("email").GetString().Should().Be("chair@demo-tmo.example");

        var again = await admin.PostAsJsonAsync("/api/users", new { email = "CHAIR@demo-tmo.example", displayName = "Again", roles = Array.Empty<string>(), password = "another long password" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);

        using var chair = host.CreateClient();
        var signIn = await chair.PostAsJsonAsync("/api/auth/sign-in", new { email = "chair@demo-tmo.example", password = "correct horse battery" });
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("organisation").GetProperty("kind").GetString().Should().Be("tmo");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("tmo-member", "tmo-committee");

        using var viaKey = await SignedIn.AsAsync(host, "chair@demo-tmo.example");
        (await viaKey.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("displayName").GetString().Should().Be("Chris Chair");
    }

    [Fact]
    public async Task A_user_without_an_organisation_has_a_null_organisation()
    {
        var host = shared.Host;
        using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var email = $"ops-{Guid.NewGuid():N}@example.org";
        (await admin.PostAsJsonAsync("/api/users", new { email, displayName = "Ops", roles = new[] { "admin" }, password = "a long enough password" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        using var ops = await SignedIn.AsAsync(host, email);
        var me = await ops.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("organisation").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Organisations_are_listed_added_and_validated()
    {
        var host = shared.Host;
        using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/organisations");
        listed.EnumerateArray().Select(o => (o.GetProperty("id").GetString()!, o.GetProperty("kind").GetString()!)).Should().Contain(new[]
        {
            ("demo-council", "local-authority"), ("demo-tmo", "tmo"), ("demo-assessors", "assessor-firm"), ("demo-ballot", "ballot-body"), ("demo-sos", "secretary-of-state"),
        });

        var id = $"west-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/organisations", new { id, name = "West Estate TMO", kind = "tmo" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/organisations/{id}");
        (await admin.PostAsJsonAsync("/api/organisations", new { id, name = "Again", kind = "tmo" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await admin.GetAsync("/api/organisations/no-such")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var invalid = await admin.PostAsJsonAsync("/api/organisations", new { id = "Not A Slug", name = "", kind = "club" });
        invalid.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("$.id", "$.name", "$.kind");
    }

    [Fact]
    public async Task The_demo_users_hold_one_role_each_and_the_manager_two()
    {
        var host = shared.Host;
        using var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var users = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray()
            .ToDictionary(u => u.GetProperty("email").GetString()!, u => (Organisation: u.GetProperty("organisationId").GetString(), Roles: u.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList()));
        foreach (var demo in DemoSeed.Users)
        {
            users[demo.Email].Organisation.Should().Be(demo.OrganisationId);
            users[demo.Email].Roles.Should().BeEquivalentTo(demo.Roles);
        }
        users[DemoSeed.LaManager].Roles.Should().BeEquivalentTo("la-manager", "la-officer");
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body) =>
        new(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>One PostgreSQL host shared by a test class whose tests only read or add uniquely named things.</summary>
public sealed class SharedIdentityHost : IAsyncLifetime
{
    public HostFactory Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostFactory.CreateAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
