namespace RightToManage.Workflows.Persistence;

/// <summary>Where an outbox message is in its delivery. Stored by name.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>Accepted by the mail server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up: a permanent refusal or too many attempts. An incident on the case says why.</summary>
    Failed,
}
