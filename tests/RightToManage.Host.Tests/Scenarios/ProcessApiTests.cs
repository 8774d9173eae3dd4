using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;

namespace RightToManage.Host.Tests.Scenarios;

/// <summary>The shipped statutory processes through the real HTTP pipeline: stage labels, the timeline and holds.</summary>
public class ProcessApiTests
{
    private static async Task<Guid> StartAsync(HttpClient client, string definitionId, string tenants)
    {
        var started = await client.PostAsJsonAsync("/api/cases", new
        {
            definitionId, reference = $"{definitionId}-api",
            organisations = new Dictionary<string, string> { [tenants] = DemoSeed.Tmo, ["local-authority"] = DemoSeed.Council },
        });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<string> OpenTaskAsync(HttpClient client, Guid id, string activity)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        return view.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("status").GetString() == "open" && t.GetProperty("activity").GetString() == activity)
            .GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_right_to_manage_case_reads_stage_n_of_8_and_its_timeline_plans_the_stages()
    {
        await using var host = await HostFactory.CreateAsync();
        var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var committee = await SignedIn.AsAsync(host, DemoSeed.TmoCommittee);
        var id = await StartAsync(admin, "right-to-manage", "tmo");

        var view = await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        view.GetProperty("stageLabels").EnumerateArray().Select(l => l.GetString()).Should().Equal("Stage 1 of 8: Option exploration");
        view.TryGetProperty("hold", out _).Should().BeFalse("a case that is not paused has no hold");

        var task = await OpenTaskAsync(committee, id, "exploreOptions");
        (await committee.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "pursue" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var timeline = (await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).EnumerateArray().ToList();
        timeline.Should().HaveCount(8);
        timeline[1].GetProperty("label").GetString().Should().Be("Stage 2 of 8: Authorising the proposal");
        timeline[1].GetProperty("status").GetString().Should().Be("in-progress");
        timeline[0].GetProperty("status").GetString().Should().Be("completed");
        timeline[2].GetProperty("plannedStart").GetString().Should().NotBeNull("planned from stage 2's planned 3 months");

        // The TMO withdraws: an event its committee may send.
        (await committee.PostAsync($"/api/cases/{id}/events/proposal-withdrawn", JsonContent.Create(new { withdrawnOn = "2027-01-05" }))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("outcome").GetString().Should().Be("withdrawn");
    }

    [Fact]
    public async Task A_halt_application_pauses_a_right_to_transfer_case_and_its_tasks_answer_409_until_the_decision()
    {
        await using var host = await HostFactory.CreateAsync();
        var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var committee = await SignedIn.AsAsync(host, DemoSeed.TmoCommittee);
        var officer = await SignedIn.AsAsync(host, DemoSeed.LaOfficer);
        var id = await StartAsync(admin, "right-to-transfer", "tenant-group");
        var resolve = await OpenTaskAsync(committee, id, "resolve");

        (await officer.PostAsync($"/api/cases/{id}/events/halt-applied", JsonContent.Create(new { applicationDate = "2027-01-10" }))).StatusCode.Should().Be(HttpStatusCode.OK);
        var held = await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        held.GetProperty("hold").GetProperty("reason").GetString().Should().Contain("halt the proposal");

        var blocked = await committee.PostAsJsonAsync($"/api/tasks/{resolve}/complete", new { outcome = "recorded", data = new { meetingOn = "2027-01-04", tenantsNotifiedOn = "2027-01-05", resolution = Guid.NewGuid() } });
        blocked.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("on hold");

        var decision = await OpenTaskAsync(officer, id, "recordHaltDecision");
        var letter = await UploadAsync(officer, id);
        (await officer.PostAsJsonAsync($"/api/tasks/{decision}/complete", new { outcome = "continue", data = new { decidedOn = "2027-03-01", decisionLetter = letter } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await committee.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).TryGetProperty("hold", out _).Should().BeFalse("the decision released it");
    }

    internal static async Task<string> UploadAsync(HttpClient client, Guid id)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 decision"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", "decision.pdf");
        var response = await client.PostAsync($"/api/cases/{id}/documents", form);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
