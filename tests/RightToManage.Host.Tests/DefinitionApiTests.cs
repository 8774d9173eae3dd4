using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

public class DefinitionApiTests
{
    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task The_host_is_ready_with_the_shipped_definitions_loaded(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = await DesignerClient(host);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        (await ready.Content.ReadAsStringAsync()).Should().Contain($"{provider} reachable", "the host runs on the database it was given");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions");
        list.GetProperty("fileErrors").GetArrayLength().Should().Be(0);
        list.GetProperty("definitions").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Contain("proposal-notice-decision");

        var one = await client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/proposal-notice-decision");
        one.GetProperty("readOnly").GetBoolean().Should().BeTrue();
        one.GetProperty("published").GetBoolean().Should().BeTrue();
        one.GetProperty("origin").GetString().Should().Be("file");
        one.GetProperty("definition").GetProperty("parameters")[0].GetProperty("source").GetString().Should().Contain("SI 2012/1821");
    }

    [Fact]
    public async Task The_palette_lists_the_built_in_activities_with_their_inputs()
    {
        await using var host = await HostFactory.CreateAsync();
        var descriptors = await (await DesignerClient(host)).GetFromJsonAsync<JsonElement>("/api/activity-descriptors");
        var types = descriptors.EnumerateArray().ToDictionary(d => d.GetProperty("typeName").GetString()!);
        types.Keys.Should().Contain(["Start", "End", "Decision", "Fork", "Join", "SetVariable", "WaitForEvent"]);
        var join = types["Join"].GetProperty("inputs")[0];
        join.GetProperty("name").GetString().Should().Be("mode");
        join.GetProperty("options").EnumerateArray().Select(o => o.GetString()).Should().Equal("all", "any");
    }

