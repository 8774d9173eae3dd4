using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace RightToManage.Tests.Shared;

/// <summary>A message as maildev received it. Addresses are bare and lower-case; <see cref="MessageId"/> keeps its angle brackets.</summary>
/// <param name="Headers">
/// Decoded, with names that compare case-insensitively; a repeated header's values are joined with ", ".
/// maildev's parser drops the address headers, so From, To and Cc are rebuilt from its parsed addresses
/// as <c>Name &lt;address&gt;</c>, which keeps the display names testable.
/// </param>
public sealed record ReceivedMail(
    string Subject,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string From,
    string Text,
    string? Html,
    string? MessageId,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real SMTP server for tests: maildev (pinned in tests/smtp/package.json) run with Node on free loopback ports,
/// read back through its REST API.
/// </summary>
/// <remarks>
/// maildev keeps mail in memory: whatever it received before <see cref="StopAsync"/> is gone after
/// <see cref="RestartAsync"/>. Its binary is <c>RTM_TEST_MAILDEV</c> when set (scripts/test.sh sets it), else
/// tests/smtp/node_modules/maildev/dist/bin/maildev.js in this repository, installed by <c>npm ci --prefix tests/smtp</c>.
/// </remarks>
public sealed class MailDevServer : IAsyncDisposable
{
    public const string BinaryVariable = "RTM_TEST_MAILDEV";
    private const string RelativeBinary = "tests/smtp/node_modules/maildev/dist/bin/maildev.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binary;
    // maildev writes each received .eml under the OS temp folder, in one folder shared by every instance and emptied
    // at start-up; a temp folder of our own keeps parallel servers from deleting each other's files.
    private readonly string _workDirectory;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private MailDevServer(string binary, int smtpPort, int webPort)
    {
        _binary = binary;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _workDirectory = Directory.CreateTempSubdirectory("rtm-maildev-").FullName;
        // A proxy from the environment must never see requests meant for a server on this machine.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>What maildev printed (stdout and stderr, the last 500 lines), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<MailDevServer> StartAsync()
    {
        var binary = FindBinary();
        // Two free ports are only free until someone else takes them; a fresh pair is tried if maildev cannot bind.
        for (var attempt = 1; ; attempt++)
        {
            var smtpPort = FreePort();
            var webPort = FreePort();
            while (webPort == smtpPort) webPort = FreePort();
            var server = new MailDevServer(binary, smtpPort, webPort);
            try
            {
                await server.LaunchAsync();
                return server;
            }
            catch (PortInUseException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills maildev (and anything it started); afterwards the SMTP port refuses connections.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
        // The listening socket closes with the process, but the kernel may take a moment to say so.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await AcceptsAsync(SmtpPort))
        {
            if (DateTime.UtcNow > until) throw new InvalidOperationException($"Port {SmtpPort} still accepts connections after maildev was killed.");
            await Task.Delay(50);
        }
    }

    /// <summary>Starts maildev again on the same ports. It starts empty: messages received before the stop are lost.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    public async Task<IReadOnlyList<ReceivedMail>> GetMessagesAsync()
    {
        using var response = await _http.GetAsync("api/email");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"maildev GET /api/email answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.EnumerateArray().Select(Parse).ToList();
    }

    /// <summary>Polls until at least <paramref name="count"/> messages have arrived; throws <see cref="TimeoutException"/> otherwise.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = await GetMessagesAsync();
            if (messages.Count >= count) return messages;
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"maildev received {messages.Count} of {count} messages in {timeout.TotalSeconds:0.#} s. Its output:{Environment.NewLine}{Output}");
            }
            await Task.Delay(100);
        }
    }

    public async Task DeleteAllAsync()
    {
        using var response = await _http.DeleteAsync("api/email/all");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"maildev DELETE /api/email/all answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _http.Dispose();
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task LaunchAsync()
    {
        if (_process is not null) throw new InvalidOperationException("maildev is already running.");
        // Flags of maildev 3: the web server also serves the REST API under /api.
        var info = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            // maildev reads .maildevrc.json and friends from its working folder and every parent; ours holds none.
            WorkingDirectory = _workDirectory,
        };
        foreach (var argument in new[]
        {
            _binary,
            "--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--web-ip", "127.0.0.1",
        }) info.ArgumentList.Add(argument);
        // A developer's MAILDEV_* settings (ports, auth, a mail directory) would change what the tests talk to.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MAILDEV_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }
        info.Environment["TMPDIR"] = _workDirectory;
        info.Environment["TMP"] = _workDirectory;
        info.Environment["TEMP"] = _workDirectory;

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned no process for node.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start node to run maildev ({ex.Message}). The SMTP tests need Node.js 20 or later on PATH.", ex);
        }
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var until = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                _process = null;
                var output = Output;
                var exitCode = process.ExitCode;
                process.Dispose();
                var message = $"maildev ({_binary}) exited with {exitCode} during start-up on SMTP port {SmtpPort}, web port {WebPort}. Its output:{Environment.NewLine}{output}";
                if (output.Contains("EADDRINUSE", StringComparison.Ordinal)) throw new PortInUseException(message);
                throw new InvalidOperationException(message);
            }
            if (await AcceptsAsync(SmtpPort) && await ApiAnswersAsync()) return;
            if (DateTime.UtcNow > until)
            {
                await StopAsync();
                throw new TimeoutException($"maildev did not become ready in {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{Output}");
            }
            await Task.Delay(100);
        }
    }

    private async Task<bool> ApiAnswersAsync()
    {
        try
        {
            using var response = await _http.GetAsync("api/email");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 500) _output.TryDequeue(out _);
    }

    private static string FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable(BinaryVariable);
        var binary = !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot() ?? "", RelativeBinary.Replace('/', Path.DirectorySeparatorChar));
        if (File.Exists(binary)) return binary;
        throw new InvalidOperationException(
            $"maildev was not found at {binary}. " +
            (string.IsNullOrWhiteSpace(configured) ? $"{BinaryVariable} is not set, so the copy in this repository was looked for. " : $"It is the path {BinaryVariable} names. ") +
            $"Run `npm ci --prefix tests/smtp` in the repository root (scripts/test.sh does so), or set {BinaryVariable} to maildev's bin script.");
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RightToManage.sln"))) return directory.FullName;
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static ReceivedMail Parse(JsonElement email)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (email.TryGetProperty("headers", out var rawHeaders) && rawHeaders.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in rawHeaders.EnumerateObject()) headers[header.Name] = HeaderText(header.Value);
        }
        foreach (var name in new[] { "from", "to", "cc" })
        {
            if (!headers.ContainsKey(name) && Mailboxes(email, name) is { Length: > 0 } mailboxes) headers[name] = mailboxes;
        }
        return new ReceivedMail(
            Subject: Property(email, "subject") ?? string.Empty,
            To: Addresses(email, "to"),
            Cc: Addresses(email, "cc"),
            From: Addresses(email, "from").FirstOrDefault() ?? string.Empty,
            Text: Property(email, "text") ?? string.Empty,
            Html: Property(email, "html"),
            MessageId: headers.GetValueOrDefault("message-id"),
            Headers: headers);
    }

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Addresses(JsonElement email, string name)
    {
        if (!email.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return list.EnumerateArray()
            .Select(a => Property(a, "address"))
            .OfType<string>()
            .Select(a => a.ToLowerInvariant())
            .ToList();
    }

    private static string Mailboxes(JsonElement email, string name)
    {
        if (!email.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return string.Empty;
        return string.Join(", ", list.EnumerateArray().Select(a =>
            Property(a, "name") is { Length: > 0 } display ? $"{display} <{Property(a, "address")}>" : Property(a, "address") ?? string.Empty));
    }

    // The parser behind maildev gives most headers as strings, repeated ones as arrays, and structured ones
    // (addresses, content types) as objects with a display "text" or a "value".
    private static string HeaderText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(HeaderText)),
        JsonValueKind.Object when Property(value, "text") is { } text => text,
        JsonValueKind.Object when Property(value, "value") is { } single => single,
        _ => value.GetRawText(),
    };

    private sealed class PortInUseException(string message) : Exception(message);
}
