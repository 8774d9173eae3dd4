using Microsoft.AspNetCore.DataProtection;

namespace RightToManage.Host.Hosting;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keeps the keys that protect sign-in cookies and anti-forgery tokens in <c>DataProtection:KeysPath</c> (by
    /// default the data directory's <c>keys</c> folder), so sessions survive a restart. Every node of a cluster must
    /// share that folder, or a cookie issued by one node is refused by the others.
    /// </summary>
    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var path = builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } configured ? configured : Path.Combine(storage.DataDirectory, "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("RightToManage")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(path)));
        return builder;
    }
}
