using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RightToManage.Host.Identity;

namespace RightToManage.Host.Tests.Identity;

/// <summary>
/// Clients that act as one of the demo users (<see cref="DemoSeed"/>). <see cref="AsAsync"/> uses an API key, made
/// once per host and user through the admin API and cached, so asking again is free.
/// </summary>
public static class SignedIn
{
    private sealed class HostState
    {
        public readonly ConcurrentDictionary<string, Lazy<Task<string>>> Keys = new(StringComparer.OrdinalIgnoreCase);
        public Lazy<Task<(HttpClient Client, Dictionary<string, string> UserIds)>>? Admin;
    }

    private static readonly ConditionalWeakTable<HostFactory, HostState> States = new();

    /// <summary>A new client that sends <c>Authorization: ApiKey …</c> for the user, e.g. <see cref="DemoSeed.LaOfficer"/>.</summary>
    public static async Task<HttpClient> AsAsync(HostFactory host, string email)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ApiKeys.HeaderScheme, await KeyAsync(host, email));
        return client;
    }

    /// <summary>The API key for the user (created on first use, then cached for this host).</summary>
    public static async Task<string> KeyAsync(HostFactory host, string email)
    {
        var state = States.GetValue(host, _ => new HostState());
        var lazy = state.Keys.GetOrAdd(email, e => new Lazy<Task<string>>(() => CreateKeyAsync(host, state, e)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            state.Keys.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(email, lazy));
            throw;
        }
    }

    /// <summary>
    /// A new client with a session cookie for the user, as the web app has: signed in with
    /// <see cref="HostFactory.DemoPassword"/>, and sending the anti-forgery header on every request.
    /// </summary>
    public static async Task<HttpClient> WithCookieAsync(HostFactory host, string email, string password = HostFactory.DemoPassword)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    private static async Task<string> CreateKeyAsync(HostFactory host, HostState state, string email)
    {
        Lazy<Task<(HttpClient, Dictionary<string, string>)>> admin;
        lock (state)
        {
            state.Admin ??= new(() => AdminAsync(host));
            admin = state.Admin;
        }
        var (client, userIds) = await admin.Value;
        if (!userIds.TryGetValue(email, out var userId))
        {
            // A user the test created after the list was read.
            var users = await client.GetFromJsonAsync<JsonElement>("/api/users");
            userId = users.EnumerateArray().FirstOrDefault(u => string.Equals(u.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase)) is { ValueKind: JsonValueKind.Object } user
                ? user.GetProperty("id").GetString()!
                : throw new ArgumentException($"No user {email} on this host.", nameof(email));
        }
        var response = await client.PostAsJsonAsync($"/api/users/{userId}/api-keys", new { name = $"tests ({email})" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Creating a key for {email} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    private static async Task<(HttpClient, Dictionary<string, string>)> AdminAsync(HostFactory host)
    {
        var client = await WithCookieAsync(host, DemoSeed.Admin);
        var users = await client.GetFromJsonAsync<JsonElement>("/api/users");
        var ids = users.EnumerateArray().ToDictionary(u => u.GetProperty("email").GetString()!, u => u.GetProperty("id").GetString()!, StringComparer.OrdinalIgnoreCase);
        return (client, ids);
    }
}
