using RightToManage.Workflows.DependencyInjection;
using RightToManage.Workflows.Scheduling;
using RightToManage.Workflows.Time;

namespace RightToManage.Host.Hosting;

public static class WorkflowStorageSetup
{
    /// <summary>Wires the workflow module and its timers to the configured database; loads definitions at start.</summary>
    public static WebApplicationBuilder AddWorkflowStorage(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var (provider, connectionString) = storage.Resolve();
        builder.Services.AddWorkflows(options =>
        {
            if (provider == "postgres") options.UsePostgres(connectionString);
            else options.UseSqlite(connectionString);
            options.AddActivities(typeof(Notifications.Activities.SendNotification));
        });

        var time = TimeProvider.System;
        if (!builder.Environment.IsProduction() && builder.Configuration.GetValue<TimeSpan?>("Testing:ClockOffset") is { } offset)
        {
            time = new OffsetTimeProvider(offset);
            builder.Services.AddSingleton(time);
        }

        var bankHolidays = builder.Configuration.GetSection("Time:BankHolidays").Get<List<BankHolidayChange>>() ?? [];
        var calendar = StatutoryCalendar.England;
        builder.Services.AddSingleton(new StatutoryCalendar(calendar.BankHolidays.With(bankHolidays), calendar.Zone, calendar.ReminderTime));

        if (builder.Configuration.GetValue("Timers:Enabled", true))
            builder.Services.AddWorkflowTimers(provider, connectionString, time, options => builder.Configuration.GetSection("Timers").Bind(options));

        builder.Services.AddSingleton<DefinitionLoadState>();
        builder.Services.AddHostedService<WorkflowStartup>();
        return builder;
    }
}
