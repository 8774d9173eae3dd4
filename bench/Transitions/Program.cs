using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RightToManage.Bench.Transitions;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

// Durable workflow transitions per second on PostgreSQL.
// Usage: RightToManage.Bench.Transitions --connection <npgsql connection string> [--clients 1,4,16] [--seconds 10]
//        [--cases-per-client 8] [--warmup-seconds 2] [--warmup-max-seconds 60] [--step] [--profile]
// Prints one machine-readable line per client level (stdout):
//   engine clients=4 tps=1234.5 p50_ms=2.1 p99_ms=6.3 transitions=12345 seconds=10.00 cpu_ms_per_tx=0.81 alloc_kb_per_tx=95.2 jit_methods=0
// then a verification line and peak_working_set_mb=… . Exits non-zero on any failure.
// Warm-up lasts at least --warmup-seconds and goes on (up to --warmup-max-seconds) until the JIT has settled,
// so tiered compilation is not still competing for the CPU during a measured level.
// --step: print "ready" after warm-up, then run each level only when a line arrives on stdin (a driver script
// runs pgbench in between, on the same server, without this process's warm-up being lost).

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: RightToManage.Bench.Transitions --connection <cs> [--clients 1,4,16] [--seconds 10] [--cases-per-client 8] " +
        "[--warmup-seconds 2] [--warmup-max-seconds 60] [--step] [--profile]");
    return 2;
}

using var memory = new WorkingSetSampler(TimeSpan.FromMilliseconds(50));
using var profiler = options.Profile ? new NpgsqlProfiler() : null;

var store = WorkflowStores.Postgres(options.Connection);
await store.MigrateAsync();
var catalog = new DefinitionCatalog(store, RightToManage.Workflows.Activities.ActivityRegistry.BuiltIn);
var parsed = DefinitionJson.Parse(BenchDefinition.Json);
if (parsed.Definition is null) throw new InvalidOperationException("The benchmark definition does not parse: " + string.Join("; ", parsed.Errors));
await catalog.AddAsync(parsed.Definition, DefinitionOrigin.Database, publish: true);
var runtime = new WorkflowRuntime(store, catalog);

// Fresh cases for every run, so runs never see each other's state. Client i owns cases
// [i * casesPerClient, (i + 1) * casesPerClient): clients never contend on a case row.
var maxClients = options.Clients.Max();
var cases = new Guid[options.CasesPerClient * maxClients];
var sent = new long[cases.Length]; // transitions applied per case (its "count" must end equal to this)
for (var i = 0; i < cases.Length; i++) cases[i] = Guid.CreateVersion7();
await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = maxClients }, async (id, ct) =>
{
    var started = await runtime.StartAsync(new StartCaseRequest { DefinitionId = BenchDefinition.Id, InstanceId = id, Actor = "bench" }, ct);
    if (started.Outcome != StimulusOutcome.Applied || started.Status != InstanceStatus.Waiting)
        throw new InvalidOperationException($"Starting case {id} gave {started.Outcome}/{started.Status}: {started.Message}");
});
Console.Error.WriteLine($"started {cases.Length} cases; warming up at {maxClients} clients");

// Warm-up: at least WarmupSeconds, then in one-second rounds until fewer than 10 methods a second are still being
// JIT-compiled (under full load tiered compilation can take tens of seconds on two cores), or WarmupMaxSeconds.
var warmup = Stopwatch.StartNew();
long warmupTransitions = 0;
warmupTransitions += (await RunLevelAsync(maxClients, TimeSpan.FromSeconds(options.WarmupSeconds))).Transitions;
long jitBefore, jitRound;
do
{
    jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    var round = await RunLevelAsync(maxClients, TimeSpan.FromSeconds(1));
    warmupTransitions += round.Transitions;
    jitRound = (long)((System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore) / round.Elapsed.TotalSeconds);
}
while (jitRound >= 10 && warmup.Elapsed.TotalSeconds < options.WarmupMaxSeconds);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"warmup seconds={warmup.Elapsed.TotalSeconds:0.0} transitions={warmupTransitions} jit_methods_per_s_at_end={jitRound}"));
profiler?.Reset();
if (options.Profile) Console.WriteLine(await NpgsqlProfiler.ProbeRoundTripAsync(options.Connection));
profiler?.Reset();
if (options.Step)
{
    Console.WriteLine("ready");
    Console.Out.Flush();
}

