using System.Diagnostics;
using Npgsql;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own (scripts/lib/postgres.sh), so that it can be stopped and started again
/// without touching the server every other test shares.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly Dictionary<string, string> _cluster;

    private ThrowawayPostgres(Dictionary<string, string> cluster) => _cluster = cluster;

    /// <summary>A connection string to the database "rtm" on this cluster.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_cluster["PG_PORT"]};Username=postgres;Database=rtm";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        // Above the kernel's ephemeral range (32768–60999 by default), where no client connection can be holding the port.
        var output = await ShellAsync("PG_PORT_BASE=61432 pg_start >&2 && echo \"PG_BIN=$PG_BIN\" && echo \"PG_ROOT=$PG_ROOT\" && echo \"PG_PORT=$PG_PORT\" && echo \"PG_SOCKET_DIR=$PG_SOCKET_DIR\"", new Dictionary<string, string>());
        var cluster = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var postgres = new ThrowawayPostgres(cluster);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString.Replace("Database=rtm", "Database=postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE rtm", connection);
        await create.ExecuteNonQueryAsync();
        return postgres;
    }

    /// <summary>Stops the server at once (immediate shutdown: connections cut, no checkpoint), as an outage would.</summary>
    public Task HaltAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return ShellAsync("pg_halt", _cluster);
    }

    /// <summary>Starts the server again on the same port, with crash recovery.</summary>
    public Task LaunchAsync() => ShellAsync("pg_launch", _cluster);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ShellAsync("pg_stop", _cluster);
    }

    private static async Task<string> ShellAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"source scripts/lib/postgres.sh && {command}");
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