    [Fact]
    public async Task Validation_answers_with_errors_keyed_by_json_path()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await DesignerClient(host);
        var valid = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "workflow-definitions", "proposal-notice-decision.json"));
        (await client.PostAsync("/api/workflow-definitions/validate", new StringContent(valid, Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        // Misspell the type of the first End, wherever the shipped file has it.
        var end = JsonDocument.Parse(valid).RootElement.GetProperty("activities").EnumerateArray()
            .Select((a, i) => (Type: a.GetProperty("type").GetString(), Index: i)).First(a => a.Type == "End").Index;
        var broken = ReplaceFirst(valid, "\"type\": \"End\"", "\"type\": \"Ending\"");
        var response = await client.PostAsync("/api/workflow-definitions/validate", new StringContent(broken, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty($"$.activities[{end}].type", out _).Should().BeTrue(problem.ToString());
        (await client.PostAsync("/api/workflow-definitions/validate", new StringContent("{ \"id\": ", Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the text contains {find}");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary>Who may write definitions. Today every request is anonymous; when designers must sign in, change this one place.</summary>
    static Task<HttpClient> DesignerClient(HostFactory host) => SignedIn.AsAsync(host, DemoSeed.Designer);

    private const string Base = "/api/workflow-definitions";

    /// <summary>A small definition saved through the API: waits for "go", then ends with <paramref name="outcome"/>.</summary>
    private static string Draft(string id, int version, string outcome) => Flows.WaitThenEnd(id, version, outcome, $"Tenancy check ({outcome})");

    private static Task<HttpResponseMessage> Save(HttpClient client, string json, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Base) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Publish(HttpClient client, string id, string? body, string query = "", string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/{id}/publish{query}");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        if (status >= HttpStatusCode.BadRequest) response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Quoted(string hash) => $"\"{hash}\"";

    private static async Task<string?> RunCase(HttpClient client, string definitionId, int? version = null)
    {
        var started = await Expect(await client.PostAsJsonAsync("/api/cases", new { definitionId, version }), HttpStatusCode.Created);
        var id = started.GetProperty("id").GetGuid();
        var go = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/events/go") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        await Expect(await client.SendAsync(go), HttpStatusCode.OK);
        var done = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        if (version is not null) done.GetProperty("definitionVersion").GetInt32().Should().Be(version);
        return done.GetProperty("outcome").GetString();
    }

    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task A_draft_is_saved_replaced_under_if_match_and_published_and_then_never_changes(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = await DesignerClient(host);

        // Save: 201 with Location, ETag and the summary; the same content again is a no-op.
        var created = await Save(client, Draft("tenancy-check", 1, "first"));
        var body = await Expect(created, HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"{Base}/tenancy-check?version=1");
        body.GetProperty("id").GetString().Should().Be("tenancy-check");
        body.GetProperty("version").GetInt32().Should().Be(1);
        body.GetProperty("published").GetBoolean().Should().BeFalse();
        body.GetProperty("origin").GetString().Should().Be("database");
        var hash1 = body.GetProperty("contentHash").GetString()!;
        created.Headers.ETag!.Tag.Should().Be(Quoted(hash1));
        var again = await Expect(await Save(client, Draft("tenancy-check", 1, "first")), HttpStatusCode.OK);
        again.GetProperty("contentHash").GetString().Should().Be(hash1);

        // A draft is not published: reading the definition without a version finds nothing yet.
        (await Expect(await client.GetAsync($"{Base}/tenancy-check"), HttpStatusCode.NotFound)).GetProperty("detail").GetString().Should().Contain("no published version");
        var draft = await client.GetAsync($"{Base}/tenancy-check?version=1");
        var read = await Expect(draft, HttpStatusCode.OK);
        read.GetProperty("published").GetBoolean().Should().BeFalse();
        read.GetProperty("readOnly").GetBoolean().Should().BeFalse();
        read.GetProperty("contentHash").GetString().Should().Be(hash1);
        draft.Headers.ETag!.Tag.Should().Be(Quoted(hash1));

        // Replacing the draft needs its current hash in If-Match.
        (await Expect(await Save(client, Draft("tenancy-check", 1, "second")), (HttpStatusCode)428))
            .GetProperty("code").GetString().Should().Be("definition.ifMatchRequired");
        var stale = await Expect(await Save(client, Draft("tenancy-check", 1, "second"), ifMatch: Quoted(new string('0', 64))), HttpStatusCode.Conflict);
        stale.GetProperty("currentContentHash").GetString().Should().Be(hash1);
        var replaced = await Expect(await Save(client, Draft("tenancy-check", 1, "second"), ifMatch: Quoted(hash1)), HttpStatusCode.OK);
        var hash2 = replaced.GetProperty("contentHash").GetString()!;
        hash2.Should().NotBe(hash1);
        (await client.GetFromJsonAsync<JsonElement>($"{Base}/tenancy-check?version=1"))
            .GetProperty("definition").GetProperty("activities")[2].GetProperty("inputs").GetProperty("outcome").GetString().Should().Be("second");
        // The first writer's hash is spent: a second save from the same starting point is refused, not silently lost.
        (await Expect(await Save(client, Draft("tenancy-check", 1, "third"), ifMatch: hash1), HttpStatusCode.Conflict))
            .GetProperty("currentContentHash").GetString().Should().Be(hash2);

        // Publish (body form), then again: idempotent.
        var published = await Expect(await Publish(client, "tenancy-check", """{ "version": 1 }"""), HttpStatusCode.OK);
        published.GetProperty("published").GetBoolean().Should().BeTrue();
        published.GetProperty("contentHash").GetString().Should().Be(hash2);
        (await Expect(await Publish(client, "tenancy-check", """{ "version": 1 }"""), HttpStatusCode.OK)).GetProperty("published").GetBoolean().Should().BeTrue();

        // Published: it never changes; the same content is still a no-op.
        var frozen = await Expect(await Save(client, Draft("tenancy-check", 1, "third"), ifMatch: Quoted(hash2)), HttpStatusCode.Conflict);
        frozen.GetProperty("detail").GetString().Should().Be("Version 1 of 'tenancy-check' is published and cannot change; save version 2.");
        frozen.GetProperty("nextVersion").GetInt32().Should().Be(2);
        (await Expect(await Save(client, Draft("tenancy-check", 1, "second")), HttpStatusCode.OK)).GetProperty("published").GetBoolean().Should().BeTrue();

        // Without a version, reading gives the highest published version; a newer draft does not count until published.
        (await client.GetFromJsonAsync<JsonElement>($"{Base}/tenancy-check")).GetProperty("version").GetInt32().Should().Be(1);
        await Expect(await Save(client, Draft("tenancy-check", 2, "fourth")), HttpStatusCode.Created);
        (await client.GetFromJsonAsync<JsonElement>($"{Base}/tenancy-check")).GetProperty("version").GetInt32().Should().Be(1);
        await Expect(await Publish(client, "tenancy-check", null, "?version=2"), HttpStatusCode.OK);

        var current = await client.GetFromJsonAsync<JsonElement>($"{Base}/tenancy-check");
        current.GetProperty("version").GetInt32().Should().Be(2);
        current.GetProperty("readOnly").GetBoolean().Should().BeFalse();

        var versions = await client.GetFromJsonAsync<JsonElement>($"{Base}/tenancy-check/versions");
        versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Should().Equal(2, 1);
        versions[1].GetProperty("contentHash").GetString().Should().Be(hash2);
        versions[1].GetProperty("name").GetString().Should().Be("Tenancy check (second)");
        versions.EnumerateArray().Should().OnlyContain(v => v.GetProperty("published").GetBoolean() && v.GetProperty("origin").GetString() == "database");
        versions[0].TryGetProperty("createdAt", out _).Should().BeTrue();

        var list = await client.GetFromJsonAsync<JsonElement>(Base);
        var entry = list.GetProperty("definitions").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "tenancy-check");
        entry.GetProperty("publishedVersion").GetInt32().Should().Be(2);
        entry.GetProperty("readOnly").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task Cases_start_on_the_highest_published_version_and_never_on_a_draft(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        // An administrator both designs and starts cases here; designers alone may not start cases.
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        await Expect(await Save(client, Draft("tenancy-check", 1, "first")), HttpStatusCode.Created);
        await Expect(await client.PostAsJsonAsync("/api/cases", new { definitionId = "tenancy-check" }), HttpStatusCode.UnprocessableEntity);
        await Expect(await client.PostAsJsonAsync("/api/cases", new { definitionId = "tenancy-check", version = 1 }), HttpStatusCode.UnprocessableEntity);

        await Expect(await Publish(client, "tenancy-check", """{ "version": 1 }"""), HttpStatusCode.OK);
        (await RunCase(client, "tenancy-check")).Should().Be("first");
        await Expect(await Save(client, Draft("tenancy-check", 2, "second")), HttpStatusCode.Created);
        (await RunCase(client, "tenancy-check")).Should().Be("first", "version 2 is only a draft");
        await Expect(await client.PostAsJsonAsync("/api/cases", new { definitionId = "tenancy-check", version = 2 }), HttpStatusCode.UnprocessableEntity);
        await Expect(await Publish(client, "tenancy-check", null, "?version=2"), HttpStatusCode.OK);
        (await RunCase(client, "tenancy-check")).Should().Be("second");
        (await RunCase(client, "tenancy-check", version: 1)).Should().Be("first");
    }

    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task Shipped_definitions_are_read_only(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = await DesignerClient(host);
        var file = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "workflow-definitions", "proposal-notice-decision.json"));
        var shipped = JsonDocument.Parse(file).RootElement.GetProperty("version").GetInt32();
        var before = await client.GetFromJsonAsync<JsonElement>($"{Base}/proposal-notice-decision/versions");
        before.EnumerateArray().Should().OnlyContain(v => v.GetProperty("origin").GetString() == "file" && v.GetProperty("published").GetBoolean());

        var newVersion = file.Replace($"\"version\": {shipped},", $"\"version\": {shipped + 1},");
        newVersion.Should().NotBe(file);
        foreach (var body in new[] { newVersion, file })
        {
            var refused = await Expect(await Save(client, body), HttpStatusCode.Conflict);
            refused.GetProperty("code").GetString().Should().Be("definition.readOnly");
            refused.GetProperty("detail").GetString().Should().Contain("new definition");
        }
        (await Expect(await Publish(client, "proposal-notice-decision", null, $"?version={shipped}"), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().Should().Be("definition.readOnly");

        (await client.GetFromJsonAsync<JsonElement>($"{Base}/proposal-notice-decision/versions")).GetArrayLength().Should().Be(before.GetArrayLength());
        // Saved under a new id, it is the designer's own.
        await Expect(await Save(client, file.Replace("\"id\": \"proposal-notice-decision\"", "\"id\": \"proposal-notice-decision-copy\"")), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task Concurrent_saves_from_the_same_draft_cannot_both_win(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = await DesignerClient(host);
        var hash = (await Expect(await Save(client, Draft("busy", 1, "base")), HttpStatusCode.Created)).GetProperty("contentHash").GetString()!;

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Save(client, Draft("busy", 1, $"edit-{i}"), ifMatch: Quoted(hash))));
        saves.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        saves.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(7);
        var winner = (await Expect(saves.Single(r => r.StatusCode == HttpStatusCode.OK), HttpStatusCode.OK)).GetProperty("contentHash").GetString();
        (await client.GetFromJsonAsync<JsonElement>($"{Base}/busy/versions"))[0].GetProperty("contentHash").GetString().Should().Be(winner);
        foreach (var loser in saves.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            (await Expect(loser, HttpStatusCode.Conflict)).GetProperty("currentContentHash").GetString().Should().Be(winner);
    }

    [Fact]
    public async Task Publishing_with_if_match_refuses_a_draft_that_changed_since_it_was_read()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await DesignerClient(host);
        var hash1 = (await Expect(await Save(client, Draft("reviewed", 1, "a")), HttpStatusCode.Created)).GetProperty("contentHash").GetString()!;
        var hash2 = (await Expect(await Save(client, Draft("reviewed", 1, "b"), ifMatch: hash1), HttpStatusCode.OK)).GetProperty("contentHash").GetString()!;

        var stale = await Expect(await Publish(client, "reviewed", """{ "version": 1 }""", ifMatch: Quoted(hash1)), HttpStatusCode.Conflict);
        stale.GetProperty("currentContentHash").GetString().Should().Be(hash2);
        (await client.GetFromJsonAsync<JsonElement>($"{Base}/reviewed?version=1")).GetProperty("published").GetBoolean().Should().BeFalse();
        await Expect(await Publish(client, "reviewed", """{ "version": 1 }""", ifMatch: Quoted(hash2)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_and_store_nothing()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await DesignerClient(host);
        var valid = Draft("never-stored", 1, "x");

        // Saving.
        var malformed = await Expect(await Save(client, valid[..^10]), HttpStatusCode.UnprocessableEntity);
        malformed.GetProperty("codes")[0].GetProperty("code").GetString().Should().StartWith("json");
        await Expect(await Save(client, ""), HttpStatusCode.UnprocessableEntity);
        await Expect(await Save(client, "null"), HttpStatusCode.UnprocessableEntity);
        await Expect(await Save(client, valid, contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType);
        var huge = valid.Replace("\"name\": \"Tenancy check (x)\"", $"\"name\": \"Tenancy check (x)\", \"description\": \"{new string('a', RequestBodyLimit)}\"");
        await Expect(await Save(client, huge), HttpStatusCode.RequestEntityTooLarge);
        var invalid = await Expect(await Save(client, valid.Replace("\"type\": \"End\"", "\"type\": \"Ending\"")), HttpStatusCode.UnprocessableEntity);
        invalid.GetProperty("errors").TryGetProperty("$.activities[2].type", out _).Should().BeTrue(invalid.ToString());
        await Expect(await Save(client, valid.Replace("\"version\": 1", "\"version\": 0")), HttpStatusCode.UnprocessableEntity);
        await Expect(await Save(client, valid, ifMatch: "*"), HttpStatusCode.BadRequest);
        await Expect(await Save(client, valid, ifMatch: "W/\"abc\""), HttpStatusCode.BadRequest);
        (await Expect(await Save(client, valid, ifMatch: Quoted(new string('a', 64))), HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().Should().Contain("no version 1");

        // Publishing.
        await Expect(await Publish(client, "never-stored", """{ "version": 1 }"""), HttpStatusCode.NotFound);
        await Expect(await Publish(client, "proposal-notice-decision", """{ "version": 999 }"""), HttpStatusCode.NotFound);
        await Expect(await Publish(client, "never-stored", null), HttpStatusCode.UnprocessableEntity);
        await Expect(await Publish(client, "never-stored", """{ "versoin": 1 }"""), HttpStatusCode.UnprocessableEntity);
        await Expect(await Publish(client, "never-stored", """{ "version": "one" }"""), HttpStatusCode.UnprocessableEntity);
        await Expect(await Publish(client, "never-stored", """{ "version": 1 """), HttpStatusCode.UnprocessableEntity);
        await Expect(await Publish(client, "never-stored", """{ "version": 1 }""", "?version=2"), HttpStatusCode.UnprocessableEntity);
        var plain = new HttpRequestMessage(HttpMethod.Post, $"{Base}/never-stored/publish") { Content = new StringContent("1", Encoding.UTF8, "text/plain") };
        await Expect(await client.SendAsync(plain), HttpStatusCode.UnsupportedMediaType);

        // Reading.
        await Expect(await client.GetAsync($"{Base}/never-stored"), HttpStatusCode.NotFound);
        await Expect(await client.GetAsync($"{Base}/proposal-notice-decision?version=999"), HttpStatusCode.NotFound);
        await Expect(await client.GetAsync($"{Base}/never-stored/versions"), HttpStatusCode.NotFound);
        (await Expect(await client.GetAsync($"{Base}/proposal-notice-decision?version=two"), HttpStatusCode.UnprocessableEntity))
            .GetProperty("errors").TryGetProperty("version", out _).Should().BeTrue();
        await Expect(await Publish(client, "proposal-notice-decision", null, "?version=two"), HttpStatusCode.UnprocessableEntity);

        var list = await client.GetFromJsonAsync<JsonElement>(Base);
        list.GetProperty("definitions").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().NotContain("never-stored");
    }

    private const int RequestBodyLimit = 1024 * 1024;
}
