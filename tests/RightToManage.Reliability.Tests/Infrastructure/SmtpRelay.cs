using System.Net;
using System.Net.Sockets;

namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of the SMTP server, so the server can "go away" (connections refused, open ones cut) and come
/// back on the same port while the real server behind it keeps everything it received for the audit.
/// </summary>
public sealed class SmtpRelay : IAsyncDisposable
{
    private readonly int _target;
    private TcpListener? _listener;
    private CancellationTokenSource _open = new();

    public SmtpRelay(int targetPort)
    {
        _target = targetPort;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Start()
    {
        _open = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _open.Token);
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Stop()
    {
        _open.Cancel();
        _listener?.Stop();
        _listener = null;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken closed)
    {
        while (!closed.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(closed);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client, closed);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken closed)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, closed);
                var from = client.GetStream();
                var to = server.GetStream();
                await Task.WhenAny(from.CopyToAsync(to, closed), to.CopyToAsync(from, closed));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // Cut by Stop, or closed by either end.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
