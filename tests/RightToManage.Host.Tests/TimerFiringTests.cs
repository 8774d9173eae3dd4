using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>A statutory deadline passes while the real Host runs: Quartz fires the timer through the runtime.</summary>
public class TimerFiringTests
{
    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task The_decision_period_ends_and_the_case_escalates(string provider)
    {
        // Received 20 Nov 2026: the 28 days end on 18 Dec; the deadline passes at the start of 19 Dec (GMT).
        // The server's clock is set three seconds before that and runs on in real time.
        await using var host = await HostFactory.CreateAsync(provider, clock: DateTimeOffset.Parse("2026-12-18T23:59:57Z"));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await DecisionCases.StartReceivedAsync(client);

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        waiting.GetProperty("bookmarks").EnumerateArray().Where(b => b.TryGetProperty("dueAt", out _))
            .Select(b => b.GetProperty("dueAt").GetDateTimeOffset()).Should().Equal([DateTimeOffset.Parse("2026-12-19T00:00:00Z")],
                "the reminders (11 and 18 December, 09:00) are already past; only the expiry remains");

        for (var waited = 0; waited < 60 && !await DecisionCases.IsOverdueAsync(client, id); waited++) await Task.Delay(500);
        (await DecisionCases.IsOverdueAsync(client, id)).Should().BeTrue("the deadline passed and Quartz fired it");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString()
            .Should().Be("waiting", "an escalating deadline leaves the council still to decide");

        (await DecisionCases.StepKindsAsync(client, id)).Count(k => k == "deadlineExpired").Should().Be(1);
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal")).EnumerateArray().Last().GetProperty("actor").GetString().Should().Be("scheduler");

        await DecisionCases.DecideAsync(await SignedIn.AsAsync(host, DemoSeed.LaOfficer), id, "accept");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("outcome").GetString().Should().Be("accepted");
    }

    [Fact]
    public async Task An_officer_extends_the_decision_deadline_through_the_api()
    {
        await using var host = await HostFactory.CreateAsync(clock: DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await DecisionCases.StartReceivedAsync(client);

        var deadline = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("deadlines").EnumerateArray().Single();
        deadline.GetProperty("activity").GetString().Should().Be("councilDecides");
        deadline.GetProperty("lastDay").GetString().Should().Be("2026-12-18");
        deadline.GetProperty("source").GetString().Should().StartWith("SI 2012/1821 reg 11");

        var missing = await client.PostAsJsonAsync($"/api/cases/{id}/deadlines/councilDecides/extend", new { newLastDay = "2027-01-15" });
        missing.StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("$.reason").And.Contain("$.legalBasis");

        var extended = await client.PostAsJsonAsync($"/api/cases/{id}/deadlines/councilDecides/extend",
            new { newLastDay = "2027-01-15", reason = "Agreed with the TMO", legalBasis = "By agreement of the parties" });
        extended.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("deadlines")[0].GetProperty("lastDay").GetString().Should().Be("2027-01-15");

        var earlier = await client.PostAsJsonAsync($"/api/cases/{id}/deadlines/councilDecides/extend",
            new { newLastDay = "2026-12-20", reason = "x", legalBasis = "y" });
        earlier.StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity);
        (await earlier.Content.ReadAsStringAsync()).Should().Contain("$.newLastDay");
        (await client.PostAsJsonAsync($"/api/cases/{id}/deadlines/noSuchActivity/extend", new { newLastDay = "2027-02-01", reason = "x", legalBasis = "y" }))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
    }
}
