using System.Diagnostics;
using Npgsql;
using RightToManage.Reliability.Tests.Infrastructure;
using RightToManage.Reliability.Tests.Load;

// One level of the cluster benchmark: N Host processes on one PostgreSQL database, driven for a fixed time by the
// reliability tests' generated load (start a case, record the notice's receipt, decide two in three) through the
// API from W concurrent workers. Prints one machine-readable line; bench/run-cluster.sh runs the levels and pgbench.
// Usage: Cluster <connection string to an empty database> <nodes> <seconds> <workers>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Cluster <connection string> <nodes> <seconds> <workers>");
    return 2;
}
var connectionString = args[0];
int nodeCount = int.Parse(args[1]), seconds = int.Parse(args[2]), workers = int.Parse(args[3]);

using var nodes = new HostNodes(connectionString, TimeSpan.Zero, nodeCount);
await nodes.StartAllAsync();
// Warm up every node (JIT, pools, prepared statements) before the clock starts.
var warmup = new CaseLoad(nodes, $"WARM{nodeCount}", workers);
var warm = Stopwatch.StartNew();
await warmup.RunAsync(workers * 2, () => warm.Elapsed < TimeSpan.FromSeconds(10));

var committedBefore = await CommittedRunsAsync();
var load = new CaseLoad(nodes, $"BENCH{nodeCount}", workers);
var clock = Stopwatch.StartNew();
await load.RunAsync(0, () => clock.Elapsed < TimeSpan.FromSeconds(seconds));
var elapsed = clock.Elapsed.TotalSeconds;
var committed = await CommittedRunsAsync() - committedBefore;

var cases = load.Started.Count;
Console.WriteLine(FormattableString.Invariant(
    $"nodes={nodeCount} workers={workers} seconds={elapsed:F1} cases={cases} cases_per_s={cases / elapsed:F1} transitions={committed} transitions_per_s={committed / elapsed:F1} requests_resent={nodes.Retries}"));
return 0;

async Task<long> CommittedRunsAsync()
{
    // One journal record per committed run: the engine's own count of durable transitions.
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT count(*) FROM wf_journal", connection);
    return (long)(await command.ExecuteScalarAsync())!;
}
