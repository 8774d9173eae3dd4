using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace RightToManage.Bench.Scale;

/// <summary>
/// Inbox and case-search latency through the Host's HTTP API, signed in as the demo users (Identity:Seed): the council officer
/// (la-officer@demo-council.example), a TMO member (tmo-member@demo-tmo.example) and the administrator. Each client runs rounds
/// of every query once, in an order shuffled per round; the time is the client's, around the request and reading the body.
/// Every answer is checked: 200, a page no longer than asked and consistent with its total, and where the total is exact and
/// plain SQL can say what it must be (the officer's and the TMO member's views), that number.
/// </summary>
internal static class HttpWorkload
{
    private const string Officer = "la-officer@demo-council.example";
    private const string TmoMember = "tmo-member@demo-tmo.example";
    private const string Admin = "admin@demo-council.example";

    private sealed record Query(string Name, string User, string Path, long? Expected, int Offset);

    public static async Task<IReadOnlyList<string>> RunAsync(Uri address, string connection, string password, int[] levels, int iterations)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        async Task<long> Count(string sql) => Convert.ToInt64(await source.CreateCommand(sql).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        const string Team = "status = 'open' AND candidate_organisation = 'demo-council' AND (candidate_role IS NULL OR candidate_role = 'la-officer')";
        const string Council = "EXISTS (SELECT 1 FROM wf_case_organisations o WHERE o.instance_id = i.id AND o.organisation_id = 'demo-council')";
        const string Tmo = "EXISTS (SELECT 1 FROM wf_case_organisations o WHERE o.instance_id = i.id AND o.organisation_id = 'demo-tmo')";
        var someCouncil = "council-007";
        Query[] queries =
        [
            new("officer inbox team", Officer, "/api/tasks?view=team", await Count($"SELECT count(*) FROM wf_tasks WHERE {Team}"), 0),
            new("officer inbox team page 5", Officer, "/api/tasks?view=team&page=5", await Count($"SELECT count(*) FROM wf_tasks WHERE {Team}"), 100),
            // The Host's clock is the real one here (no offset): due_at <= now() is what it asks.
            new("officer inbox overdue", Officer, "/api/tasks?view=overdue", await Count($"SELECT count(*) FROM wf_tasks WHERE {Team} AND due_at <= now()"), 0),
            new("officer inbox mine", Officer, "/api/tasks?view=mine", await Count($"SELECT count(*) FROM wf_tasks WHERE status = 'open' AND assignee = '{Officer}'"), 0),
            new("officer cases", Officer, "/api/cases", await Count($"SELECT count(*) FROM wf_instances i WHERE {Council}"), 0),
            new("officer cases page 5", Officer, "/api/cases?page=5", await Count($"SELECT count(*) FROM wf_instances i WHERE {Council}"), 100),
            new("officer cases waiting", Officer, "/api/cases?status=waiting", await Count($"SELECT count(*) FROM wf_instances i WHERE i.status = 'Waiting' AND {Council}"), 0),
            new("officer cases stage", Officer, "/api/cases?stage=Council%20decision", await Count($"SELECT count(*) FROM wf_instances i WHERE i.stage LIKE '%Council decision%' AND {Council}"), 0),
            new("officer cases deadline 14d", Officer, "/api/cases?deadlineWithinDays=14", null, 0),
            new("tmo cases", TmoMember, "/api/cases", await Count($"SELECT count(*) FROM wf_instances i WHERE {Tmo}"), 0),
            new("tmo cases waiting", TmoMember, "/api/cases?status=waiting", await Count($"SELECT count(*) FROM wf_instances i WHERE i.status = 'Waiting' AND {Tmo}"), 0),
            new("admin inbox all", Admin, "/api/tasks?view=all", await Count("SELECT count(*) FROM wf_tasks WHERE status = 'open'"), 0),
            new("admin cases", Admin, "/api/cases", null, 0),
            new("admin cases page 40", Admin, "/api/cases?page=40", null, 975),
            new("admin cases stage", Admin, "/api/cases?stage=Council%20decision", null, 0),
            new("admin cases organisation", Admin, $"/api/cases?organisation={someCouncil}", null, 0),
            new("admin cases deadline 7d", Admin, "/api/cases?deadlineWithinDays=7", null, 0),
        ];

        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in queries.Select(q => q.User).Distinct()) clients[user] = await SignInAsync(address, user, password);

