using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>The built Host run as its own process, for tests that kill or cluster servers.</summary>
public sealed class HostProcess : IDisposable
{
    private const int KeptLines = 40;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    // The last lines the process wrote, for the message when it fails to start.
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    private string Output => string.Join(Environment.NewLine, _output);

    // Everything the process wrote, in artifacts/host-logs/, for finding out afterwards what a node did.
    private StreamWriter? _log;

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines) _output.TryDequeue(out _);
        lock (_output) _log?.WriteLine(line);
    }

    private void OpenLog()
    {
        var folder = Path.Combine(RepositoryFiles.Root, "artifacts", "host-logs");
        Directory.CreateDirectory(folder);
        _log = new StreamWriter(Path.Combine(folder, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss-fff}-{Address.Port}.log")) { AutoFlush = true };
    }

    public Uri Address { get; }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in on this node as a demo user (a session cookie and the anti-forgery header).</summary>
    public async Task<HttpClient> CreateClientAsAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email, password = HostFactory.DemoPassword });
        if (!signIn.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in as {email} answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    /// <param name="settings">More configuration, e.g. ("Notifications:Smtp:Host", "127.0.0.1").</param>
    public static async Task<HostProcess> StartAsync(string connectionString, TimeSpan clockOffset, params (string Key, string Value)[] settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        // The Host's own build output, in the configuration these tests were built in.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var host = Path.Combine(RepositoryFiles.Root, "src", "Host", "bin", configuration, "net10.0", "RightToManage.Host.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "exec", host,
            "--urls", address.ToString(),
            "--Storage:Provider", "postgres",
            "--Storage:ConnectionString", connectionString,
            "--Workflows:DefinitionsPath", Path.Combine(RepositoryFiles.Root, "workflow-definitions"),
            "--Testing:ClockOffset", clockOffset.ToString("c"),
        }) info.ArgumentList.Add(argument);
        settings = [("Identity:Seed:Enabled", "true"), ("Identity:Seed:Password", HostFactory.DemoPassword), .. settings];
        if (!settings.Any(s => s.Key == "Notifications:PickupDirectory"))
            settings = [.. settings, ("Notifications:PickupDirectory", Path.Combine(Path.GetTempPath(), "rtm-test-mail", Guid.NewGuid().ToString("N")))];
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}");
            info.ArgumentList.Add(value);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(info)!;
        var node = new HostProcess(process, address);
        node.OpenLog();
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = node.CreateClient();
        // Generous: on a 2-CPU machine busy with other work a start can take tens of seconds; start time is measured in bench/, not here.
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < ReadyTimeout;)
        {
            if (process.HasExited) throw new InvalidOperationException($"The Host exited with {process.ExitCode} during start-up:{Environment.NewLine}{node.Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return node;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        node.Dispose();
        throw new TimeoutException($"The Host did not become ready in {ReadyTimeout.TotalSeconds:F0} s:{Environment.NewLine}{node.Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_output) _log?.Dispose();
        _log = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
