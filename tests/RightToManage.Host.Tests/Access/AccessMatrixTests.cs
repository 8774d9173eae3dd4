using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;

namespace RightToManage.Host.Tests.Access;

/// <summary>
/// Every case and task endpoint × every role × a case of the caller's own organisations and one of others:
/// the status each must answer. Access is enforced by the API, whatever the web app shows.
/// </summary>
public class AccessMatrixTests
{
    private static readonly string[] Users =
        [DemoSeed.TmoMember, DemoSeed.TmoCommittee, DemoSeed.LaOfficer, DemoSeed.LaManager, DemoSeed.Assessor, DemoSeed.Designer, DemoSeed.Admin];

    private static readonly Dictionary<string, string> OtherOrganisations = new() { ["tmo"] = "other-tmo", ["local-authority"] = "other-council" };

    /// <summary>One endpoint: how to call it on a case (and its decision task), and the expected status per user, own case then other.</summary>
    private sealed record Cell(string Name, HttpMethod Method, string Path, object? Body, bool Mutates, int[] Own, int[] Other);

    private static readonly int[] Read = [200, 200, 200, 200, 404, 200, 200];
    private static readonly int[] ReadOther = [404, 404, 404, 404, 404, 200, 200];

    private static readonly Cell[] Cells =
    [
        new("case", HttpMethod.Get, "/api/cases/{case}", null, false, Read, ReadOther),
        new("journal", HttpMethod.Get, "/api/cases/{case}/journal", null, false, Read, ReadOther),
        new("verify", HttpMethod.Get, "/api/cases/{case}/journal/verify", null, false, Read, ReadOther),
        new("incidents", HttpMethod.Get, "/api/cases/{case}/incidents", null, false, Read, ReadOther),
        new("notifications", HttpMethod.Get, "/api/cases/{case}/notifications", null, false, Read, ReadOther),
        new("parties", HttpMethod.Get, "/api/cases/{case}/parties", null, false, Read, ReadOther),
        new("event", HttpMethod.Post, "/api/cases/{case}/events/halt-requested", new { }, true,
            [403, 202, 202, 202, 404, 403, 202], [404, 404, 404, 404, 404, 403, 202]),
        new("set contacts", HttpMethod.Put, "/api/cases/{case}/parties/officer", new { contacts = new[] { new { name = "Olu Officer", email = "olu@council.example" } } }, true,
            [403, 200, 200, 200, 404, 403, 200], [404, 404, 404, 404, 404, 403, 200]),
        new("extend deadline", HttpMethod.Post, "/api/cases/{case}/deadlines/councilDecides/extend",
            new { newLastDay = "2027-03-01", reason = "Agreed with the TMO", legalBasis = "By agreement" }, true,
            [403, 403, 403, 200, 404, 403, 200], [404, 404, 404, 404, 404, 403, 200]),
        new("cancel", HttpMethod.Post, "/api/cases/{case}/cancel", new { reason = "Withdrawn" }, true,
            [403, 403, 403, 200, 404, 403, 200], [404, 404, 404, 404, 404, 403, 200]),
        new("task", HttpMethod.Get, "/api/tasks/{task}", null, false,
            [404, 404, 200, 200, 404, 200, 200], [404, 404, 404, 404, 404, 404, 200]),
        new("claim", HttpMethod.Post, "/api/tasks/{task}/claim", null, true,
            [404, 404, 200, 200, 404, 403, 403], [404, 404, 404, 404, 404, 404, 403]),
        new("complete", HttpMethod.Post, "/api/tasks/{task}/complete", new { outcome = "accept" }, true,
            [404, 404, 200, 200, 404, 403, 403], [404, 404, 404, 404, 404, 404, 403]),
    ];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_access_rules_say()
    {
        await using var host = await HostFactory.CreateAsync();
        var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in Users) clients[user] = await SignedIn.AsAsync(host, user);

