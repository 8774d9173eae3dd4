using System.Diagnostics;
using System.Globalization;
using RightToManage.Bench.Inbox;

namespace RightToManage.Bench.Scale;

/// <summary>
/// The template cases, made through the real runtime by bench/Inbox's <see cref="Population"/> (200 councils, 2,000 TMOs, the
/// Host's demo organisations among them), in every shape a large database holds, with dates relative to the day they are made
/// (<see cref="Today"/>) so the timers stand where a live server's would: those already due have fired, the rest are ahead.
/// </summary>
internal sealed class TemplateSet(int templates, int cases, int firing)
{
    public const int Councils = 200;
    public const int Tmos = 2_000;

    public static DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The notice date of the firing slice: its first reminder (7 days before the 28-day period ends) falls due
    /// on day 7, before any other pending timer (the open cases' notices are 0–13 days old, so theirs start on day 8).</summary>
    public static DateOnly SliceReceipt => Today.AddDays(-14);

    public Population Population { get; } = new(new PopulationOptions(templates, 8, Councils, Tmos, 0.05, 0.25, 0.20, DemoOrganisations: true));

    /// <summary>Templates in the firing slice: each is copied about cases/templates times, so the slice holds ~<c>firing</c> timers.</summary>
    public int SliceTemplates => Math.Clamp((int)Math.Round((double)firing * templates / cases), 1, templates / 10);

    public bool IsSlice(int t) => t % (templates / SliceTemplates) == templates / SliceTemplates - 1 && t / (templates / SliceTemplates) < SliceTemplates;

    /// <summary>5 % await the notice, 25 % are decided, 15 % are overdue; the rest wait on an open task (a fifth claimed).</summary>
    public (Fate Fate, DateOnly Receipt) ShapeOf(int t)
    {
        if (IsSlice(t)) return (Fate.Open, SliceReceipt);
        var u = Population.Unit(t, 1);
        var days = Population.Unit(t, 3);
        if (u < 0.05) return (Fate.AwaitingNotice, Today);
        if (u < 0.30) return (Fate.Decided, Today.AddDays(-(int)(days * 84)));
        if (u < 0.45) return (Fate.Overdue, Today.AddDays(-35 - (int)(days * 50)));
        return (Population.Unit(t, 2) < 0.2 ? Fate.Claimed : Fate.Open, Today.AddDays(-(int)(days * 14)));
    }

    public async Task<string> CreateAsync(Engine engine)
    {
        var watch = Stopwatch.StartNew();
        var counts = new Dictionary<Fate, int>();
        long calls = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, templates), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (t, ct) =>
        {
            var (fate, receipt) = ShapeOf(t);
            Interlocked.Add(ref calls, await Population.CreateAsync(engine, t, fate, receipt, ct));
            lock (counts) counts[fate] = counts.GetValueOrDefault(fate) + 1;
        });
        var shapes = string.Join(' ', Enum.GetValues<Fate>().Select(f => $"{f.ToString().ToLowerInvariant()}={counts.GetValueOrDefault(f)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"templates cases={templates} seconds={watch.Elapsed.TotalSeconds:0.0} runtime_calls={calls} slice_templates={SliceTemplates} slice_receipt={SliceReceipt:yyyy-MM-dd} ") + shapes;
    }
}