        // Warm-up: every query a few times at the highest level (JIT, connection pools, prepared statements, caches).
        await RunLevelAsync(queries, clients, levels.Max(), queries.Length * 5 * levels.Max(), -1);
        var lines = new List<string>();
        foreach (var level in levels)
        {
            var watch = Stopwatch.StartNew();
            var samples = await RunLevelAsync(queries, clients, level, iterations * queries.Length, level);
            var seconds = watch.Elapsed.TotalSeconds;
            foreach (var query in queries)
            {
                var ticks = samples.Where(s => s.Name == query.Name).Select(s => s.Ticks).Order().ToArray();
                var failed = samples.Count(s => s.Name == query.Name && s.Total < 0);
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"http clients={level} name={query.Name.Replace(' ', '-')} n={ticks.Length} p50_ms={Ms(Percentile(ticks, 0.50)):0.000} p95_ms={Ms(Percentile(ticks, 0.95)):0.000} " +
                    $"p99_ms={Ms(Percentile(ticks, 0.99)):0.000} max_ms={Ms(ticks[^1]):0.000} total={samples.Where(s => s.Name == query.Name).Max(s => s.Total)} failed={failed} path={query.Path}"));
                Console.Error.WriteLine(lines[^1]);
            }
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"http-level clients={level} requests={samples.Count} seconds={seconds:0.0} rps={samples.Count / seconds:0.0}"));
        }
        return lines;
    }

    private readonly record struct Sample(string Name, long Ticks, long Total);

    private static async Task<List<Sample>> RunLevelAsync(Query[] queries, Dictionary<string, HttpClient> clients, int level, int requests, int seed)
    {
        var all = new List<Sample>[level];
        var rounds = requests / queries.Length;
        await Task.WhenAll(Enumerable.Range(0, level).Select(c => Task.Run(async () =>
        {
            var rng = new Random(7919 * (seed + 2) + c);
            var mine = all[c] = [];
            var order = queries.ToArray();
            for (var r = c; r < rounds; r += level)
            {
                rng.Shuffle(order);
                foreach (var q in order) mine.Add(await CallAsync(clients[q.User], q));
            }
        })));
        return [.. all.SelectMany(s => s)];
    }

    private static async Task<Sample> CallAsync(HttpClient client, Query query)
    {
        var begin = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(query.Path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ticks = Stopwatch.GetTimestamp() - begin;
        // A failed request (at 1,000,000 cases: the administrator's unfiltered task list timing out) is counted and reported, not
        // fatal, so one slow query does not cost the rest of a 40-minute run; a wrong answer is fatal.
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"{query.Name}: {(int)response.StatusCode} after {ticks * 1000.0 / Stopwatch.Frequency:0} ms");
            return new Sample(query.Name, ticks, -1);
        }
        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.GetProperty("items").GetArrayLength();
        var total = json.RootElement.GetProperty("total").GetInt64();
        var exact = !json.RootElement.TryGetProperty("totalIsExact", out var e) || e.GetBoolean();
        if (items > 25 || (exact && items != Math.Clamp(total - query.Offset, 0, 25)) || (!exact && items != 25))
            throw new InvalidOperationException($"{query.Name}: {items} items for a total of {total} (exact: {exact}) at offset {query.Offset}");
        if (query.Expected is { } expected && exact && total != expected)
            throw new InvalidOperationException($"{query.Name}: total {total}, plain SQL says {expected}");
        return new Sample(query.Name, ticks, total);
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string email, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { email, password });
        if (!signIn.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in as {email} answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    private static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
