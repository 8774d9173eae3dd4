using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using RightToManage.Workflows.Persistence;

namespace RightToManage.Bench.Inbox;

/// <summary>
/// The plans PostgreSQL runs for each query, as the store sends it: a second store whose sessions load
/// <c>auto_explain</c> (<c>log_analyze</c>, <c>log_buffers</c>: what <c>EXPLAIN (ANALYZE, BUFFERS)</c> prints) runs each query
/// as often as the measured loop does before the plan settles (Npgsql prepares a statement on its 5th use, PostgreSQL may
/// switch a prepared statement to a generic plan after 5 more), then once more; that last run's plans are read from the
/// server's log. Nothing here is timed.
/// </summary>
internal static partial class Explain
{
    private const int RunsBefore = 12;
    private const int Seed = 20261120;

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex LogLineStart();

    [GeneratedRegex(@"LOG:\s+duration: ([0-9.]+) ms\s+plan:")]
    private static partial Regex PlanEntry();

    [GeneratedRegex(@"(?:Parallel )?Seq Scan on (\w+)")]
    private static partial Regex SeqScan();

    [GeneratedRegex(@"(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using |on )(\w+)")]
    private static partial Regex IndexScan();

    [GeneratedRegex(@"\$\d+")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\(returns ([^)]*)\)")]
    private static partial Regex InitPlanOutputs();

    public static async Task<IReadOnlyList<string>> RunAsync(string connection, string serverLog, Workload workload, string plansOut)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection) { ApplicationName = "rtm-bench-explain" };
        builder.Options = (builder.Options is { Length: > 0 } existing ? existing + " " : "") +
            "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on " +
            "-c auto_explain.log_buffers=on -c auto_explain.log_timing=on -c auto_explain.log_format=text";
        var store = WorkflowStores.Postgres(builder.ToString());
        var lines = new List<string>();
        var markdown = new StringBuilder();
        foreach (var kind in workload.Kinds())
        {
            for (var i = 0; i < RunsBefore; i++) await kind.RunAsync(store, new Random(Seed));
            await Task.Delay(300);
            var offset = new FileInfo(serverLog).Length;
            var sample = await kind.RunAsync(store, new Random(Seed));
            await Task.Delay(300);
            var entries = ReadPlans(serverLog, offset);
            if (entries.Count == 0)
                throw new InvalidOperationException($"No plan for {kind.Name} appeared in {serverLog}: is auto_explain installed, and is this the server's log?");

            var seq = entries.SelectMany(e => SeqScan().Matches(e.Plan).Select(m => m.Groups[1].Value)).Distinct().ToList();
            var indexes = entries.SelectMany(e => IndexScan().Matches(e.Plan).Select(m => m.Groups[2].Value)).Distinct().ToList();
            var generic = entries.Any(e => e.IsGeneric);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"plan name={kind.Name} statements={entries.Count} ms={string.Join("+", entries.Select(e => e.Milliseconds.ToString("0.###", CultureInfo.InvariantCulture)))} " +
                $"generic={(generic ? "yes" : "no")} seq_scans={(seq.Count == 0 ? "none" : string.Join(",", seq))} indexes={(indexes.Count == 0 ? "none" : string.Join(",", indexes))}"));

            markdown.AppendLine(CultureInfo.InvariantCulture, $"### {kind.Name}");
            markdown.AppendLine();
            markdown.AppendLine(CultureInfo.InvariantCulture, $"{kind.Description}. Parameters: {sample.Parameters}; {sample.Rows} rows of {sample.Total}.");
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"Sequential scans: **{(seq.Count == 0 ? "none" : string.Join(", ", seq))}**. Indexes used: {(indexes.Count == 0 ? "none" : string.Join(", ", indexes))}. " +
                $"Plan: {(generic ? "generic (a prepared statement's plan for any values: parameters shown as $n) for at least one statement" : "custom (planned for these values)")}.");
            markdown.AppendLine();
            foreach (var entry in entries)
            {
                markdown.AppendLine("```text");
                markdown.AppendLine(CultureInfo.InvariantCulture, $"duration: {entry.Milliseconds:0.###} ms; {(entry.IsGeneric ? "generic" : "custom")} plan");
                markdown.AppendLine(entry.Plan.TrimEnd());
                markdown.AppendLine("```");
                markdown.AppendLine();
            }
        }
        await File.WriteAllTextAsync(plansOut, markdown.ToString());
        return lines;
    }

    private sealed record PlanEntryText(double Milliseconds, string Plan)
    {
        /// <summary>
        /// Whether the plan is generic: a parameter ($n) appears in it rather than its value. Neither the query text's
        /// placeholders count, nor an InitPlan's "(returns $n)" (PostgreSQL 15 names its outputs the same way).
        /// </summary>
        public bool IsGeneric => Plan.Split('\n')
            .Where(l => !l.StartsWith("Query Text:", StringComparison.Ordinal))
            .Any(l => Placeholder().IsMatch(InitPlanOutputs().Replace(l, "")));
    }

    private static List<PlanEntryText> ReadPlans(string serverLog, long offset)
    {
        string text;
        using (var stream = new FileStream(serverLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        var entries = new List<PlanEntryText>();
        double? duration = null;
        var plan = new StringBuilder();
        void Flush()
        {
            if (duration is { } ms) entries.Add(new PlanEntryText(ms, plan.ToString()));
            duration = null;
            plan.Clear();
        }
        foreach (var line in text.Split('\n'))
        {
            if (LogLineStart().IsMatch(line))
            {
                Flush();
                if (PlanEntry().Match(line) is { Success: true } m) duration = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (duration is not null)
            {
                plan.AppendLine(line.StartsWith('\t') ? line[1..] : line);
            }
        }
        Flush();
        return entries;
    }
}
