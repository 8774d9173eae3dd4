using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace RightToManage.Notifications.Transport;

/// <summary>Turns a <see cref="MailEnvelope"/> into the <see cref="MailMessage"/> both transports hand to <see cref="SmtpClient"/>.</summary>
internal static class MailMessageFactory
{
    // Headers System.Net.Mail writes from MailMessage's own properties (it would silently overwrite or drop ours),
    // plus the ones only the envelope may set. Accepting them as extras would send something other than what was asked.
    private static readonly HashSet<string> ManagedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Message-ID", "Date", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID",
        "X-Priority", "Priority", "Importance", "X-Sender", "X-Receiver",
    };

    /// <exception cref="MailDeliveryException">Permanent: the envelope itself is unsendable, so no retry can help.</exception>
    public static MailMessage Create(MailEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var mail = new MailMessage();
        try
        {
            Fill(mail, envelope);
            return mail;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            mail.Dispose();
            // A malformed address or header comes from data (a recipient typed in by a person), not from the network:
            // the same envelope will fail the same way every time, so a caller must not queue it for retry.
            throw new MailDeliveryException($"Message {envelope.MessageId} cannot be sent: {ex.Message}", isPermanent: true, ex);
        }
    }

    private static void Fill(MailMessage mail, MailEnvelope envelope)
    {
        ValidateMessageId(envelope.MessageId);
        if (envelope.To.Count + envelope.Cc.Count == 0) throw new ArgumentException("The message has no recipients.");

        mail.From = Address(envelope.From);
        foreach (var recipient in envelope.To) mail.To.Add(Address(recipient));
        foreach (var recipient in envelope.Cc) mail.CC.Add(Address(recipient));

        mail.SubjectEncoding = Encoding.UTF8;
        mail.Subject = envelope.Subject;
        // Without this, non-ASCII extra header values would go out as raw 8-bit bytes, which 7-bit SMTP servers mangle.
        mail.HeadersEncoding = Encoding.UTF8;

        mail.BodyEncoding = Encoding.UTF8;
        mail.IsBodyHtml = false;
        // Bodies are base64-encoded, which carries bare LFs through untouched; MIME's canonical form for text is CRLF.
        mail.Body = envelope.Text.ReplaceLineEndings("\r\n");
        if (envelope.Html is not null)
        {
            // With an alternate view System.Net.Mail sends multipart/alternative with Body as the first (text/plain) part;
            // readers pick the last part they can show, so HTML-capable clients show the HTML and others the text.
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(
                envelope.Html.ReplaceLineEndings("\r\n"), Encoding.UTF8, MediaTypeNames.Text.Html));
        }

        // System.Net.Mail never generates a Message-ID of its own, and treats this header as a singleton
        // (Headers.Add replaces rather than appends), so what we set is exactly what goes on the wire, once.
        mail.Headers["Message-ID"] = $"<{envelope.MessageId}>";

        foreach (var (name, value) in envelope.Headers)
        {
            ValidateExtraHeader(name, value);
            mail.Headers.Add(name, value);
        }
    }

    private static MailAddress Address(MailRecipient recipient) =>
        // UTF-8 display names become RFC 2047 encoded words, so "Siân Jones" survives 7-bit transport.
        new(recipient.Email, recipient.Name, Encoding.UTF8);

    private static void ValidateMessageId(string messageId)
    {
        // Angle brackets are added here; an id that already has them, or has spaces, would produce a header
        // that receivers parse differently from what the journal recorded, breaking de-duplication by Message-ID.
        if (string.IsNullOrEmpty(messageId) || !messageId.Contains('@', StringComparison.Ordinal)
            || messageId.Any(c => c is '<' or '>' || c <= ' ' || c > '~'))
        {
            throw new ArgumentException($"Message-ID \"{messageId}\" must be printable ASCII of the form local@domain, without angle brackets or spaces.");
        }
    }

    private static void ValidateExtraHeader(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c is <= ' ' or > '~' or ':'))
        {
            throw new ArgumentException($"\"{name}\" is not a valid header name.");
        }
        if (ManagedHeaders.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Header {name} is written by the transport and cannot be set as an extra header.");
        }
        // A line break in a value would let it start a header (or the body) of its own.
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Header {name} has a line break in its value.");
        }
    }
}
