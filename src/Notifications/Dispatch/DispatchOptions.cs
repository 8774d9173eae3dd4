namespace RightToManage.Notifications.Dispatch;

/// <summary>How the outbox dispatcher works through messages (section <c>Notifications:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>Off for nodes that should not send mail; messages wait for a node that does.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due messages besides being woken by a commit on this node (others' commits, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message is reserved for one attempt; after it, another node may try. Longer than an SMTP timeout.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>Messages of a batch sent at once, each on its own SMTP connection: a queue left by an outage drains this many times faster.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Attempts before a message is given up and an incident raised (the first attempt counts).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
