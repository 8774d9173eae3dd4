using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using Quartz;
using RightToManage.Bench.Timers;
using RightToManage.Workflows.DependencyInjection;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Scheduling;

// Timer lateness on PostgreSQL through the real stack: WorkflowRuntime + Quartz as AddWorkflowTimers wires it.
// Usage: RightToManage.Bench.Timers --connection <npgsql cs> --n 10000 --window-s 40 [--variant ours|quartz-defaults]
//        [--create-concurrency 8] [--warmup 1000] [--calibrate 2000] [--margin-s 5] [--create-safety 1.15] [--drain-timeout-s 180]
//        RightToManage.Bench.Timers --print-quartz-defaults --connection <cs of a database that has Quartz's tables>
// One run per process (the driver gives each run a fresh database). Prints (stdout), machine-readable:
//   settings variant=… (the scheduler's effective Quartz settings, read back from the running scheduler)
//   timers variant=ours n=10000 window_s=40.0 rate_per_s=250.0 p50_ms=… p99_ms=… max_ms=… fired=… late_over_1s=… …
//   breakdown variant=… (where the lateness comes from: Quartz's fire, the hand-off to a worker, the case lock, the job)
//   slice variant=… k=… (lateness by tenth of the window, in due order: a backlog shows as lateness growing)
// Exits non-zero when a case did not fire within the drain timeout or anything failed.

var inv = CultureInfo.InvariantCulture;
if (args is ["--print-quartz-defaults", "--connection", var defaultsConnection])
{
    Console.WriteLine($"quartz-defaults {await QuartzIntrospection.DefaultsAsync(defaultsConnection)}");
    return 0;
}
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: RightToManage.Bench.Timers --connection <cs> --n <cases> --window-s <seconds> [--variant ours|quartz-defaults] " +
        "[--create-concurrency 8] [--warmup 1000] [--calibrate 2000] [--margin-s 5] [--create-safety 1.15] [--drain-timeout-s 180]");
    return 2;
}
void Log(string message) => Console.Error.WriteLine(string.Create(inv, $"[{DateTime.UtcNow:HH:mm:ss.fff}] {message}"));

var time = TimeProvider.System;
var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "RightToManage.Bench.Timers" });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("RightToManage.Workflows.Scheduling", LogLevel.Information);
builder.Services.AddWorkflows(o => o.UsePostgres(options.Connection));
builder.Services.AddWorkflowTimers("postgres", options.Connection, time, timers =>
{
    if (options.Variant == "quartz-defaults")
    {
        // Quartz's own defaults for the two settings that decide lateness: idleWaitTime 30 s, thread pool 10.
        timers.IdleWaitTime = TimeSpan.FromSeconds(30);
        timers.MaxConcurrency = 10;
    }
});
// Measurement only: the real QuartzTimerScheduler, wrapped to time its calls (see TimedTimerScheduler).
var probe = new FiringProbe(time);
builder.Services.AddSingleton(sp => new TimedTimerScheduler(new QuartzTimerScheduler(sp.GetRequiredService<ISchedulerFactory>())));
builder.Services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<TimedTimerScheduler>());

using var host = builder.Build();
var timed = host.Services.GetRequiredService<TimedTimerScheduler>();
var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
var phase = Stopwatch.StartNew();
await runtime.Store.MigrateAsync();
foreach (var id in new[] { BenchDefinition.Id, BenchDefinition.WarmupId })
{
    var parsed = DefinitionJson.Parse(BenchDefinition.Json(id));
    if (parsed.Definition is null) throw new InvalidOperationException("The benchmark definition does not parse: " + string.Join("; ", parsed.Errors));
    await runtime.Definitions.AddAsync(parsed.Definition, DefinitionOrigin.Database, publish: true);
}
await host.StartAsync();
var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
for (var i = 0; i < 300 && scheduler.Status != SchedulerStatus.Running; i++) await Task.Delay(100);
if (scheduler.Status != SchedulerStatus.Running) throw new InvalidOperationException("The Quartz scheduler did not start.");
scheduler.ListenerManager.AddJobListener(probe, []);
var startupSeconds = phase.Elapsed.TotalSeconds;
Console.WriteLine($"settings variant={options.Variant} {QuartzIntrospection.Effective(scheduler)}");
Log($"host started in {startupSeconds:0.0}s (migrate, publish, Quartz schema + start)");

