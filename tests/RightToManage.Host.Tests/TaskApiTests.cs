using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>An officer works the council's decision task through the API; the case moves on through the chosen outcome.</summary>
public class TaskApiTests
{
    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task An_officer_claims_and_completes_the_decision_and_the_case_moves_on(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider, clock: DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
        var officer = await SignedIn.AsAsync(host, DemoSeed.LaOfficer);
        var manager = await SignedIn.AsAsync(host, DemoSeed.LaManager);
        var committee = await SignedIn.AsAsync(host, DemoSeed.TmoCommittee);
        var id = await DecisionCases.StartReceivedAsync(committee, "RTM-TASK-1");

        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/tasks?view=team");
        var item = inbox.GetProperty("items").EnumerateArray().Single();
        var taskId = item.GetProperty("id").GetString()!;
        item.GetProperty("title").GetString().Should().Be("Decide on the proposal notice");
        item.GetProperty("caseReference").GetString().Should().Be("RTM-TASK-1");
        item.GetProperty("lastDay").GetString().Should().Be("2026-12-18");
        item.GetProperty("priority").GetString().Should().Be("high");
        item.GetProperty("overdue").GetBoolean().Should().BeFalse();

        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        detail.GetProperty("source").GetString().Should().Be("SI 2012/1821 reg 11");
        detail.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()).Should().Equal("accept", "refuse");
        detail.GetProperty("canClaim").GetBoolean().Should().BeTrue();

        (await officer.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await officer.GetFromJsonAsync<JsonElement>("/api/tasks?view=mine")).GetProperty("total").GetInt32().Should().Be(1);
        (await manager.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the officer holds it");
        (await manager.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "accept" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await manager.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = DemoSeed.TmoMember })).StatusCode
            .Should().Be(HttpStatusCode.UnprocessableEntity, "a TMO member cannot take the council's task");
        (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = DemoSeed.LaManager })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "only a manager hands tasks on");
        (await manager.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = DemoSeed.LaManager })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await manager.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { assignee = DemoSeed.LaOfficer })).StatusCode.Should().Be(HttpStatusCode.OK);

        var noReasons = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "refuse", data = new { } });
        noReasons.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await noReasons.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("$.data.reasons", out _).Should().BeTrue();
        var badOutcome = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "defer" });
        (await badOutcome.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("$.outcome", out _).Should().BeTrue();
        (await officer.PostAsync($"/api/tasks/{taskId}/complete", new StringContent("{\"outcome\": ", System.Text.Encoding.UTF8, "application/json"))).StatusCode
            .Should().Be(HttpStatusCode.UnprocessableEntity, "malformed JSON is refused like any bad input");

        var done = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "refuse", data = new { reasons = "Fewer than 25 secure tenancies." } });
        done.StatusCode.Should().Be(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "accept" })).StatusCode.Should().Be(HttpStatusCode.Conflict, "a task completes once");

        var view = await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        view.GetProperty("outcome").GetString().Should().Be("refused");
        view.GetProperty("variables").GetProperty("decidedBy").GetString().Should().Be(DemoSeed.LaOfficer);
        view.GetProperty("tasks").EnumerateArray().Single().GetProperty("status").GetString().Should().Be("completed");
        var kinds = await DecisionCases.StepKindsAsync(committee, id);
        kinds.Should().ContainInOrder("taskClaimed", "taskReassigned", "taskReassigned", "taskCompleted");
        var journal = await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal");
        journal.EnumerateArray().Last().GetProperty("actor").GetString().Should().StartWith("api-key:").And.EndWith($"(user:{DemoSeed.LaOfficer})");

        var timeline = (await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).EnumerateArray().ToList();
        timeline.Select(s => s.GetProperty("stage").GetString()).Should().Equal("Proposal notice", "Council decision");
        timeline.Select(s => s.GetProperty("status").GetString()).Should().Equal("completed", "completed");
        timeline[1].GetProperty("dueBy").GetString().Should().Be("2026-12-18");
        timeline[1].GetProperty("dueSource").GetString().Should().StartWith("SI 2012/1821 reg 11");
    }

    [Fact]
    public async Task Case_search_filters_by_status_stage_and_deadline_and_pages()
    {
        await using var host = await HostFactory.CreateAsync(clock: DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
        var officer = await SignedIn.AsAsync(host, DemoSeed.LaOfficer);
        for (var i = 0; i < 3; i++) await DecisionCases.StartReceivedAsync(officer, $"RTM-SEARCH-{i}");
        var waitingForNotice = await officer.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", organisations = DecisionCases.Organisations });
        waitingForNotice.EnsureSuccessStatusCode();

        async Task<int> Total(string query) => (await officer.GetFromJsonAsync<JsonElement>($"/api/cases{query}")).GetProperty("total").GetInt32();
        (await Total("")).Should().Be(4);
        (await Total("?status=waiting")).Should().Be(4);
        (await Total("?status=completed")).Should().Be(0);
        (await Total("?stage=Council%20decision")).Should().Be(3);
        (await Total("?deadlineWithinDays=30")).Should().Be(3, "the decision deadlines pass on 19 December");
        (await Total("?deadlineWithinDays=10")).Should().Be(0);
        (await Total("?organisation=demo-tmo")).Should().Be(4);
        var page = await officer.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=3&page=2");
        page.GetProperty("items").GetArrayLength().Should().Be(1);
        (await officer.GetAsync("/api/cases?status=sideways")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await officer.GetAsync("/api/cases?pageSize=1000")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