foreach (var clients in options.Clients)
{
    if (options.Step && Console.In.ReadLine() is null) break;
    GC.Collect();
    var jitAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var level = await RunLevelAsync(clients, TimeSpan.FromSeconds(options.Seconds));
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

    var n = level.Transitions;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"engine clients={clients} tps={n / level.Elapsed.TotalSeconds:0.0} p50_ms={level.Percentile(0.50):0.00} p99_ms={level.Percentile(0.99):0.00} " +
        $"transitions={n} seconds={level.Elapsed.TotalSeconds:0.00} cpu_ms_per_tx={cpu.TotalMilliseconds / n:0.000} alloc_kb_per_tx={allocated / 1024.0 / n:0.0} " +
        $"jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount() - jitAtStart}"));
    Console.Out.Flush();
    if (profiler is not null) Console.WriteLine($"profile clients={clients} {profiler.Report(n)}");
    profiler?.Reset();
}

// Honesty check: every counted transition must be in the database, once, with an intact journal chain.
var verifyWatch = Stopwatch.StartNew();
for (var i = 0; i < cases.Length; i++)
{
    var snapshot = await runtime.GetAsync(cases[i]) ?? throw new InvalidOperationException($"Case {cases[i]} vanished.");
    var count = snapshot.Variables.TryGetValue("count", out var c) ? c.GetInt64() : 0;
    var confirmed = snapshot.Variables.TryGetValue("confirmed", out var f) ? f.GetInt64() : 0;
    if (snapshot.Status != InstanceStatus.Waiting || count != sent[i] || confirmed != sent[i])
        throw new InvalidOperationException($"Case {cases[i]}: status {snapshot.Status}, count {count}, confirmed {confirmed}, but {sent[i]} transitions were applied.");
    var journal = await runtime.VerifyJournalAsync(cases[i]);
    if (!journal.IsValid) throw new InvalidOperationException($"Case {cases[i]}: journal chain broken: {journal.Problem}");
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"verify cases={cases.Length} transitions={sent.Sum()} state=ok journal=ok seconds={verifyWatch.Elapsed.TotalSeconds:0.0}"));

var peak = Math.Max(memory.Peak, Process.GetCurrentProcess().PeakWorkingSet64);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"peak_working_set_mb={peak / 1048576.0:0.0} sampled_max_working_set_mb={memory.Peak / 1048576.0:0.0}"));
return 0;

// Runs `clients` concurrent loops for `duration`; each sends "step" to its own cases round-robin.
async Task<LevelResult> RunLevelAsync(int clients, TimeSpan duration)
{
    var latencies = new List<long>[clients];
    var watch = Stopwatch.StartNew();
    var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
    {
        var mine = latencies[client] = new List<long>(1 << 16);
        var first = client * options.CasesPerClient;
        for (var k = 0; watch.Elapsed < duration; k++)
        {
            var index = first + k % options.CasesPerClient;
            var next = sent[index] + 1;
            var begin = Stopwatch.GetTimestamp();
            var result = await runtime.SendAsync(new Stimulus
            {
                InstanceId = cases[index],
                EventName = BenchDefinition.EventName,
                IdempotencyKey = $"step-{next}",
                Payload = JsonSerializer.SerializeToElement(next),
                Actor = "bench",
            });
            var end = Stopwatch.GetTimestamp();
            if (result.Outcome != StimulusOutcome.Applied || result.Status != InstanceStatus.Waiting)
                throw new InvalidOperationException($"Step {next} on case {cases[index]} gave {result.Outcome}/{result.Status}: {result.Message}");
            sent[index] = next;
            mine.Add(end - begin);
        }
    })).ToArray();
    await Task.WhenAll(loops);
    var elapsed = watch.Elapsed; // includes the requests in flight at the deadline, which are counted too
    var all = latencies.SelectMany(l => l).ToArray();
    Array.Sort(all);
    return new LevelResult(all, elapsed);
}

