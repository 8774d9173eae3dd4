using System.Globalization;
using Npgsql;
using RightToManage.Bench.Inbox;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Bench.Scale;

/// <summary>
/// Proves the copies are genuine cases by running sample copies (never templates) through the runtime: every sample's journal
/// must verify and its state load; some open tasks are claimed and completed (the case must complete, and verify again), and
/// some pending timers fired (the case must take them, and verify again). Timers of the firing slice are left alone.
/// Any failure stops the run.
/// </summary>
internal static class CloneCheck
{
    public static async Task<string> RunAsync(Engine engine, string connection, int templates, int samples)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        var runtime = engine.Runtime;
        var firstCopy = Population.Reference(templates);
        const string NotSlice = "NOT EXISTS (SELECT 1 FROM wf_timers s WHERE s.instance_id = i.id AND s.due_at = (SELECT min(due_at) FROM wf_timers))";

        var verified = 0;
        async Task VerifyAsync(Guid id)
        {
            var check = await runtime.VerifyJournalAsync(id);
            if (!check.IsValid) throw new InvalidOperationException($"Copy {id}: journal does not verify at {check.FirstBadSequence}: {check.Problem}");
            _ = await runtime.GetAsync(id) ?? throw new InvalidOperationException($"Copy {id} does not load.");
            verified++;
        }

        foreach (var (id, _) in await PairsAsync(source, $"SELECT id, '' FROM wf_instances WHERE reference >= @first ORDER BY random() LIMIT {samples}", firstCopy))
            await VerifyAsync(id);

        var completed = 0;
        foreach (var (id, task) in await PairsAsync(source,
            $"SELECT i.id, t.id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE t.status = 'open' AND t.assignee IS NULL AND i.reference >= @first AND {NotSlice} ORDER BY random() LIMIT {Math.Max(1, samples / 5)}",
            firstCopy))
        {
            var officer = (await runtime.Store.Tasks.FindAsync(task))!.CandidateOrganisation is { } council ? $"la-officer@{council}.example" : "la-officer@example";
            Expect(await runtime.ClaimTaskAsync(id, task, officer, $"user:{officer}"), InstanceStatus.Waiting, $"claim {task} on {id}");
            Expect(await runtime.CompleteTaskAsync(id, task, "accept", null, officer, $"user:{officer}"), InstanceStatus.Completed, $"complete {task} on {id}");
            await VerifyAsync(id);
            completed++;
        }

        var fired = 0;
        foreach (var (id, timer) in await PairsAsync(source,
            $"SELECT i.id, tm.id FROM wf_timers tm JOIN wf_instances i ON i.id = tm.instance_id WHERE i.reference >= @first AND {NotSlice} ORDER BY random() LIMIT {Math.Max(1, samples / 5)}",
            firstCopy))
        {
            Expect(await runtime.FireTimerAsync(id, timer), InstanceStatus.Waiting, $"fire {timer} on {id}");
            await VerifyAsync(id);
            fired++;
        }
        if (completed == 0 || fired == 0) throw new InvalidOperationException("No copy with an open task or a pending timer to check.");
        return string.Create(CultureInfo.InvariantCulture, $"check verified={verified} completed_tasks={completed} fired_timers={fired} first_copy={firstCopy}");
    }

    private static void Expect(StimulusResult result, InstanceStatus status, string what)
    {
        if (result.Outcome != StimulusOutcome.Applied || result.Status != status)
            throw new InvalidOperationException($"{what} gave {result.Outcome}/{result.Status}: {result.Message}");
    }

    private static async Task<List<(Guid Id, string Other)>> PairsAsync(NpgsqlDataSource source, string sql, string firstCopy)
    {
        var rows = new List<(Guid, string)>();
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("first", firstCopy);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetString(1)));
        return rows;
    }
}
