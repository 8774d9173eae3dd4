using RightToManage.Host.Tests;
using RightToManage.Tests.Shared;

namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>How the Hosts under test are configured: mail to a real SMTP server, with short waits so a run drains in seconds.</summary>
public static class HostSettings
{
    /// <summary>The nodes' clock stands this long before the decision periods end, and runs on in real time.</summary>
    public static TimeSpan ClockOffset(TimeSpan beforeDeadlines) =>
        Load.CasePlan.DecisionPeriodEnds - beforeDeadlines - DateTimeOffset.UtcNow;

    public static (string Key, string Value)[] With(MailDevServer mail) =>
    [
        .. NotificationTests.Smtp(mail).Select(s => (s.Key, s.Value)),
        // A message whose sender died mid-send is taken up again once its lease runs out: keep that short, but longer
        // than a send may take (the dispatcher leaves a message whose lease would end during its send).
        ("Notifications:Smtp:Timeout", "00:00:05"),
        ("Notifications:Dispatch:Lease", "00:00:20"),
    ];
}