        // Read-only cells share one case of each kind; a cell that changes the case gets fresh ones per call.
        var shared = (Own: await CaseAsync(admin, DecisionCases.Organisations), Other: await CaseAsync(admin, OtherOrganisations));
        var failures = new List<string>();
        foreach (var cell in Cells)
        {
            for (var u = 0; u < Users.Length; u++)
            {
                foreach (var own in new[] { true, false })
                {
                    var target = cell.Mutates ? await CaseAsync(admin, own ? DecisionCases.Organisations : OtherOrganisations) : own ? shared.Own : shared.Other;
                    var path = cell.Path.Replace("{case}", target.Case.ToString()).Replace("{task}", target.Task);
                    using var request = new HttpRequestMessage(cell.Method, path);
                    if (cell.Body is not null) request.Content = JsonContent.Create(cell.Body);
                    var response = await clients[Users[u]].SendAsync(request);
                    var expected = (own ? cell.Own : cell.Other)[u];
                    if ((int)response.StatusCode != expected)
                        failures.Add($"{cell.Name} as {Users[u]} on {(own ? "own" : "other")} case: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData(DemoSeed.TmoMember, 403, 403)]
    [InlineData(DemoSeed.TmoCommittee, 201, 403)]
    [InlineData(DemoSeed.LaOfficer, 201, 403)]
    [InlineData(DemoSeed.LaManager, 201, 403)]
    [InlineData(DemoSeed.Assessor, 403, 403)]
    [InlineData(DemoSeed.Designer, 403, 403)]
    [InlineData(DemoSeed.Admin, 201, 201)]
    public async Task A_case_is_started_only_by_an_acting_role_of_one_of_its_organisations(string user, int own, int other)
    {
        await using var host = await HostFactory.CreateAsync(Workflows.Tests.Support.TestDatabases.Sqlite);
        var client = await SignedIn.AsAsync(host, user);
        var ownStart = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", organisations = DecisionCases.Organisations });
        ((int)ownStart.StatusCode).Should().Be(own);
        var otherStart = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", organisations = OtherOrganisations });
        ((int)otherStart.StatusCode).Should().Be(other);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_definitions_and_only_designers_and_admins_write_them()
    {
        await using var host = await HostFactory.CreateAsync(Workflows.Tests.Support.TestDatabases.Sqlite);
        const string Draft = """
            { "id": "access-check", "version": 1, "name": "Access check",
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "source": { "activity": "start", "port": "done" }, "target": { "activity": "end" } } ] }
            """;
        foreach (var user in Users)
        {
            var client = await SignedIn.AsAsync(host, user);
            (await client.GetAsync("/api/workflow-definitions")).StatusCode.Should().Be(HttpStatusCode.OK, user);
            (await client.GetAsync("/api/activity-descriptors")).StatusCode.Should().Be(HttpStatusCode.OK, user);
            var saved = await client.PostAsync("/api/workflow-definitions", new StringContent(Draft, System.Text.Encoding.UTF8, "application/json"));
            var writes = user is DemoSeed.Designer or DemoSeed.Admin;
            saved.StatusCode.Should().Be(writes ? (user == DemoSeed.Designer ? HttpStatusCode.Created : HttpStatusCode.OK) : HttpStatusCode.Forbidden, user);
            var published = await client.PostAsJsonAsync("/api/workflow-definitions/access-check/publish", new { version = 1 });
            published.StatusCode.Should().Be(writes ? HttpStatusCode.OK : HttpStatusCode.Forbidden, user);
        }
        (await host.CreateClient().GetAsync("/api/workflow-definitions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anonymous_requests_are_refused_and_lists_show_only_what_the_caller_may_see()
    {
        await using var host = await HostFactory.CreateAsync(Workflows.Tests.Support.TestDatabases.Sqlite);
        var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var own = await CaseAsync(admin, DecisionCases.Organisations);
        var other = await CaseAsync(admin, OtherOrganisations);

        var anonymous = host.CreateClient();
        foreach (var path in new[] { $"/api/cases/{own.Case}", "/api/cases", "/api/tasks", $"/api/tasks/{own.Task}" })
            (await anonymous.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        (await anonymous.PostAsJsonAsync($"/api/tasks/{own.Task}/claim", new { })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var officer = await SignedIn.AsAsync(host, DemoSeed.LaOfficer);
        var cases = await officer.GetFromJsonAsync<JsonElement>("/api/cases");
        cases.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Equal([own.Case]);
        var tasks = await officer.GetFromJsonAsync<JsonElement>("/api/tasks?view=team");
        tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal([own.Task]);
        var member = await SignedIn.AsAsync(host, DemoSeed.TmoMember);
        (await member.GetFromJsonAsync<JsonElement>("/api/tasks?view=team")).GetProperty("total").GetInt32().Should().Be(0, "the council's task is not the TMO's");
        (await member.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("total").GetInt32().Should().Be(1);
        (await admin.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("total").GetInt32().Should().Be(2);
        (await officer.GetAsync("/api/tasks?view=all")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<JsonElement>("/api/tasks?view=all")).GetProperty("total").GetInt32().Should().Be(2);
        _ = other;
    }

    /// <summary>A case with the notice received (so its decision task and deadline are open), started by an admin.</summary>
    private static async Task<(Guid Case, string Task)> CaseAsync(HttpClient admin, Dictionary<string, string> organisations)
    {
        var started = await admin.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", organisations });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/cases/{id}/events/proposal-notice-received", JsonContent.Create("2026-11-20"))).EnsureSuccessStatusCode();
        return (id, await DecisionCases.DecisionTaskAsync(admin, id));
    }
}