// --- warm-up: cases due 1.5 s after their own creation, so creation and firing both get JIT-compiled.
phase.Restart();
await CreateAsync(options.Warmup, BenchDefinition.WarmupId, _ => time.GetUtcNow() + TimeSpan.FromSeconds(1.5), null);
var warmDeadline = Stopwatch.StartNew();
while (probe.TimerJobsCompleted < options.Warmup && warmDeadline.Elapsed < TimeSpan.FromSeconds(120)) await Task.Delay(200);
if (probe.TimerJobsCompleted < options.Warmup) throw new InvalidOperationException($"Only {probe.TimerJobsCompleted} of {options.Warmup} warm-up timers fired within 120 s.");
await Task.Delay(500);
// Calibration: the creation rate with nothing firing, which sets when the measured window can start. These cases
// are due in an hour and are cancelled straight after (which also unschedules their triggers).
var calibrationIds = new Guid[options.Calibrate];
var calibration = Stopwatch.StartNew();
await CreateAsync(options.Calibrate, BenchDefinition.WarmupId, _ => time.GetUtcNow() + TimeSpan.FromHours(1), (i, id, _) => calibrationIds[i] = id);
var calibratedRate = options.Calibrate / calibration.Elapsed.TotalSeconds;
await Parallel.ForEachAsync(calibrationIds, new ParallelOptions { MaxDegreeOfParallelism = options.CreateConcurrency }, async (id, ct) =>
{
    var cancelled = await runtime.CancelAsync(id, "benchmark calibration", "bench", ct);
    if (cancelled.Outcome != StimulusOutcome.Applied) throw new InvalidOperationException($"Cancelling calibration case {id} gave {cancelled.Outcome}: {cancelled.Message}");
});
var warmupSeconds = phase.Elapsed.TotalSeconds;
Log($"warm-up: {options.Warmup} cases created and fired; {options.Calibrate} created at {calibratedRate:0} cases/s and cancelled; {warmupSeconds:0.0}s");

// --- create N cases; due instants spread uniformly over [T0, T0 + W), T0 after the (estimated) end of creation.
var n = options.N;
var window = TimeSpan.FromSeconds(options.WindowSeconds);
var estimate = TimeSpan.FromSeconds(n / calibratedRate * options.CreateSafety);
var t0 = time.GetUtcNow() + estimate + TimeSpan.FromSeconds(options.MarginSeconds);
t0 = new DateTimeOffset(t0.UtcTicks - t0.UtcTicks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, TimeSpan.Zero);
var ids = new Guid[n];
var dues = new DateTimeOffset[n];
DateTimeOffset DueOf(int i) => t0 + window * ((i + 0.5) / n);
var completedBefore = probe.TimerJobsCompleted;
Log($"creating {n} cases with concurrency {options.CreateConcurrency}; window starts at {t0:HH:mm:ss} (in {(t0 - time.GetUtcNow()).TotalSeconds:0}s), lasts {window.TotalSeconds:0.#}s");
timed.Drain();
var cpuAtCreate = CpuSample.Take();
phase.Restart();
await CreateAsync(n, BenchDefinition.Id, DueOf, (i, id, due) => { ids[i] = id; dues[i] = due; });
var createSeconds = phase.Elapsed.TotalSeconds;
var createCpu = CpuSample.Between(cpuAtCreate, CpuSample.Take());
var (scheduleMs, _) = timed.Drain();
var createdAt = time.GetUtcNow();
var idleBeforeT0 = (t0 - createdAt).TotalSeconds;
Log($"created {n} cases in {createSeconds:0.0}s ({n / createSeconds:0} cases/s); {idleBeforeT0:0.0}s before the window starts");
if (probe.TimerJobsCompleted != completedBefore) Log("WARNING: timers fired before the window started");
GC.Collect();

