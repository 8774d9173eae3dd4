using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Bench.Inbox;

/// <summary>What becomes of one generated case.</summary>
internal enum Fate
{
    /// <summary>Started; the proposal notice has not arrived yet (stage "Proposal notice", no task).</summary>
    AwaitingNotice,

    /// <summary>Notice received: the council's decision task is open and nobody has claimed it.</summary>
    Open,

    /// <summary>Notice received: an officer has claimed the decision task.</summary>
    Claimed,

    /// <summary>The council decided (accept or refuse): the case is completed, its task too.</summary>
    Decided,

    /// <summary>Notice received long ago: the decision period has ended, its reminders and expiry have fired (the case is
    /// marked overdue), and the decision task is still open.</summary>
    Overdue,
}

/// <summary>
/// Fills the database with cases through the real runtime (every row the server would write: state, journal, tasks,
/// timers, organisations, outbox), spread over councils and TMOs, with a mix of stages and statuses.
/// </summary>
internal sealed class Population(PopulationOptions options)
{
    public const string DefinitionId = "proposal-notice-decision";
    public const string NoticeEvent = "proposal-notice-received";

    /// <summary>The last receipt date; receipts are spread over the <see cref="ReceiptSpreadDays"/> days before it.</summary>
    public static readonly DateOnly LastReceipt = new(2026, 11, 20);

    public const int ReceiptSpreadDays = 84;

    public const int OfficersPerCouncil = 4;

    public int Councils => options.Councils ?? Math.Max(1, (int)Math.Round(options.Cases / 500.0));

    public int Tmos => options.Tmos ?? Math.Max(Councils, (int)Math.Round(options.Cases / 50.0));

    /// <summary>Council 0 and TMO 0 are the Host's demo organisations when <see cref="PopulationOptions.DemoOrganisations"/> is set,
    /// so the demo users (Identity:Seed) see cases; the other names have a fixed width, so one is never part of another.</summary>
    public string Council(int c) => options.DemoOrganisations && c == 0 ? "demo-council" : string.Create(CultureInfo.InvariantCulture, $"council-{c:D3}");

    public string Tmo(int t) => options.DemoOrganisations && t == 0 ? "demo-tmo" : string.Create(CultureInfo.InvariantCulture, $"tmo-{t:D4}");

    /// <summary>Officer 0 of the demo council is the demo user la-officer@demo-council.example.</summary>
    public string Officer(int c, int k) => options.DemoOrganisations && k == 0
        ? $"la-officer@{Council(c)}.example"
        : string.Create(CultureInfo.InvariantCulture, $"officer{k}@{Council(c)}.example");

    public static string Reference(int i) => string.Create(CultureInfo.InvariantCulture, $"RTM-BENCH-{i:D6}");

    /// <summary>Case i belongs to TMO i mod T, and TMO t to council t mod C: ~N/T cases per TMO, ~N/C per council.</summary>
    public (int Tmo, int Council) OrganisationsOf(int i) => (i % Tmos, i % Tmos % Councils);

    public Fate FateOf(int i)
    {
        var u = Unit(i, 1);
        if (u < options.AwaitingNotice) return Fate.AwaitingNotice;
        if (u < options.AwaitingNotice + options.Decided) return Fate.Decided;
        return Unit(i, 2) < options.Claimed ? Fate.Claimed : Fate.Open;
    }

    public static DateOnly ReceiptOf(int i) => LastReceipt.AddDays(-(int)(Unit(i, 3) * ReceiptSpreadDays));

