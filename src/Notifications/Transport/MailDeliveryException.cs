namespace RightToManage.Notifications.Transport;

/// <summary>A message was not delivered.</summary>
/// <remarks>
/// Callers decide between retrying and giving up on <see cref="IsPermanent"/> alone, so a transport must never let a
/// raw SMTP or IO exception escape: it would leave the caller guessing.
/// </remarks>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException(string message, bool isPermanent, Exception? inner = null)
        : base(message, inner)
    {
        IsPermanent = isPermanent;
    }

    /// <summary>
    /// True when sending the same message again will fail the same way (a rejected mailbox, a malformed address);
    /// false when a later attempt may succeed (server down, timeout, a 4xx reply).
    /// </summary>
    public bool IsPermanent { get; }
}
