using System.Collections.Concurrent;
using System.Net;
using RightToManage.Host.Tests;

namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>
/// The Host processes under test, all on one database, and the way load reaches them: every request goes to a
/// live node and is sent again when the node dies under it, the database is away or the node is still starting,
/// exactly as a browser or an integration would retry. What a retry may not do is apply anything twice: that is
/// for the idempotency of the API to ensure, and for the audit to check.
/// </summary>
public sealed class HostNodes : IDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    private readonly string _connectionString;
    private readonly TimeSpan _clockOffset;
    private readonly (string Key, string Value)[] _settings;
    private readonly HostProcess?[] _nodes;
    private readonly ConcurrentDictionary<(HostProcess Node, string User), Lazy<Task<HttpClient>>> _clients = new();
    private int _next;

    public HostNodes(string connectionString, TimeSpan clockOffset, int count, params (string Key, string Value)[] settings)
    {
        _connectionString = connectionString;
        _clockOffset = clockOffset;
        _settings = settings;
        _nodes = new HostProcess?[count];
    }

    /// <summary>Requests that had to be sent again because no answer came (the node died or was starting).</summary>
    public int Retries => _retries;
    private int _retries;

    /// <summary>How many times a node was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>Process start to a ready answer, per start, in order.</summary>
    public ConcurrentQueue<TimeSpan> StartTimes { get; } = new();

    public int Count => _nodes.Length;

    /// <summary>The nodes' clock (real time plus the offset they run with).</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + _clockOffset;

    public async Task StartAllAsync()
    {
        for (var i = 0; i < _nodes.Length; i++) await StartAsync(i);
    }

    public async Task StartAsync(int index)
    {
        var started = DateTimeOffset.UtcNow;
        _nodes[index] = await HostProcess.StartAsync(_connectionString, _clockOffset, _settings);
        StartTimes.Enqueue(DateTimeOffset.UtcNow - started);
    }

    /// <summary>SIGKILL, as in a crash: in-flight requests lose their answers and nothing is flushed.</summary>
    public void Kill(int index)
    {
        var node = _nodes[index];
        _nodes[index] = null;
        if (node is null) return;
        node.Kill();
        Kills++;
        foreach (var key in _clients.Keys.Where(k => k.Node == node).ToList())
            if (_clients.TryRemove(key, out var client) && client.IsValueCreated && client.Value.IsCompletedSuccessfully) client.Value.Result.Dispose();
        node.Dispose();
    }

    /// <summary>A live node's address (for health probes), or null while none is up.</summary>
    public HostProcess? Node(int index) => _nodes[index];

    /// <summary>
    /// Sends a request as a demo user, to the live nodes in turn, until one answers with something other than
    /// "unavailable" (502, 503, 504) or <paramref name="patience"/> runs out.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(string user, Func<HttpRequestMessage> request, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var giveUp = DateTimeOffset.UtcNow + patience;
        string? lastFailure = null;
        while (DateTimeOffset.UtcNow < giveUp)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = PickLiveNode();
            if (node is not null)
            {
                try
                {
                    var client = await _clients.GetOrAdd((node, user), key => new Lazy<Task<HttpClient>>(() => key.Node.CreateClientAsAsync(key.User))).Value;
                    var response = await client.SendAsync(request(), cancellationToken);
                    if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)) return response;
                    lastFailure = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    response.Dispose();
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ObjectDisposedException
                                           || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // The node died under the request (or while signing in): its client goes with it.
                    lastFailure = ex.Message;
                    if (_clients.TryGetValue((node, user), out var lazy) && lazy.IsValueCreated && lazy.Value.IsFaulted) _clients.TryRemove((node, user), out _);
                }
                Interlocked.Increment(ref _retries);
            }
            await Task.Delay(RetryPause, cancellationToken);
        }
        throw new TimeoutException($"No node answered {user}'s request within {patience}; last failure: {lastFailure}");
    }

    private HostProcess? PickLiveNode()
    {
        for (var tried = 0; tried < _nodes.Length; tried++)
        {
            var node = _nodes[(int)((uint)Interlocked.Increment(ref _next) % _nodes.Length)];
            if (node is not null) return node;
        }
        return null;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            if (client.IsValueCreated && client.Value.IsCompletedSuccessfully) client.Value.Result.Dispose();
        for (var i = 0; i < _nodes.Length; i++) _nodes[i]?.Dispose();
    }
}
