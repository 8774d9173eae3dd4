using System.Net.Mail;
using System.Text;

namespace RightToManage.Notifications.Transport;

/// <summary>
/// Writes each message as an .eml file instead of sending it: the default when no SMTP server is configured, so a new
/// installation works at once and a person can open what would have been sent in any mail client.
/// </summary>
/// <remarks>
/// The file is named after the Message-ID's local part (<c>&lt;local&gt;.eml</c>), so writing the same message again
/// replaces it rather than adding a copy. It is written in a staging folder (<c>.tmp/&lt;guid&gt;</c> under the
/// directory) and moved into place whole, so the visible folder never holds a half-written file; a crash can leave a
/// stray folder under <c>.tmp</c>, never a partial .eml. Two messages whose ids share a local part would share a file.
/// </remarks>
public sealed class PickupDirectoryMailTransport : IMailTransport
{
    private const string StagingFolder = ".tmp";
    private const int MaxFileNameLength = 200;

    private readonly string _directory;

    public PickupDirectoryMailTransport(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        // SmtpClient refuses a relative pickup location; resolving once also makes Describe() say where the files really are.
        _directory = Path.GetFullPath(directory);
    }

    public string Describe() => $"files under {_directory}";

    public async Task SendAsync(MailEnvelope message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var mail = MailMessageFactory.Create(message);
        var target = Path.Combine(_directory, FileName(message.MessageId));
        var staging = Path.Combine(_directory, StagingFolder, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(staging);
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                await client.SendMailAsync(mail, cancellationToken).ConfigureAwait(false);
            }
            // SmtpClient names the file itself (a GUID), so it is found rather than predicted.
            var written = Directory.GetFiles(staging);
            if (written.Length != 1)
            {
                throw new MailDeliveryException($"Writing {message.MessageId} under {staging} produced {written.Length} files, expected one.", isPermanent: false);
            }
            // Flushed to disk before the rename, so after a power cut the name never points at data that was not yet written.
            using (var stream = new FileStream(written[0], FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                stream.Flush(flushToDisk: true);
            }
            File.Move(written[0], target, overwrite: true);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not MailDeliveryException)
        {
            throw new OperationCanceledException("Writing the message was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or UnauthorizedAccessException)
        {
            // A full disk or a permission problem is fixed outside the message, so a later attempt may succeed.
            throw new MailDeliveryException($"Could not write {message.MessageId} to {target}: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : string.Empty)}", isPermanent: false, ex);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>The Message-ID's local part reduced to characters that are safe in a file name on every platform.</summary>
    internal static string FileName(string messageId)
    {
        var at = messageId.IndexOf('@', StringComparison.Ordinal);
        var local = at >= 0 ? messageId[..at] : messageId;
        var name = new StringBuilder(local.Length);
        foreach (var c in local)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }
        // A leading dot would hide the file on Unix and could spell "..", so it is replaced.
        var result = name.ToString();
        if (result.Length == 0) result = "message";
        if (result[0] == '.') result = "_" + result[1..];
        if (result.Length > MaxFileNameLength) result = result[..MaxFileNameLength];
        return result + ".eml";
    }

    private static void TryDelete(string staging)
    {
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        catch (IOException)
        {
            // Leaving an empty staging folder behind is harmless; failing a send that already succeeded is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