// --- the window: wait for T0, then until every case has fired (or the drain timeout).
var untilT0 = t0 - time.GetUtcNow();
if (untilT0 > TimeSpan.Zero) await Task.Delay(untilT0);
var cpuAtT0 = CpuSample.Take();
phase.Restart();
var expectedJobs = completedBefore + n;
var deadline = t0 + window + TimeSpan.FromSeconds(options.DrainTimeoutSeconds);
long fired = 0;
await using var data = NpgsqlDataSource.Create(options.Connection);
for (var round = 0; ; round++)
{
    await Task.Delay(1000);
    var jobs = probe.TimerJobsCompleted;
    if (round % 10 == 9) Log($"{jobs - completedBefore} of {n} fired; {(time.GetUtcNow() - t0).TotalSeconds:0}s into the window");
    if (jobs >= expectedJobs || time.GetUtcNow() > deadline || round % 15 == 14)
    {
        await using var count = data.CreateCommand(
            "SELECT count(*) FROM wf_journal j JOIN wf_instances i ON i.id = j.instance_id WHERE i.definition_id = $1 AND j.actor = 'scheduler'");
        count.Parameters.AddWithValue(BenchDefinition.Id);
        fired = (long)(await count.ExecuteScalarAsync())!;
        if (fired >= n || time.GetUtcNow() > deadline) break;
    }
}
var cpuAtEnd = CpuSample.Take();
var (_, unscheduleMs) = timed.Drain(); // TimersChangedAsync calls with removals during the window (from inside firings)
var drainedAt = time.GetUtcNow();

// --- lateness: the firing's journal record (actor "scheduler", At = the runtime's clock when it ran) − due.
var index = new Dictionary<Guid, int>(n);
for (var i = 0; i < n; i++) index[ids[i]] = i;
var at = new DateTimeOffset?[n];
await using (var read = data.CreateCommand(
    "SELECT j.instance_id, j.at FROM wf_journal j JOIN wf_instances i ON i.id = j.instance_id WHERE i.definition_id = $1 AND j.actor = 'scheduler'"))
{
    read.Parameters.AddWithValue(BenchDefinition.Id);
    await using var reader = await read.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        var i = index[reader.GetGuid(0)];
        var when = new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero);
        if (at[i] is not null) throw new InvalidOperationException($"Case {ids[i]} has two scheduler records.");
        at[i] = when;
    }
}
var lateness = Enumerable.Range(0, n).Where(i => at[i] is not null).Select(i => (at[i]!.Value - dues[i]).TotalMilliseconds).ToArray();
var sorted = lateness.Order().ToArray();
fired = sorted.Length;
var lastAt = Enumerable.Range(0, n).Where(i => at[i] is not null).Select(i => at[i]!.Value).DefaultIfEmpty(t0).Max();
var drainSeconds = (lastAt - t0).TotalSeconds;
var perSecond = Enumerable.Range(0, n).Where(i => at[i] is not null).GroupBy(i => (long)Math.Floor((at[i]!.Value - t0).TotalSeconds)).Select(g => g.Count()).DefaultIfEmpty(0).Max();
var cpu = CpuSample.Between(cpuAtT0, cpuAtEnd);
Console.WriteLine(string.Create(inv,
    $"timers variant={options.Variant} n={n} window_s={window.TotalSeconds:0.0} rate_per_s={n / window.TotalSeconds:0.0} " +
    $"p50_ms={Percentile(sorted, 0.50):0.0} p99_ms={Percentile(sorted, 0.99):0.0} max_ms={(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} " +
    $"min_ms={(sorted.Length > 0 ? sorted[0] : double.NaN):0.0} fired={fired} late_over_1s={sorted.Count(l => l > 1000)} late_over_250ms={sorted.Count(l => l > 250)} " +
    $"achieved_rate_per_s={(drainSeconds > 0 ? fired / drainSeconds : double.NaN):0.0} peak_fired_in_1s={perSecond} drain_s={drainSeconds:0.0} " +
    $"create_s={createSeconds:0.0} create_rate_per_s={n / createSeconds:0} create_schedule_job_p50_ms={Percentile(scheduleMs, 0.5):0.0} create_schedule_job_p99_ms={Percentile(scheduleMs, 0.99):0.0} idle_before_window_s={idleBeforeT0:0.0} warmup_s={warmupSeconds:0.0} startup_s={startupSeconds:0.0} " +
    $"{cpu.Format("window")} {createCpu.Format("create")}"));

