using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Host.Tests;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Browser.Tests;

/// <summary>
/// One real Host process on a fresh PostgreSQL database, serving the built web app, and one Debian chromium driven
/// by Playwright, shared by the browser tests. Each test opens its own browser context (its own cookies), signs in
/// through the sign-in page, and makes its own cases, so tests do not see each other's work.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        Host = await HostProcess.StartAsync(connectionString, TimeSpan.Zero);
        _playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("RTM_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"No browser at {chromium}: install Debian's chromium (apt-get install chromium), or set RTM_CHROMIUM. ./scripts/test.sh installs it.");
        // --no-sandbox: the tests may run as root (CI here does), where chromium refuses its sandbox.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A page in a fresh browser context, signed in as <paramref name="email"/> through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = Host.Address.ToString(), Locale = "en-GB", TimezoneId = "Europe/London", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(HostFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        return page;
    }

    /// <summary>A fresh browser context with nobody signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = Host.Address.ToString(), Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>An API client signed in as a demo user, to set up what a test needs.</summary>
    public Task<HttpClient> ApiAsync(string email) => Host.CreateClientAsAsync(email);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body) =>
        await ReadAsync(await client.PostAsJsonAsync(path, body));

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        Host?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
