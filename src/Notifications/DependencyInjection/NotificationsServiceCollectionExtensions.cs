using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Dispatch;
using RightToManage.Notifications.Templates;
using RightToManage.Notifications.Transport;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Time;
using RightToManage.Workflows.Validation;

namespace RightToManage.Notifications.DependencyInjection;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds email notifications: the template catalog, automatic notifications, definition checks, and the
    /// outbox dispatcher (a hosted service unless <see cref="DispatchOptions.Enabled"/> is off). Register the
    /// <see cref="Activities.SendNotification"/> activity with the workflow module as well.
    /// </summary>
    /// <param name="defaultTemplatesFolder">Where templates are when <see cref="NotificationsOptions.TemplatesPath"/> is not set.</param>
    public static IServiceCollection AddNotifications(this IServiceCollection services, NotificationsOptions options, Func<IServiceProvider, string?> defaultTemplatesFolder)
    {
        if (options.Dispatch.Concurrency < 1)
            throw new InvalidOperationException($"Notifications:Dispatch:Concurrency ({options.Dispatch.Concurrency}) must be at least 1.");
        if (options.Dispatch.Lease <= options.Smtp.Timeout + TimeSpan.FromSeconds(10))
            throw new InvalidOperationException(
                $"Notifications:Dispatch:Lease ({options.Dispatch.Lease}) must be longer than Notifications:Smtp:Timeout ({options.Smtp.Timeout}) plus 10 seconds: a message must be sent within its lease.");
        services.AddSingleton(options);
        services.AddSingleton(sp =>
        {
            var folder = options.TemplatesPath is { Length: > 0 } configured ? Path.GetFullPath(configured) : defaultTemplatesFolder(sp);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("RightToManage.Notifications.Templates");
            if (folder is null)
            {
                logger.LogWarning("No templates folder found; set Notifications:TemplatesPath");
                return TemplateCatalog.Empty;
            }
            var catalog = TemplateCatalog.Load(folder, out var errors);
            foreach (var error in errors)
                logger.LogError("Template {File}{Line} was not loaded: {Message}", error.File, error.Line is { } line ? $":{line}" : "", error.Message);
            logger.LogInformation("Loaded {Count} email template(s) from {Folder}", catalog.All.Count, folder);
            return catalog;
        });
        services.AddSingleton<IRunObserver, AutomaticNotifications>();
        services.AddSingleton<IDefinitionCheck, NotificationDefinitionCheck>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<DispatchSignal>());
        services.AddSingleton(sp => new MailComposer(
            sp.GetRequiredService<TemplateCatalog>(), options, (sp.GetService<StatutoryCalendar>() ?? StatutoryCalendar.England).Zone));
        services.AddSingleton<IMailTransport>(_ => options.Smtp.Host is { Length: > 0 }
            ? new SmtpMailTransport(options.Smtp)
            : new PickupDirectoryMailTransport(Path.GetFullPath(options.PickupDirectory)));
        services.AddSingleton<OutboxDispatcher>();
        if (options.Dispatch.Enabled) services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
