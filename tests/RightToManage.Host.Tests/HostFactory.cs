using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>The real Host over the real HTTP pipeline, on a fresh database of the given provider.</summary>
public sealed class HostFactory(string provider, string connectionString, DateTimeOffset? clock, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <param name="clock">Where the server's clock should stand now; it then runs in real time from there.</param>
    /// <param name="settings">More configuration, e.g. ["Notifications:Smtp:Host"] = "127.0.0.1".</param>
    public static async Task<HostFactory> CreateAsync(string provider = TestDatabases.Postgres, DateTimeOffset? clock = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(provider, await TestDatabases.CreateConnectionStringAsync(provider), clock, settings);

    /// <summary>Every test host seeds the demo users (see DemoSeed) with this password.</summary>
    public const string DemoPassword = "demo-password-for-tests";

    public string ConnectionString => connectionString;

    /// <summary>Where mail goes as .eml files when no SMTP server is configured: a fresh folder per host.</summary>
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "rtm-test-mail", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", provider);
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Workflows:DefinitionsPath", Path.Combine(RepositoryFiles.Root, "workflow-definitions"));
        if (clock is { } now) builder.UseSetting("Testing:ClockOffset", (now - DateTimeOffset.UtcNow).ToString("c"));
        builder.UseSetting("Notifications:PickupDirectory", PickupDirectory);
        builder.UseSetting("Identity:Seed:Enabled", "true");
        builder.UseSetting("Identity:Seed:Password", DemoPassword);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }
}
