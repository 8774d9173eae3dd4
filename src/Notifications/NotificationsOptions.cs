using RightToManage.Notifications.Dispatch;
using RightToManage.Notifications.Transport;

namespace RightToManage.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    /// <summary>The sender's name and address, e.g. "Right to Manage" and "no-reply@council.example".</summary>
    public string FromName { get; set; } = "RightToManage";

    public string FromAddress { get; set; } = "no-reply@rtm.invalid";

    /// <summary>Links in messages point here, e.g. "https://rtm.council.example" → …/cases/{id}.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The right-hand side of each Message-ID; by default the sender address's domain.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>SMTP server. With no <see cref="SmtpOptions.Host"/>, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP server is configured (relative to the working directory).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>The templates folder; by default <c>templates</c> inside the workflow-definitions folder.</summary>
    public string? TemplatesPath { get; set; }

    public DispatchOptions Dispatch { get; set; } = new();
}
