namespace RightToManage.Notifications.Transport;

/// <summary>Hands a message to the outside world (an SMTP server, or files a person can open).</summary>
public interface IMailTransport
{
    /// <summary>Sends one message.</summary>
    /// <exception cref="MailDeliveryException">
    /// The message was not delivered; <see cref="MailDeliveryException.IsPermanent"/> tells whether trying again can help.
    /// </exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    Task SendAsync(MailEnvelope message, CancellationToken cancellationToken);

    /// <summary>Where mail goes, for logs and the start-up banner, e.g. "SMTP mail.example:587 (STARTTLS)". Never includes credentials.</summary>
    string Describe();
}