    public async Task<string> RunAsync(Engine engine)
    {
        var counts = new long[Enum.GetValues<Fate>().Length];
        long calls = 0, done = 0;
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var progress = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var n = Interlocked.Read(ref done);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[populate] {n}/{options.Cases} cases, {n / watch.Elapsed.TotalSeconds:0.0} cases/s, {Interlocked.Read(ref calls) / watch.Elapsed.TotalSeconds:0.0} runtime calls/s"));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Cases), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (i, ct) =>
            {
                var fate = FateOf(i);
                Interlocked.Add(ref calls, await CreateAsync(engine, i, fate, ReceiptOf(i), ct));
                Interlocked.Increment(ref counts[(int)fate]);
                Interlocked.Increment(ref done);
            });
        }
        finally
        {
            await stop.CancelAsync();
            await progress;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"populate cases={options.Cases} councils={Councils} tmos={Tmos} concurrency={options.Concurrency} seconds={seconds:0.0} " +
            $"cases_per_s={options.Cases / seconds:0.0} runtime_calls={calls} runtime_calls_per_s={calls / seconds:0.0} " +
            $"awaiting_notice={counts[(int)Fate.AwaitingNotice]} open={counts[(int)Fate.Open]} claimed={counts[(int)Fate.Claimed]} decided={counts[(int)Fate.Decided]}");
    }

    /// <summary>Creates case <paramref name="i"/> and takes it as far as its fate, the notice received on
    /// <paramref name="receipt"/>; returns the runtime calls made.</summary>
    public async Task<int> CreateAsync(Engine engine, int i, Fate fate, DateOnly receipt, CancellationToken ct)
    {
        var runtime = engine.Runtime;
        var (t, c) = OrganisationsOf(i);
        var reference = Reference(i);
        var started = await runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = DefinitionId,
            Reference = reference,
            Organisations = new Dictionary<string, string> { [OrganisationRoles.Tmo] = Tmo(t), [OrganisationRoles.LocalAuthority] = Council(c) },
            Parties = new Dictionary<string, IReadOnlyList<PartyContact>>
            {
                [PartyRoles.TmoSecretary] = [new PartyContact("Sam Secretary", $"secretary@{Tmo(t)}.example")],
                [PartyRoles.TmoCommittee] = [new PartyContact("Chris Chair", $"chair@{Tmo(t)}.example")],
                [PartyRoles.Officer] = [new PartyContact("Olu Officer", Officer(c, 0))],
                [PartyRoles.OfficerManager] = [new PartyContact("Mo Manager", $"manager@{Council(c)}.example")],
            },
            Actor = "user:bench",
        }, ct);
        Expect(started, InstanceStatus.Waiting, $"start {reference}");
        if (fate == Fate.AwaitingNotice) return 1;

        var id = started.InstanceId;
        var received = await runtime.SendAsync(new Stimulus
        {
            InstanceId = id,
            EventName = NoticeEvent,
            IdempotencyKey = "notice-received",
            Payload = JsonSerializer.SerializeToElement(receipt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Actor = $"user:secretary@{Tmo(t)}.example",
        }, ct);
        Expect(received, InstanceStatus.Waiting, $"{NoticeEvent} on {reference}");
        if (fate == Fate.Open) return 2;
        if (fate == Fate.Overdue)
        {
            // As the scheduler would have done when the period ended: firing the last timer fires the earlier ones in the same run.
            var last = await LastTimerAsync(engine, id, ct) ?? throw new InvalidOperationException($"{reference}: no pending timer to fire.");
            Expect(await runtime.FireTimerAsync(id, last, ct), InstanceStatus.Waiting, $"timer on {reference}");
            return 3;
        }

        var (tasks, _) = await engine.Store.Tasks.QueryAsync(new TaskQuery { InstanceId = id }, ct);
        if (tasks.Count != 1) throw new InvalidOperationException($"{reference}: expected one open task, found {tasks.Count}.");
        var officer = Officer(c, (int)(Unit(i, 4) * OfficersPerCouncil));
        if (fate == Fate.Claimed)
        {
            Expect(await runtime.ClaimTaskAsync(id, tasks[0].Id, officer, $"user:{officer}", ct), InstanceStatus.Waiting, $"claim on {reference}");
            return 3;
        }
        var refuse = Unit(i, 5) < 0.2;
        var data = refuse ? JsonSerializer.SerializeToElement(new { reasons = "The TMO has fewer than 25 members who are tenants." }) : (JsonElement?)null;
        Expect(await runtime.CompleteTaskAsync(id, tasks[0].Id, refuse ? "refuse" : "accept", data, officer, $"user:{officer}", ct),
            InstanceStatus.Completed, $"decision on {reference}");
        return 3;
    }

    private static async Task<string?> LastTimerAsync(Engine engine, Guid id, CancellationToken ct)
    {
        var record = await engine.Store.FindInstanceAsync(id, ct) ?? throw new InvalidOperationException($"No case {id}.");
        using var state = JsonDocument.Parse(record.State);
        return state.RootElement.GetProperty("bookmarks").EnumerateArray()
            .Where(b => b.TryGetProperty("isTimer", out var timer) && timer.GetBoolean())
            .OrderBy(b => b.GetProperty("dueAt").GetDateTimeOffset())
            .Select(b => b.GetProperty("id").GetString())
            .LastOrDefault();
    }

    private static void Expect(StimulusResult result, InstanceStatus status, string what)
    {
        if (result.Outcome != StimulusOutcome.Applied || result.Status != status)
            throw new InvalidOperationException($"{what} gave {result.Outcome}/{result.Status}: {result.Message}");
    }

    /// <summary>A fixed pseudo-random number in [0, 1) for case <paramref name="i"/> (SplitMix64), so every run builds the same data.</summary>
    public static double Unit(int i, int salt)
    {
        var z = unchecked((ulong)i * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xD1B54A32D192ED03UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}

internal sealed record PopulationOptions(int Cases, int Concurrency, int? Councils, int? Tmos, double AwaitingNotice, double Decided, double Claimed, bool DemoOrganisations = false);
