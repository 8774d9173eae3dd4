using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RightToManage.Notifications.Tests.Transport;

/// <summary>
/// An SMTP server that gives chosen replies, for the failures maildev cannot produce (rejected mailboxes, 4xx, silence).
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _greeting;
    private readonly Func<string, string> _rcpt;
    private readonly string _afterData;
    private readonly Task _accepting;
    private readonly ConcurrentQueue<string> _messages = new();

    /// <param name="greeting">The first reply; null to accept the connection and never say anything.</param>
    /// <param name="rcpt">The reply to each RCPT TO line.</param>
    /// <param name="afterData">The reply once the message has been transferred.</param>
    public ScriptedSmtpServer(string? greeting = "220 scripted ESMTP", Func<string, string>? rcpt = null, string afterData = "250 2.0.0 queued")
    {
        _greeting = greeting;
        _rcpt = rcpt ?? (_ => "250 2.1.5 ok");
        _afterData = afterData;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Every message transferred with DATA, as it was on the wire (headers and body, dot-stuffing undone).</summary>
    public IReadOnlyCollection<string> Messages => _messages;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                if (_greeting is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                await writer.WriteLineAsync(_greeting);
                if (!_greeting.StartsWith('2')) return;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO" or "RSET" or "NOOP":
                            await writer.WriteLineAsync("250 scripted");
                            break;
                        case "MAIL":
                            await writer.WriteLineAsync("250 2.1.0 ok");
                            break;
                        case "RCPT":
                            await writer.WriteLineAsync(_rcpt(line));
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                            var message = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                            {
                                message.Append(data.StartsWith("..", StringComparison.Ordinal) ? data[1..] : data).Append("\r\n");
                            }
                            _messages.Enqueue(message.ToString());
                            await writer.WriteLineAsync(_afterData);
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.1 not implemented");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client hung up or the test ended; either way there is no one left to answer.
            }
        }
    }
}
