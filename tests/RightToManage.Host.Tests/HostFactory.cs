using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>The real Host over the real HTTP pipeline, on a fresh database of the given provider.</summary>
public sealed class HostFactory(string provider, string connectionString) : WebApplicationFactory<Program>
{
    public static async Task<HostFactory> CreateAsync(string provider = TestDatabases.Postgres) =>
        new(provider, await TestDatabases.CreateConnectionStringAsync(provider));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", provider);
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Workflows:DefinitionsPath", Path.Combine(RepositoryFiles.Root, "workflow-definitions"));
    }
}