internal sealed record LevelResult(long[] SortedTicks, TimeSpan Elapsed)
{
    public int Transitions => SortedTicks.Length;

    public double Percentile(double p)
    {
        if (SortedTicks.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * SortedTicks.Length) - 1;
        return SortedTicks[Math.Clamp(rank, 0, SortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}

internal sealed record BenchOptions(string Connection, int[] Clients, double Seconds, int CasesPerClient, double WarmupSeconds, double WarmupMaxSeconds, bool Step, bool Profile)
{
    public static BenchOptions? Parse(string[] args)
    {
        string? connection = null;
        int[] clients = [1, 4, 16];
        double seconds = 10, warmup = 2, warmupMax = 60;
        int casesPerClient = 8;
        bool profile = false, step = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--connection": connection = Next(); break;
                case "--clients": clients = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cases-per-client": casesPerClient = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup-seconds": warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup-max-seconds": warmupMax = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--step": step = true; break;
                case "--profile": profile = true; break;
                default: return null;
            }
        }
        if (connection is null || clients.Length == 0 || clients.Any(c => c < 1) || seconds <= 0 || casesPerClient < 1 || warmup < 0) return null;
        return new BenchOptions(connection, clients, seconds, casesPerClient, warmup, Math.Max(warmup, warmupMax), step, profile);
    }
}

/// <summary>Samples <see cref="Environment.WorkingSet"/> in the background and keeps the highest value.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public WorkingSetSampler(TimeSpan interval)
    {
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                var now = Environment.WorkingSet;
                if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    public long Peak => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);

    public void Dispose()
    {
        _stop.Cancel();
        try { _loop.Wait(); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

/// <summary>
/// With --profile: counts the database operations Npgsql traces (commands, batches) and the time spent in
/// them, so the per-transition round trips and the share of time waiting on the server can be read off.
/// </summary>
internal sealed class NpgsqlProfiler : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _byName = new();

    public NpgsqlProfiler()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var name = Classify(activity);
                _byName.AddOrUpdate(name, (1, activity.Duration.Ticks), (_, v) => (v.Count + 1, v.Ticks + activity.Duration.Ticks));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Reset() => _byName.Clear();

    public string Report(long transitions) => string.Join(" ", _byName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        string.Create(CultureInfo.InvariantCulture,
            $"{p.Key}:per_tx={p.Value.Count / (double)transitions:0.00},avg_ms={TimeSpan.FromTicks(p.Value.Ticks).TotalMilliseconds / Math.Max(1, p.Value.Count):0.000}")));

    public void Dispose() => _listener.Dispose();

    /// <summary>The client stack's floor: a bare <c>SELECT 1</c> round trip, on an open connection and with a pool open/close around it.</summary>
    public static async Task<string> ProbeRoundTripAsync(string connectionString)
    {
        const int Samples = 2000;
        await using var source = Npgsql.NpgsqlDataSource.Create(connectionString);
        var open = new double[Samples];
        var pooled = new double[Samples];
        await using (var connection = await source.OpenConnectionAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT 1", connection);
            for (var i = 0; i < Samples; i++)
            {
                var begin = Stopwatch.GetTimestamp();
                await command.ExecuteScalarAsync();
                open[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            }
        }
        for (var i = 0; i < Samples; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            await using (var connection = await source.OpenConnectionAsync())
            {
                await using var command = new Npgsql.NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            }
            pooled[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        }
        Array.Sort(open);
        Array.Sort(pooled);
        return string.Create(CultureInfo.InvariantCulture,
            $"probe select1_rtt_p50_ms={open[Samples / 2]:0.000} pool_open_select1_close_p50_ms={pooled[Samples / 2]:0.000}");
    }

    private static string Classify(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var kind = text.Contains("FOR UPDATE", StringComparison.Ordinal) ? "lock-read"
            : text.Contains("UPDATE wf_instances", StringComparison.Ordinal) || text.StartsWith("INSERT INTO wf_stimuli", StringComparison.Ordinal) ? "write-batch"
            : text.TrimStart().Split([' ', '\n', '\r', '\t'], 2)[0].ToLowerInvariant();
        return $"{activity.OperationName}/{kind}";
    }
}
