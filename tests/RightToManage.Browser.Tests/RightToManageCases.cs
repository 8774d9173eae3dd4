using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Identity;

namespace RightToManage.Browser.Tests;

/// <summary>
/// Brings a Right to Manage case between the demo TMO and council, through the API, to where a browser test takes
/// over. Dates count back from today, because the Host runs on the real clock: the notice was served 6 days ago and
/// received 5 days ago, so the council's 28 days (reg 11) end 23 days from today.
/// </summary>
public sealed class RightToManageCases(BrowserHost host)
{
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    public async Task<(Guid Id, string Reference)> AtCouncilDecisionAsync(string reference)
    {
        using var admin = await host.ApiAsync(DemoSeed.Admin);
        using var committee = await host.ApiAsync(DemoSeed.TmoCommittee);
        using var officer = await host.ApiAsync(DemoSeed.LaOfficer);
        var started = await BrowserHost.PostAsync(admin, "/api/cases", new
        {
            definitionId = "right-to-manage", reference,
            organisations = new Dictionary<string, string> { ["tmo"] = DemoSeed.Tmo, ["local-authority"] = DemoSeed.Council },
            parties = new Dictionary<string, object[]>
            {
                ["tmo-secretary"] = [new { name = "Sam Secretary", email = "secretary@tmo.example" }],
                ["tmo-committee"] = [new { name = "Chris Chair", email = "chair@tmo.example" }],
                ["officer"] = [new { name = "Olu Officer", email = "officer@council.example" }],
                ["officer-manager"] = [new { name = "Mo Manager", email = "manager@council.example" }],
            },
        });
        var id = started.GetProperty("id").GetGuid();
        string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

        await CompleteAsync(committee, id, "exploreOptions", "pursue", new { notes = "The tenants' meeting chose tenant management." });
        await CompleteAsync(committee, id, "authorisingVote", "recorded", new
        {
            method = "general-meeting", membersInFavour = 41, membersAgainst = 6, voteRecord = await UploadAsync(committee, id, "minutes.pdf"),
            constitution = await UploadAsync(committee, id, "constitution.pdf"), areaSpecified = true, openMembership = true, avoidsDiscrimination = true, democraticGovernance = true,
        });
        await CompleteAsync(committee, id, "deliverCopies", "delivered", new { deliveredOn = Day(9), deliveryEvidence = await UploadAsync(committee, id, "delivery-log.pdf"), housesDelivered = 62 });
        await CompleteAsync(committee, id, "serveNotice", "served", new
        {
            servedOn = Day(6), proposalNotice = await UploadAsync(committee, id, "notice.pdf"), voteRecord = await UploadAsync(committee, id, "minutes.pdf"),
            deliveryEvidence = await UploadAsync(committee, id, "delivery-log.pdf"), houses = 62, secureTenancies = 48,
            housesList = "1 Acorn Court\n2 Acorn Court\n3 Acorn Court\n4 Acorn Court", existingAgreementHouses = 0,
        });
        await CompleteAsync(officer, id, "recordReceipt", "recorded", new { receivedOn = Day(5) });
        await OpenTaskAsync(officer, id, "councilDecides");
        return (id, reference);
    }

    /// <summary>The open task of a step, once the case has reached it (a timer may have to fire first).</summary>
    public static async Task<string> OpenTaskAsync(HttpClient client, Guid id, string activity)
    {
        for (var attempt = 0; ; attempt++)
        {
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
            var task = view.GetProperty("tasks").EnumerateArray()
                .FirstOrDefault(t => t.GetProperty("status").GetString() == "open" && t.GetProperty("activity").GetString() == activity);
            if (task.ValueKind == JsonValueKind.Object) return task.GetProperty("id").GetString()!;
            if (attempt == 40) throw new InvalidOperationException($"No open task for {activity}; the case is at {view.GetProperty("stageLabels")} with {view.GetProperty("tasks")}");
            await Task.Delay(250);
        }
    }

    public static async Task CompleteAsync(HttpClient client, Guid id, string activity, string outcome, object data)
    {
        var task = await OpenTaskAsync(client, id, activity);
        await BrowserHost.PostAsync(client, $"/api/tasks/{task}/complete", new { outcome, data });
    }

    public static async Task<string> UploadAsync(HttpClient client, Guid id, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 test document"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", name);
        var response = await client.PostAsync($"/api/cases/{id}/documents", form);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
