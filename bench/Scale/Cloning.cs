using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RightToManage.Bench.Inbox;
using RightToManage.Workflows.Journal;

namespace RightToManage.Bench.Scale;

/// <summary>
/// Multiplies the template cases up to N with set-based SQL (INSERT … SELECT over generate_series), into every table a case
/// lives in: wf_journal, wf_instances, wf_case_organisations, wf_stimuli, wf_tasks, wf_timers, wf_outbox, and Quartz's
/// qrtz_triggers / qrtz_simple_triggers for the timers (the triggers the Host's own reconciliation made for the templates).
/// Copy i of template t = i mod M gets: fresh ids (each UUIDv7 of the template, in either form, with its 48 random bits replaced
/// by the copy number, so ids keep their instant and stay unique), the reference RTM-BENCH-i, the TMO i mod 2,000 and that TMO's
/// council as bench/Inbox spreads them (names from <see cref="Population"/>), and its journal re-chained: every record's hash is
/// recomputed over the new case id, as <see cref="JournalChain.ComputeHash"/> does, so the runtime's verification passes.
/// Everything else (states, steps, dates, statuses, payloads) is the template's, rewritten only where it names those.
/// </summary>
internal static class Cloning
{
    /// <summary>Copies in <paramref name="workers"/> sessions at once, each taking the copies i with i mod workers = its number.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string connection, Population population, int cases, int workers)
    {
        var total = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(connection + ";Command Timeout=0");
        var parts = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => CopyAsync(source, population, cases, w, workers)));
        var lines = parts.SelectMany(p => p).ToList();
        var copies = await source.CreateCommand("SELECT count(*) FROM wf_instances").ExecuteScalarAsync();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"clone cases={copies} workers={workers} seconds={total.Elapsed.TotalSeconds:0.0}"));
        return lines;
    }

    private static async Task<IReadOnlyList<string>> CopyAsync(NpgsqlDataSource source, Population population, int cases, int worker, int workers)
    {
        await using var db = await source.OpenConnectionAsync();
        var lines = new List<string>();

        async Task<long> Step(string name, string sql, params object[] parameters)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, db);
            for (var p = 0; p < parameters.Length; p++) command.Parameters.AddWithValue($"p{p}", parameters[p]);
            var rows = await command.ExecuteNonQueryAsync();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"clone worker={worker} step={name} rows={rows} seconds={watch.Elapsed.TotalSeconds:0.0}"));
            Console.Error.WriteLine($"[clone] {lines[^1]}");
            return rows;
        }

        await Step("session", "SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'");
        await Step("templates", """
            CREATE TEMP TABLE tpl AS
            SELECT substring(i.reference FROM 11)::int AS t, i.id, i.reference,
                   (SELECT organisation_id FROM wf_case_organisations o WHERE o.instance_id = i.id AND o.role = 'tmo') AS tmo,
                   (SELECT organisation_id FROM wf_case_organisations o WHERE o.instance_id = i.id AND o.role = 'local-authority') AS council
            FROM wf_instances i WHERE i.reference LIKE 'RTM-BENCH-%'
            """);
        if ((long)(await new NpgsqlCommand("SELECT count(*) FROM tpl", db).ExecuteScalarAsync())! == 0) throw new InvalidOperationException("No template cases (RTM-BENCH-…): run the templates command first.");
        // Every id a template's rows name: its own (both forms), its bookmarks (tasks, timers, waits), its outbox messages.
        await Step("ids", """
            CREATE TEMP TABLE tpl_ids AS
            SELECT t, array_agg(DISTINCT x ORDER BY x) AS froms FROM (
                SELECT tpl.t, m[1] AS x
                FROM tpl
                JOIN LATERAL (SELECT i.state AS s FROM wf_instances i WHERE i.id = tpl.id
                              UNION ALL SELECT j.steps FROM wf_journal j WHERE j.instance_id = tpl.id
                              UNION ALL SELECT st.idempotency_key || ' ' || coalesce(st.bookmark_id, '') FROM wf_stimuli st WHERE st.instance_id = tpl.id
                              UNION ALL SELECT o.id::text FROM wf_outbox o WHERE o.instance_id = tpl.id
                              UNION ALL SELECT k.id FROM wf_tasks k WHERE k.instance_id = tpl.id
                              UNION ALL SELECT tm.id FROM wf_timers tm WHERE tm.instance_id = tpl.id
                              UNION ALL SELECT tpl.id::text || ' ' || replace(tpl.id::text, '-', '')) texts ON true
                CROSS JOIN LATERAL regexp_matches(texts.s, '([0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}|\m[0-9a-f]{12}7[0-9a-f]{19}\M)', 'g') m
            ) ids GROUP BY t;
            ALTER TABLE tpl ADD COLUMN froms text[];
            UPDATE tpl SET froms = ids.froms FROM tpl_ids ids WHERE ids.t = tpl.t;
            CREATE UNIQUE INDEX ON tpl (t)
            """);
        await Step("function", """
            CREATE FUNCTION pg_temp.clone_text(src text, froms text[], suffix text, ref_from text, ref_to text, tmo_from text, tmo_to text,
                                               council_from text, council_to text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE f text;
            BEGIN
                IF src IS NULL THEN RETURN NULL; END IF;
                FOREACH f IN ARRAY froms LOOP
                    src := replace(src, f, left(f, length(f) - 12) || suffix);
                END LOOP;
                RETURN replace(replace(replace(src, ref_from, ref_to), tmo_from, tmo_to), council_from, council_to);
            END $$
            """);
        var tmoNames = Enumerable.Range(0, TemplateSet.Tmos).Select(population.Tmo).ToArray();
        var councilNames = Enumerable.Range(0, TemplateSet.Tmos).Select(t => population.Council(t % TemplateSet.Councils)).ToArray();
        var references = Enumerable.Range(0, cases).Select(Population.Reference).ToArray();
        // Names come from arrays joined by position (a subscript into a long text[] walks it from the start each time).
        await Step("map", """
            CREATE TEMP TABLE names AS SELECT (n - 1)::int AS n, tmo, council FROM unnest(@p0::text[], @p1::text[]) WITH ORDINALITY AS x(tmo, council, n);
            CREATE TEMP TABLE refs AS SELECT (n - 1)::int AS i, reference FROM unnest(@p2::text[]) WITH ORDINALITY AS x(reference, n);
            CREATE TEMP TABLE clone AS
            SELECT g AS i, tpl.t, tpl.id AS tid, lpad(to_hex(g / m.n), 12, '0') AS suffix,
                   overlay(tpl.id::text PLACING lpad(to_hex(g / m.n), 12, '0') FROM 25)::uuid AS id,
                   refs.reference AS ref_to, names.tmo AS tmo_to, names.council AS council_to
            FROM (SELECT count(*)::int AS n FROM tpl) m
            CROSS JOIN generate_series(m.n, @p4 - 1) g
            JOIN tpl ON tpl.t = g % m.n
            JOIN names ON names.n = g % @p3
            JOIN refs ON refs.i = g
            WHERE g % @p5 = @p6;
            CREATE UNIQUE INDEX ON clone (id);
            ANALYZE clone
            """, tmoNames, councilNames, references, TemplateSet.Tmos, cases, workers, worker);

        const string Rewrite = "pg_temp.clone_text({0}, a.froms, c.suffix, a.reference, c.ref_to, a.tmo, c.tmo_to, a.council, c.council_to)";
        static string R(string column) => string.Format(CultureInfo.InvariantCulture, Rewrite, column);

        // The journal first (no foreign key), one sequence number at a time: each record's hash covers the previous one's.
        var maxSequence = (long)(await new NpgsqlCommand("SELECT coalesce(max(sequence), 0) FROM wf_journal j JOIN tpl ON tpl.id = j.instance_id", db).ExecuteScalarAsync())!;
        for (var s = 1; s <= maxSequence; s++)
        {
            await Step($"wf_journal#{s}", $"""
                INSERT INTO wf_journal (instance_id, sequence, at, actor, steps, previous_hash, hash)
                SELECT c.id, j.sequence, j.at, x.actor, x.steps, p.prev,
                       encode(sha256(convert_to(concat_ws(chr(31), p.prev, c.id::text, j.sequence::text,
                           ((extract(epoch FROM j.at) * 1000000)::bigint * 10 + 621355968000000000)::text, x.actor, x.steps), 'UTF8')), 'hex')
                FROM clone c JOIN tpl a ON a.t = c.t
                JOIN wf_journal j ON j.instance_id = c.tid AND j.sequence = @p0
                CROSS JOIN LATERAL (SELECT {R("j.actor")} AS actor, {R("j.steps")} AS steps) x
                CROSS JOIN LATERAL (SELECT CASE WHEN @p0 = 1 THEN '{JournalChain.Genesis}'
                    ELSE (SELECT q.hash FROM wf_journal q WHERE q.instance_id = c.id AND q.sequence = @p0 - 1) END AS prev) p
                ORDER BY c.id
                """, (long)s);
        }
        await Step("wf_instances", $"""
            INSERT INTO wf_instances (id, definition_id, definition_version, reference, status, outcome, stage, state, version, journal_length, journal_head, created_at, updated_at)
            SELECT c.id, i.definition_id, i.definition_version, c.ref_to, i.status, i.outcome, i.stage, {R("i.state")}, i.version, i.journal_length,
                   (SELECT q.hash FROM wf_journal q WHERE q.instance_id = c.id AND q.sequence = i.journal_length), i.created_at, i.updated_at
            FROM clone c JOIN tpl a ON a.t = c.t JOIN wf_instances i ON i.id = c.tid
            ORDER BY c.id
            """);
        await Step("wf_case_organisations", $"""
            INSERT INTO wf_case_organisations (instance_id, role, organisation_id)
            SELECT c.id, o.role, {R("o.organisation_id")} FROM clone c JOIN tpl a ON a.t = c.t JOIN wf_case_organisations o ON o.instance_id = c.tid
            """);
        await Step("wf_stimuli", $"""
            INSERT INTO wf_stimuli (instance_id, idempotency_key, event_name, bookmark_id, payload, actor, status, received_at, applied_at)
            SELECT c.id, {R("s.idempotency_key")}, s.event_name, {R("s.bookmark_id")}, {R("s.payload")}, {R("s.actor")}, s.status, s.received_at, s.applied_at
            FROM clone c JOIN tpl a ON a.t = c.t JOIN wf_stimuli s ON s.instance_id = c.tid
            """);
        await Step("wf_tasks", $"""
            INSERT INTO wf_tasks (id, instance_id, activity_id, title, candidate_organisation, candidate_role, assignee, priority, status, last_day, due_at,
                                  created_at, completed_at, completed_by, outcome)
            SELECT {R("k.id")}, c.id, k.activity_id, k.title, {R("k.candidate_organisation")}, k.candidate_role, {R("k.assignee")}, k.priority, k.status,
                   k.last_day, k.due_at, k.created_at, k.completed_at, {R("k.completed_by")}, k.outcome
            FROM clone c JOIN tpl a ON a.t = c.t JOIN wf_tasks k ON k.instance_id = c.tid
            """);
        await Step("wf_timers", $"""
            INSERT INTO wf_timers (id, instance_id, activity_id, name, due_at, created_at)
            SELECT {R("tm.id")}, c.id, tm.activity_id, tm.name, tm.due_at, tm.created_at FROM clone c JOIN tpl a ON a.t = c.t JOIN wf_timers tm ON tm.instance_id = c.tid
            """);
        await Step("wf_outbox", $"""
            INSERT INTO wf_outbox (id, instance_id, activity_id, kind, payload, created_at, due_at, attempts, processed_at, status, next_attempt_at, locked_until,
                                   last_error, sent_at, delivery)
            SELECT {R("o.id::text")}::uuid, c.id, o.activity_id, o.kind, {R("o.payload")}, o.created_at, o.due_at, o.attempts, o.processed_at, o.status,
                   o.next_attempt_at, o.locked_until, o.last_error, o.sent_at, {R("o.delivery")}
            FROM clone c JOIN tpl a ON a.t = c.t JOIN wf_outbox o ON o.instance_id = c.tid
            """);
        await Step("qrtz_templates", """
            CREATE TEMP TABLE tpl_triggers AS
            SELECT tpl.t, q.* FROM tpl JOIN wf_timers tm ON tm.instance_id = tpl.id
            JOIN qrtz_triggers q ON q.sched_name = 'RightToManage' AND q.trigger_group = 'rtm-timers' AND q.trigger_name = tm.id;
            CREATE TEMP TABLE tpl_simple AS
            SELECT tt.t, q.* FROM tpl_triggers tt JOIN qrtz_simple_triggers q USING (sched_name, trigger_name, trigger_group)
            """);
        // Quartz: one trigger per timer, as the Host's reconciliation made them for the templates (name = timer id, data = ids).
        await Step("qrtz_triggers", $"""
            INSERT INTO qrtz_triggers
            -- LATERAL, not (f(…)).*, which would call f once per column.
            SELECT r.*
            FROM clone c JOIN tpl a ON a.t = c.t JOIN tpl_triggers q ON q.t = c.t
            CROSS JOIN LATERAL jsonb_populate_record(NULL::qrtz_triggers, to_jsonb(q) - 't' || jsonb_build_object('trigger_name', {R("q.trigger_name")},
                'job_data', '\x' || encode(convert_to({R("convert_from(q.job_data, 'UTF8')")}, 'UTF8'), 'hex'))) r
            """);
        await Step("qrtz_simple_triggers", $"""
            INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered)
            SELECT q.sched_name, {R("q.trigger_name")}, q.trigger_group, q.repeat_count, q.repeat_interval, q.times_triggered
            FROM clone c JOIN tpl a ON a.t = c.t JOIN tpl_simple q ON q.t = c.t
            """);
        return lines;
    }
}