// Where it comes from, per firing: Quartz (due → trigger fired, on the scheduler thread: acquisition round and
// TriggersFired round), hand-off (fired → job starts on a worker), lock (job starts → the runtime's clock inside
// the case lock = journal At), and the job's whole duration (which, over the pool size, bounds the firing rate).
var firings = probe.Firings.Where(f => f.InstanceId is { } id && index.ContainsKey(id)).ToList();
double[] Ms(IEnumerable<TimeSpan> spans) => spans.Select(s => s.TotalMilliseconds).Order().ToArray();
var quartz = Ms(firings.Select(f => f.FiredAt - dues[index[f.InstanceId!.Value]]));
var handoff = Ms(firings.Select(f => f.StartedAt - f.FiredAt));
var locked = Ms(firings.Where(f => at[index[f.InstanceId!.Value]] is not null).Select(f => at[index[f.InstanceId!.Value]]!.Value - f.StartedAt));
var job = Ms(firings.Select(f => f.EndedAt - f.StartedAt));
string Stat(string name, double[] v) => string.Create(inv, $"{name}_p50_ms={Percentile(v, 0.5):0.0} {name}_p99_ms={Percentile(v, 0.99):0.0} {name}_max_ms={(v.Length > 0 ? v[^1] : double.NaN):0.0}");
var busy = firings.Count > 0 ? firings.Sum(f => (f.EndedAt - f.StartedAt).TotalSeconds) / Math.Max(0.001, drainSeconds) : 0;
Console.WriteLine(string.Create(inv,
    $"breakdown variant={options.Variant} n={n} {Stat("quartz_fire", quartz)} {Stat("handoff", handoff)} {Stat("lock", locked)} {Stat("job", job)} {Stat("notify", unscheduleMs)} notify_calls={unscheduleMs.Length} " +
    $"avg_busy_workers={busy:0.00} probed={firings.Count}"));
foreach (var run in probe.Maintenance)
    Console.WriteLine(string.Create(inv,
        $"maintenance variant={options.Variant} job={run.Job} started_s_from_window={(run.StartedAt - t0).TotalSeconds:0.0} duration_ms={(run.EndedAt - run.StartedAt).TotalMilliseconds:0}"));
for (var k = 0; k < 10; k++)
{
    var slice = Enumerable.Range(k * n / 10, (k + 1) * n / 10 - k * n / 10).Where(i => at[i] is not null).Select(i => (at[i]!.Value - dues[i]).TotalMilliseconds).Order().ToArray();
    Console.WriteLine(string.Create(inv,
        $"slice variant={options.Variant} n={n} k={k} due_from_s={(DueOf(k * n / 10) - t0).TotalSeconds:0.0} p50_ms={Percentile(slice, 0.5):0.0} p99_ms={Percentile(slice, 0.99):0.0} max_ms={(slice.Length > 0 ? slice[^1] : double.NaN):0.0} fired={slice.Length}"));
}
Log($"window done: {fired} of {n} fired; last {(drainedAt - t0).TotalSeconds:0.0}s after the window start");

phase.Restart();
await host.StopAsync();
Log($"host stopped in {phase.Elapsed.TotalSeconds:0.0}s");
return fired == n ? 0 : 1;

