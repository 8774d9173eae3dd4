namespace RightToManage.Notifications.Transport;

/// <summary>One message, ready to hand to an <see cref="IMailTransport"/>.</summary>
/// <param name="Html">The HTML alternative; when null the message is plain text only.</param>
/// <param name="MessageId">
/// The Message-ID without angle brackets, e.g. <c>0193…@rtm.example</c>. It is sent as <c>Message-ID: &lt;…&gt;</c>
/// and stays the same on every retry, so a retried send can be recognised as the same message by whoever receives it twice.
/// </param>
/// <param name="Headers">Extra headers, e.g. <c>X-RTM-Case</c>; they may not replace the headers the transport writes itself.</param>
public sealed record MailEnvelope(
    MailRecipient From,
    IReadOnlyList<MailRecipient> To,
    IReadOnlyList<MailRecipient> Cc,
    string Subject,
    string Text,
    string? Html,
    string MessageId,
    IReadOnlyDictionary<string, string> Headers);
