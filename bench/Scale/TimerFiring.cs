using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace RightToManage.Bench.Scale;

/// <summary>
/// Watches the Host fire the timers due at one instant (the firing slice) and reads what happened from the journal: how many
/// fired, how late (the journal record's time, on the Host's clock, minus the due instant), the rate, and that each case took
/// its timer exactly once (one journal record with TimerFired, no timer row left).
/// </summary>
internal static class TimerFiring
{
    public static async Task<string> RunAsync(string connection, DateTimeOffset due, TimeSpan timeout)
    {
        await using var source = NpgsqlDataSource.Create(connection + ";Command Timeout=0");
        await Exec(source, "DROP TABLE IF EXISTS bench_slice; CREATE TABLE bench_slice AS SELECT id AS timer_id, instance_id FROM wf_timers WHERE due_at = @due", due);
        var expected = await Scalar(source, "SELECT count(*) FROM bench_slice", due);
        if (expected == 0) throw new InvalidOperationException($"No timer is due at {due:O}.");
        Console.Error.WriteLine($"[firing] {expected} timers due at {due:O}");
        var watch = Stopwatch.StartNew();
        long remaining;
        while ((remaining = await Scalar(source, "SELECT count(*) FROM wf_timers t JOIN bench_slice s ON s.timer_id = t.id", due)) > 0 && watch.Elapsed < timeout)
        {
            Console.Error.WriteLine($"[firing] {remaining} of {expected} still pending");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        // Journal records that fired a slice timer, since shortly before the instant (clock and journal in the Host's time).
        await Exec(source, """
            DROP TABLE IF EXISTS bench_fired;
            CREATE TABLE bench_fired AS
            SELECT s.instance_id, s.timer_id, j.sequence, j.at, extract(epoch FROM j.at - @due) * 1000 AS late_ms
            FROM bench_slice s JOIN wf_journal j ON j.instance_id = s.instance_id AND j.at >= @due - interval '1 hour'
            WHERE j.steps LIKE '%"kind":"TimerFired"%' AND position(s.timer_id IN j.steps) > 0
            """, due);
        var fired = await Scalar(source, "SELECT count(*) FROM bench_fired", due);
        var cases = await Scalar(source, "SELECT count(DISTINCT instance_id) FROM bench_fired", due);
        var twice = await Scalar(source, "SELECT count(*) FROM (SELECT timer_id FROM bench_fired GROUP BY timer_id HAVING count(*) > 1) x", due);
        var early = await Scalar(source, "SELECT count(*) FROM bench_fired WHERE late_ms < 0", due);
        await using var stats = source.CreateCommand("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY late_ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY late_ms), max(late_ms),
                   extract(epoch FROM max(at) - min(at))
            FROM bench_fired
            """);
        await using var reader = await stats.ExecuteReaderAsync();
        await reader.ReadAsync();
        var p50 = reader.IsDBNull(0) ? 0 : reader.GetDouble(0);
        var p95 = reader.IsDBNull(1) ? 0 : reader.GetDouble(1);
        var max = reader.IsDBNull(2) ? 0 : reader.GetDouble(2);
        var span = reader.IsDBNull(3) ? 0 : (double)reader.GetDecimal(3);
        var ok = remaining == 0 && fired == expected && cases == expected && twice == 0 && early == 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"firing due={due:yyyy-MM-ddTHH:mm:ssZ} timers={expected} fired={fired} cases={cases} fired_twice={twice} early={early} left={remaining} " +
            $"per_s={(max > 0 ? fired / (max / 1000) : 0):0.0} per_s_first_to_last={(span > 0 ? fired / span : 0):0.0} " +
            $"late_p50_ms={p50:0} late_p95_ms={p95:0} late_max_ms={max:0} exactly_once={(ok ? "yes" : "no")}");
        if (!ok) throw new InvalidOperationException("Not every slice timer fired exactly once: " + line);
        return line;
    }

    private static async Task Exec(NpgsqlDataSource source, string sql, DateTimeOffset due)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("due", due);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(NpgsqlDataSource source, string sql, DateTimeOffset due)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("due", due);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
