using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>The real Host over the real HTTP pipeline, on a fresh database of the given provider.</summary>
public sealed class HostFactory(string provider, string connectionString, DateTimeOffset? clock) : WebApplicationFactory<Program>
{
    /// <param name="clock">Where the server's clock should stand now; it then runs in real time from there.</param>
    public static async Task<HostFactory> CreateAsync(string provider = TestDatabases.Postgres, DateTimeOffset? clock = null) =>
        new(provider, await TestDatabases.CreateConnectionStringAsync(provider), clock);

    public string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", provider);
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Workflows:DefinitionsPath", Path.Combine(RepositoryFiles.Root, "workflow-definitions"));
        if (clock is { } now) builder.UseSetting("Testing:ClockOffset", (now - DateTimeOffset.UtcNow).ToString("c"));
    }
}
