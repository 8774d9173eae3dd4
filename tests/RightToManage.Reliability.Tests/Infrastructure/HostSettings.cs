using RightToManage.Host.Tests;
using RightToManage.Tests.Shared;

namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>How the Hosts under test are configured: mail to a real SMTP server, with short waits so a run drains in seconds.</summary>
public static class HostSettings
{
    /// <summary>The nodes' clock stands this long before the decision periods end, and runs on in real time.</summary>
    public static TimeSpan ClockOffset(TimeSpan beforeDeadlines) =>
        Load.CasePlan.DecisionPeriodEnds - beforeDeadlines - DateTimeOffset.UtcNow;

    /// <param name="smtpPort">Where the nodes send mail, when not straight to maildev (through a <see cref="SmtpRelay"/>).</param>
    public static (string Key, string Value)[] With(MailDevServer mail, int? smtpPort = null) =>
    [
        .. NotificationTests.Smtp(mail).Where(s => s.Key != "Notifications:Smtp:Port").Select(s => (s.Key, s.Value)),
        ("Notifications:Smtp:Port", (smtpPort ?? mail.SmtpPort).ToString()),
        // A message whose sender died mid-send is taken up again once its lease runs out: keep that short, but longer
        // than a send may take (the dispatcher leaves a message whose lease would end during its send).
        ("Notifications:Smtp:Timeout", "00:00:05"),
        ("Notifications:Dispatch:Lease", "00:00:20"),
        // Retry every few seconds, and for long enough to outlast a 30-second SMTP outage (the defaults back off from
        // 30 s to an hour over 10 attempts, which would make the test wait hours for the queue to drain).
        ("Notifications:Dispatch:MaxBackoff", "00:00:03"),
        ("Notifications:Dispatch:MaxAttempts", "100"),
    ];
}
