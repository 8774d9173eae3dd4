using System.Net.Http.Json;
using System.Text.Json;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>What the API says about a case and its tasks, for checking that a request left them whole.</summary>
internal static class CaseState
{
    /// <summary>Why the case's journal does not verify, or null when its hash chain holds.</summary>
    public static async Task<string?> JournalProblemAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/cases/{id}/journal/verify");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) return $"verifying case {id}'s journal answered {(int)response.StatusCode}: {text}";
        return JsonDocument.Parse(text).RootElement.GetProperty("isValid").GetBoolean() ? null : $"case {id}'s journal does not verify: {text}";
    }

    /// <summary>The task's status (open, completed, …) as GET /api/tasks/{id} gives it.</summary>
    public static async Task<string> TaskStatusAsync(HttpClient client, string taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("task").GetProperty("status").GetString()!;
}
