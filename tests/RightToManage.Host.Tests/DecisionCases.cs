using System.Net.Http.Json;
using System.Text.Json;

namespace RightToManage.Host.Tests;

/// <summary>The example definition driven through the API: start a case and record the notice's receipt.</summary>
internal static class DecisionCases
{
    /// <summary>Starts a proposal-notice-decision case received on 20 Nov 2026: its 28 days end on 18 Dec.</summary>
    public static async Task<Guid> StartReceivedAsync(HttpClient client, string? reference = null)
    {
        var started = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", reference });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/cases/{id}/events/proposal-notice-received", JsonContent.Create("2026-11-20"))).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The kinds of every step in the case's journal, in order.</summary>
    public static async Task<IReadOnlyList<string>> StepKindsAsync(HttpClient client, Guid id)
    {
        var journal = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/journal");
        return journal.EnumerateArray().SelectMany(r => r.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("kind").GetString()!).ToList();
    }

    public static async Task<bool> IsOverdueAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("variables").GetProperty("decisionOverdue").GetBoolean();
}
