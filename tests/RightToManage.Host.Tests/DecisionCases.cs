using System.Net.Http.Json;
using System.Text.Json;

namespace RightToManage.Host.Tests;

/// <summary>The example definition driven through the API: start a case and record the notice's receipt.</summary>
internal static class DecisionCases
{
    /// <summary>Starts a proposal-notice-decision case received on 20 Nov 2026: its 28 days end on 18 Dec.</summary>
    public static async Task<Guid> StartReceivedAsync(HttpClient client, string? reference = null)
    {
        var started = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", reference, organisations = Organisations });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/cases/{id}/events/proposal-notice-received", JsonContent.Create("2026-11-20"))).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The demo TMO and council, as every test case is between them.</summary>
    public static readonly Dictionary<string, string> Organisations = new() { ["tmo"] = "demo-tmo", ["local-authority"] = "demo-council" };

    /// <summary>The kinds of every step in the case's journal, in order.</summary>
    public static async Task<IReadOnlyList<string>> StepKindsAsync(HttpClient client, Guid id)
    {
        var journal = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal");
        return journal.EnumerateArray().SelectMany(r => r.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("kind").GetString()!).ToList();
    }

    /// <summary>The case's open decision task (as any user who can see the case).</summary>
    public static async Task<string> DecisionTaskAsync(HttpClient client, Guid id)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        return view.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("status").GetString() == "open" && t.GetProperty("activity").GetString() == "councilDecides")
            .GetProperty("id").GetString()!;
    }

    /// <summary>The council's officer completes the decision task (reasons are required to refuse).</summary>
    public static async Task DecideAsync(HttpClient officer, Guid id, string outcome)
    {
        var task = await DecisionTaskAsync(officer, id);
        var data = outcome == "refuse" ? new { reasons = "Fewer than 25 secure tenancies in the proposed area." } : null;
        var response = await officer.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome, data });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Completing {task} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<bool> IsOverdueAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("variables").GetProperty("decisionOverdue").GetBoolean();
}
