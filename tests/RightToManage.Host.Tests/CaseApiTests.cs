using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>The case API through the real HTTP pipeline on real PostgreSQL.</summary>
public class CaseApiTests
{
    [Fact]
    public async Task A_case_runs_from_start_to_its_outcome_through_the_api()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);

        var started = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", reference = "RTM-2026-0007", organisations = DecisionCases.Organisations });
        started.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        started.Headers.Location!.ToString().Should().Be($"/api/cases/{id}");

        var received = await Send(client, id, "proposal-notice-received", "\"2026-11-20\"", key: "receipt-1");
        received.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Send(client, id, "proposal-notice-received", "\"2026-11-20\"", key: "receipt-1")).StatusCode.Should().Be(HttpStatusCode.OK);

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        waiting.GetProperty("status").GetString().Should().Be("waiting");
        waiting.GetProperty("stages")[0].GetString().Should().Be("Council decision");
        waiting.GetProperty("variables").GetProperty("receivedOn").GetString().Should().Be("2026-11-20");

        await DecisionCases.DecideAsync(await SignedIn.AsAsync(host, DemoSeed.LaOfficer), id, "refuse");
        var done = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        done.GetProperty("status").GetString().Should().Be("completed");
        done.GetProperty("outcome").GetString().Should().Be("refused");

        var journal = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal");
        journal.EnumerateArray().SelectMany(r => r.GetProperty("steps").EnumerateArray())
            .Count(e => e.GetProperty("kind").GetString() == "eventReceived").Should().Be(1, "the re-sent receipt was recognised (and the decision is a task, not an event)");
        var verify = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal/verify");
        verify.GetProperty("isValid").GetBoolean().Should().BeTrue();

        (await Send(client, id, "council-decided", "\"accept\"")).StatusCode.Should().Be(HttpStatusCode.Conflict, "a completed case takes no more events");
    }

    [Fact]
    public async Task An_early_event_is_accepted_and_kept()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartAsync(client);
        // Nothing waits for a halt request yet: it is kept (and applied once something waits for it).
        var early = await Send(client, id, "halt-requested", "{}");
        early.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await DecisionCases.StepKindsAsync(client, id)).Should().Contain("eventQueued");
    }

    [Theory]
    [InlineData("{\"definitionId\": \"proposal-notice-decision\", \"variables\": {\"decision\": 5}}", "$.variables.decision")]
    [InlineData("{\"definitionId\": \"proposal-notice-decision\", \"variables\": {\"nope\": 1}}", "$.variables.nope")]
    [InlineData("{\"definitionId\": \"no-such-process\"}", "$.definitionId")]
    [InlineData("{\"definitionId\": \"proposal-notice-decision\", \"version\": 99}", "$.version")]
    [InlineData("{\"definitionId\": 5}", "$.definitionId")]
    [InlineData("{\"definitionId\": \"proposal-notice-decision\", \"colour\": \"red\"}", "$")]
    [InlineData("{\"definitionId\": ", "$")]
    [InlineData("", "$")]
    public async Task Bad_case_input_gets_a_problem_naming_the_path(string body, string path)
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var response = await client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(name => name.StartsWith(path));
    }

    [Fact]
    public async Task A_duplicate_reference_is_a_conflict()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        await StartAsync(client, "RTM-1");
        var again = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", reference = "RTM-1" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_cases_are_not_found_and_wrong_content_types_are_refused()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        (await client.GetAsync($"/api/cases/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Send(client, Guid.NewGuid(), "anything", "{}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var text = await client.PostAsync("/api/cases", new StringContent("definitionId=x", Encoding.UTF8, "text/plain"));
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var huge = await client.PostAsync("/api/cases", new StringContent(new string(' ', 2 * 1024 * 1024), Encoding.UTF8, "application/json"));
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_is_final()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartAsync(client);
        (await client.PostAsJsonAsync($"/api/cases/{id}/cancel", new { reason = "" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsJsonAsync($"/api/cases/{id}/cancel", new { reason = "withdrawn by the TMO" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/cases/{id}/cancel", new { reason = "again" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString().Should().Be("cancelled");
    }

    private static async Task<Guid> StartAsync(HttpClient client, string? reference = null)
    {
        var started = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", reference, organisations = DecisionCases.Organisations });
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, Guid id, string name, string json, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/events/{name}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
