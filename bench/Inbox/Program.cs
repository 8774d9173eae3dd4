using System.Diagnostics;
using System.Globalization;
using RightToManage.Bench.Inbox;
using RightToManage.Workflows.Persistence;

// Task inbox and case search latency on PostgreSQL with many cases. Two commands (see bench/README.md):
//
//   RightToManage.Bench.Inbox populate --connection <cs> --definition workflow-definitions/proposal-notice-decision.json
//       [--cases 100000] [--concurrency 8] [--councils N] [--tmos N] [--awaiting-notice 0.05] [--decided 0.3] [--claimed 0.2]
//     Creates the cases through WorkflowRuntime and prints
//       populate cases=… councils=… tmos=… seconds=… cases_per_s=… runtime_calls=… runtime_calls_per_s=… awaiting_notice=… open=… claimed=… decided=…
//
//   RightToManage.Bench.Inbox measure --connection <cs> [--clients 1,8] [--iterations 1000] [--warmup-seconds 5]
//       [--warmup-max-seconds 60] [--step] [--server-log <postgres log file> --plans-out <file.md>]
//     Times each query (store level: IWorkflowStore.Tasks / .Cases) --iterations times per client level and prints, per level,
//       query clients=1 name=inbox-team n=1000 p50_ms=… p95_ms=… p99_ms=… mean_ms=… max_ms=… rows_avg=… total_avg=…
//       level clients=1 queries=… seconds=… qps=… cpu_ms_per_query=… alloc_kb_per_query=… jit_methods=…
//     then, with --server-log, one "plan name=…" line per query and the plans (auto_explain) as Markdown in --plans-out.
//     --step: print "ready" after warm-up, then run each level only when a line arrives on stdin.
// Every answer is checked (totals against plain SQL counts, rows against their filter and order): a wrong answer stops
// the run with a non-zero exit code.

var inv = CultureInfo.InvariantCulture;
var command = args.Length > 0 ? args[0] : "";
var named = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (args[i] is "--step") flags.Add(args[i]);
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[args[i]] = args[++i];
    else return Usage($"unexpected argument {args[i]}");
}
string? Opt(string name) => named.GetValueOrDefault(name);
int Int(string name, int fallback) => Opt(name) is { } v ? int.Parse(v, inv) : fallback;
double Dbl(string name, double fallback) => Opt(name) is { } v ? double.Parse(v, inv) : fallback;
if (Opt("--connection") is not { } connection) return Usage("--connection is required");

switch (command)
{
    case "populate":
    {
        if (Opt("--definition") is not { } definitionFile) return Usage("--definition is required");
        var options = new PopulationOptions(Int("--cases", 100_000), Int("--concurrency", 8),
            Opt("--councils") is { } councils ? int.Parse(councils, inv) : null, Opt("--tmos") is { } tmos ? int.Parse(tmos, inv) : null,
            Dbl("--awaiting-notice", 0.05), Dbl("--decided", 0.30), Dbl("--claimed", 0.20));
        if (options.Cases < 1 || options.Concurrency < 1 || options.AwaitingNotice + options.Decided > 1) return Usage("bad population options");
        var engine = await Engine.StartAsync(connection, definitionFile);
        Console.WriteLine(await new Population(options).RunAsync(engine));
        return 0;
    }
    case "measure":
    {
        var clients = (Opt("--clients") ?? "1,8").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, inv)).ToArray();
        var iterations = Int("--iterations", 1000);
        var warmupSeconds = Dbl("--warmup-seconds", 5);
        var warmupMax = Math.Max(warmupSeconds, Dbl("--warmup-max-seconds", 60));
        if (clients.Length == 0 || clients.Any(c => c < 1) || iterations < 1) return Usage("bad measure options");
        if ((Opt("--server-log") is null) != (Opt("--plans-out") is null)) return Usage("--server-log and --plans-out go together");
        await Measure(connection, clients, iterations, warmupSeconds, warmupMax, flags.Contains("--step"), Opt("--server-log"), Opt("--plans-out"));
        return 0;
    }
    default:
        return Usage($"unknown command '{command}'");
}