async Task CreateAsync(int count, string definitionId, Func<int, DateTimeOffset> dueOf, Action<int, Guid, DateTimeOffset>? created)
{
    var next = -1;
    var workers = Enumerable.Range(0, options.CreateConcurrency).Select(_ => Task.Run(async () =>
    {
        while (true)
        {
            var i = Interlocked.Increment(ref next);
            if (i >= count) return;
            var id = Guid.CreateVersion7();
            var due = dueOf(i);
            var result = await runtime.StartAsync(new StartCaseRequest
            {
                DefinitionId = definitionId,
                InstanceId = id,
                Actor = "bench",
                Variables = new Dictionary<string, JsonElement>
                {
                    ["dueAt"] = JsonSerializer.SerializeToElement(due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
                },
            });
            if (result.Outcome != StimulusOutcome.Applied || result.Status != InstanceStatus.Waiting)
                throw new InvalidOperationException($"Starting case {id} gave {result.Outcome}/{result.Status}: {result.Message}");
            created?.Invoke(i, id, due);
        }
    })).ToArray();
    await Task.WhenAll(workers);
}

static double Percentile(double[] sorted, double p)
{
    if (sorted.Length == 0) return double.NaN;
    var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}

internal sealed record BenchOptions(string Connection, string Variant, int N, double WindowSeconds, int CreateConcurrency, int Warmup, int Calibrate,
    double MarginSeconds, double CreateSafety, double DrainTimeoutSeconds)
{
    public static BenchOptions? Parse(string[] args)
    {
        string? connection = null, variant = "ours";
        int n = 10_000, concurrency = 8, warmup = 1000, calibrate = 2000;
        double window = 40, margin = 5, safety = 1.15, drain = 180;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--connection": connection = Next(); break;
                case "--variant": variant = Next(); break;
                case "--n": n = (int)Number(); break;
                case "--window-s": window = Number(); break;
                case "--create-concurrency": concurrency = (int)Number(); break;
                case "--warmup": warmup = (int)Number(); break;
                case "--calibrate": calibrate = (int)Number(); break;
                case "--margin-s": margin = Number(); break;
                case "--create-safety": safety = Number(); break;
                case "--drain-timeout-s": drain = Number(); break;
                case "--server-pid": CpuSample.ServerPid = (int)Number(); break;
                default: return null;
            }
        }
        if (connection is null || variant is not ("ours" or "quartz-defaults") || n < 10 || window <= 0 || concurrency < 1 || warmup < 1 || calibrate < 100 || safety <= 0) return null;
        return new BenchOptions(connection, variant, n, window, concurrency, warmup, calibrate, margin, safety, drain);
    }
}

/// <summary>Host CPU (all processes, from /proc/stat) and this process's CPU between two instants.</summary>
internal sealed record CpuSample(long HostBusy, long HostTotal, TimeSpan Process, long ServerTicks)
{
    /// <summary>The PostgreSQL postmaster to account CPU to (with its live and reaped children), or 0.</summary>
    public static int ServerPid { get; set; }

    public static CpuSample Take()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user)
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        return new CpuSample(busy, busy + fields[3] + fields[4], System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, Server());
    }

    /// <summary>utime+stime+cutime+cstime of the postmaster plus utime+stime of its live children (backends, WAL writer, …).</summary>
    private static long Server()
    {
        if (ServerPid <= 0) return 0;
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // after "pid (comm) ": f[0]=state f[1]=ppid … f[11]=utime f[12]=stime f[13]=cutime f[14]=cstime
            if (pid == ServerPid) total += long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14]);
            else if (int.Parse(f[1]) == ServerPid) total += long.Parse(f[11]) + long.Parse(f[12]);
        }
        return total;
    }

    /// <summary>Percent of the whole host (all CPUs): busy, this process, the server, and everything else.</summary>
    public static CpuShare Between(CpuSample a, CpuSample b)
    {
        var total = (double)Math.Max(1, b.HostTotal - a.HostTotal);
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        var busy = 100.0 * (b.HostBusy - a.HostBusy) / total;
        var process = 100.0 * (b.Process - a.Process).TotalSeconds * ticksPerSecond / total;
        var server = ServerPid > 0 ? 100.0 * (b.ServerTicks - a.ServerTicks) / total : double.NaN;
        return new CpuShare(busy, process, server, ServerPid > 0 ? Math.Max(0, busy - process - server) : double.NaN);
    }
}

internal sealed record CpuShare(double HostBusyPercent, double ProcessPercent, double ServerPercent, double OtherPercent)
{
    public string Format(string prefix) => string.Create(CultureInfo.InvariantCulture,
        $"{prefix}_host_busy_pct={HostBusyPercent:0} {prefix}_bench_pct={ProcessPercent:0} {prefix}_server_pct={ServerPercent:0} {prefix}_other_pct={OtherPercent:0}");
}
