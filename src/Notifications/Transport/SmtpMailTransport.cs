using System.Net;
using System.Net.Mail;

namespace RightToManage.Notifications.Transport;

/// <summary>Sends mail to an SMTP server with System.Net.Mail.</summary>
/// <remarks>
/// <para>
/// TLS: with <see cref="SmtpOptions.StartTls"/> the client connects in plain text and upgrades with STARTTLS
/// (the usual submission port 587). Implicit TLS ("SMTPS", port 465) is not supported: System.Net.Mail cannot speak it,
/// and a send to such a port fails as a transient error (the client waits for a greeting that never comes in plain text).
/// </para>
/// <para>
/// Failures are classified for retry: a 5xx reply (a rejected mailbox, a refused message) is permanent; connection
/// failures, timeouts, 421 and other 4xx replies are transient. When only some recipients are rejected the message has
/// already gone to the others, so a retry would send it to them again; the unchanged Message-ID lets them recognise it.
/// </para>
/// </remarks>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpOptions _options;

    public SmtpMailTransport(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host)) throw new ArgumentException("SMTP host is required.", nameof(options));
        if (options.Port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), options.Port, "SMTP port must be 1 to 65535.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "SMTP timeout must be positive and under 24 days.");
        }
        _options = options;
    }

    public string Describe() => $"SMTP {_options.Host}:{_options.Port} ({(_options.StartTls ? "STARTTLS" : "no TLS")})";

    public async Task SendAsync(MailEnvelope message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var mail = MailMessageFactory.Create(message);
        // SmtpClient is not thread-safe and allows one send at a time; one per send lets callers send concurrently.
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = _options.StartTls,
            Timeout = (int)_options.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.UseDefaultCredentials = false;
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password ?? string.Empty);
        }

        // SmtpClient.Timeout is documented for the synchronous Send only, so the async send gets a deadline of its own.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            await client.SendMailAsync(mail, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up: that is not a delivery failure, and must not be recorded as one.
            throw new OperationCanceledException("Sending was cancelled.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw new MailDeliveryException($"{Describe()} did not finish sending {message.MessageId} within {_options.Timeout.TotalSeconds:0.#} s.", isPermanent: false, ex);
        }
        catch (SmtpFailedRecipientsException ex)
        {
            throw Rejected(message, ex.InnerExceptions.Length > 0 ? ex.InnerExceptions : new SmtpFailedRecipientException[] { ex }, ex);
        }
        catch (SmtpFailedRecipientException ex)
        {
            throw Rejected(message, [ex], ex);
        }
        catch (SmtpException ex)
        {
            // 530–538 (STARTTLS required, authentication failed…) are our configuration, not this message: once
            // an operator fixes it every queued message should go, so they are retried, not given up one by one.
            var permanent = IsPermanent(ex.StatusCode) && (int)ex.StatusCode is not (>= 530 and <= 538);
            throw new MailDeliveryException(
                $"{Describe()} failed to send {message.MessageId} ({Status(ex.StatusCode)}): {ex.Message}{InnerMessage(ex)}", permanent, ex);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            // Network trouble outside SmtpClient's own wrapping: nothing about the message itself is wrong.
            throw new MailDeliveryException($"{Describe()} failed to send {message.MessageId}: {ex.Message}", isPermanent: false, ex);
        }
    }

    private MailDeliveryException Rejected(MailEnvelope message, IReadOnlyList<SmtpFailedRecipientException> failures, Exception ex)
    {
        // Permanent only when every rejection is: a mailbox that is merely busy (450) or a full disk (452) may accept later.
        var permanent = failures.All(f => IsPermanent(f.StatusCode));
        var recipients = string.Join(", ", failures.Select(f => $"{f.FailedRecipient?.Trim('<', '>')} ({Status(f.StatusCode)})"));
        return new MailDeliveryException($"{Describe()} rejected recipients of {message.MessageId}: {recipients}. {ex.Message}", permanent, ex);
    }

    /// <summary>5xx replies are final by RFC 5321. GeneralFailure (-1) is what SmtpClient reports when it never got a reply
    /// (connection refused, reset, TLS failure), and 421 means the server is closing for now: both are worth retrying.</summary>
    private static bool IsPermanent(SmtpStatusCode status) =>
        status != SmtpStatusCode.GeneralFailure && status != SmtpStatusCode.ServiceNotAvailable && (int)status is >= 500 and < 600;

    private static string Status(SmtpStatusCode status) =>
        status == SmtpStatusCode.GeneralFailure ? "no SMTP reply" : $"{status} {(int)status}";

    private static string InnerMessage(Exception ex) => ex.InnerException is { } inner ? $" ({inner.Message})" : string.Empty;
}
