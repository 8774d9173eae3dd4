using RightToManage.Notifications;
using RightToManage.Notifications.DependencyInjection;

namespace RightToManage.Host.Hosting;

public static class NotificationsSetup
{
    /// <summary>
    /// Email from the <c>Notifications</c> section: SMTP when <c>Notifications:Smtp:Host</c> is set, otherwise .eml
    /// files under the data directory's <c>mail</c> folder. Templates come from <c>workflow-definitions/templates</c>.
    /// </summary>
    public static WebApplicationBuilder AddEmailNotifications(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Notifications");
        var options = section.Get<NotificationsOptions>() ?? new NotificationsOptions();
        if (section["PickupDirectory"] is not { Length: > 0 })
        {
            var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
            options.PickupDirectory = Path.Combine(storage.DataDirectory, "mail");
        }
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        builder.Services.AddNotifications(options, _ => DefinitionsFolder.Find(configuration, environment) is { } folder ? Path.Combine(folder, "templates") : null);
        return builder;
    }
}