async Task Measure(string cs, int[] levels, int iterations, double warmupSeconds, double warmupMax, bool step, string? serverLog, string? plansOut)
{
    var workload = await Workload.LoadAsync(cs);
    Console.WriteLine(workload.Describe());
    var kinds = workload.Kinds();
    var store = WorkflowStores.Postgres(cs);

    // Warm-up at the highest level: at least warmupSeconds, then in one-second rounds until fewer than 10 methods a
    // second are still being JIT-compiled, or warmupMax.
    var warmup = Stopwatch.StartNew();
    long warmupQueries = 0, jitRate;
    warmupQueries += (await RunLevelAsync(store, kinds, levels.Max(), null, TimeSpan.FromSeconds(warmupSeconds), 0)).Queries;
    do
    {
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var round = await RunLevelAsync(store, kinds, levels.Max(), null, TimeSpan.FromSeconds(1), 0);
        warmupQueries += round.Queries;
        jitRate = (long)((System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore) / round.Elapsed.TotalSeconds);
    }
    while (jitRate >= 10 && warmup.Elapsed.TotalSeconds < warmupMax);
    Console.Error.WriteLine(string.Create(inv, $"warmup seconds={warmup.Elapsed.TotalSeconds:0.0} queries={warmupQueries} jit_methods_per_s_at_end={jitRate}"));
    if (step)
    {
        Console.WriteLine("ready");
        Console.Out.Flush();
    }

    var levelNumber = 0;
    foreach (var clients in levels)
    {
        if (step && Console.In.ReadLine() is null) break;
        levelNumber++;
        GC.Collect();
        var jitAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var level = await RunLevelAsync(store, kinds, clients, iterations, null, levelNumber);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        foreach (var kind in kinds)
        {
            var samples = level.ByKind[kind.Name];
            var ticks = samples.Select(s => s.Ticks).Order().ToArray();
            Console.WriteLine(string.Create(inv,
                $"query clients={clients} name={kind.Name} n={ticks.Length} p50_ms={Ms(Percentile(ticks, 0.50)):0.000} p95_ms={Ms(Percentile(ticks, 0.95)):0.000} " +
                $"p99_ms={Ms(Percentile(ticks, 0.99)):0.000} mean_ms={Ms((long)ticks.Average()):0.000} max_ms={Ms(ticks[^1]):0.000} " +
                $"rows_avg={samples.Average(s => s.Rows):0.0} total_avg={samples.Average(s => s.Total):0.0}"));
        }
        Console.WriteLine(string.Create(inv,
            $"level clients={clients} queries={level.Queries} seconds={level.Elapsed.TotalSeconds:0.00} qps={level.Queries / level.Elapsed.TotalSeconds:0.0} " +
            $"cpu_ms_per_query={cpu.TotalMilliseconds / level.Queries:0.000} alloc_kb_per_query={allocated / 1024.0 / level.Queries:0.0} " +
            $"jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount() - jitAtStart}"));
        Console.Out.Flush();
    }

    if (serverLog is not null && plansOut is not null)
    {
        foreach (var line in await Explain.RunAsync(cs, serverLog, workload, plansOut)) Console.WriteLine(line);
    }
}

// `clients` loops; each runs rounds of every query once, in an order shuffled per round, so every query sees the same
// conditions. With `iterations`, each query runs exactly that many times in all; otherwise until `duration` is up.
static async Task<LevelResult> RunLevelAsync(IWorkflowStore store, IReadOnlyList<QueryKind> kinds, int clients, int? iterations, TimeSpan? duration, int levelNumber)
{
    var perClient = new List<(string Kind, Sample Sample)>[clients];
    var watch = Stopwatch.StartNew();
    var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
    {
        var rng = new Random(1_000_003 * (levelNumber + 1) + client);
        var mine = perClient[client] = [];
        var rounds = iterations is { } n ? n / clients + (client < n % clients ? 1 : 0) : int.MaxValue;
        var order = kinds.ToArray();
        for (var r = 0; r < rounds && (duration is null || watch.Elapsed < duration); r++)
        {
            rng.Shuffle(order);
            foreach (var kind in order) mine.Add((kind.Name, await kind.RunAsync(store, rng)));
        }
    })).ToArray();
    await Task.WhenAll(loops);
    var elapsed = watch.Elapsed;
    var byKind = kinds.ToDictionary(k => k.Name, _ => new List<Sample>());
    foreach (var (kind, sample) in perClient.SelectMany(p => p)) byKind[kind].Add(sample);
    return new LevelResult(byKind, perClient.Sum(p => p.Count), elapsed);
}

static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

static int Usage(string problem)
{
    Console.Error.WriteLine($"{problem}\nusage: RightToManage.Bench.Inbox populate --connection <cs> --definition <file.json> [--cases 100000] [--concurrency 8] " +
        "[--councils N] [--tmos N] [--awaiting-notice 0.05] [--decided 0.3] [--claimed 0.2]\n" +
        "       RightToManage.Bench.Inbox measure --connection <cs> [--clients 1,8] [--iterations 1000] [--warmup-seconds 5] [--warmup-max-seconds 60] " +
        "[--step] [--server-log <file> --plans-out <file.md>]");
    return 2;
}

internal sealed record LevelResult(Dictionary<string, List<Sample>> ByKind, long Queries, TimeSpan Elapsed);
