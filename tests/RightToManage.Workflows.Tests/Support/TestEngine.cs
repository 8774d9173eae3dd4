using System.Text.Json;
using RightToManage.CrashHarness;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tests.Support;

/// <summary>A runtime on a fresh real database, with the test activities registered.</summary>
public sealed class TestEngine
{
    public static readonly ActivityRegistry Registry = ActivityRegistry.BuiltIn.With(typeof(Increment), typeof(Flaky), typeof(RecordEffect));

    private TestEngine(string provider, string connectionString, IWorkflowStore store, DefinitionCatalog catalog, ManualClock clock)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Store = store;
        Catalog = catalog;
        Clock = clock;
        Runtime = new WorkflowRuntime(store, catalog, clock, timers: Timers);
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public IWorkflowStore Store { get; }
    public DefinitionCatalog Catalog { get; }
    public ManualClock Clock { get; }
    public WorkflowRuntime Runtime { get; }
    public RecordingTimerScheduler Timers { get; } = new();

    /// <summary>What the scheduler does: fire every stored timer that is due by the clock, earliest first, until none is.</summary>
    public Task<int> FireDueTimersAsync() =>
        // As in Quartz: a one-shot trigger that has fired is spent.
        FireDueTimersAsync(Runtime, Clock.GetUtcNow(), onFired: id => Timers.Scheduled.TryRemove(id, out _));

    /// <summary>
    /// Fires every stored timer (of <paramref name="instanceId"/>, or of every case) due by <paramref name="now"/>, earliest
    /// first, until none is; <paramref name="onFired"/> sees each one fired.
    /// </summary>
    public static async Task<int> FireDueTimersAsync(WorkflowRuntime runtime, DateTimeOffset now, Guid? instanceId = null, Action<string>? onFired = null)
    {
        var fired = 0;
        var kept = new HashSet<string>();
        while (true)
        {
            var due = (await runtime.Store.ReadTimersAsync(null, 10_000))
                .Where(t => t.DueAt <= now && !kept.Contains(t.Id) && (instanceId is null || t.InstanceId == instanceId)).OrderBy(t => t.DueAt).FirstOrDefault();
            if (due is null) return fired;
            var outcome = (await runtime.FireTimerAsync(due.InstanceId, due.Id)).Outcome;
            outcome.Should().BeOneOf(StimulusOutcome.Applied, StimulusOutcome.Queued);
            // A timer of a held case is kept by the case and applied when the hold ends.
            if (outcome == StimulusOutcome.Queued) kept.Add(due.Id);
            onFired?.Invoke(due.Id);
            fired++;
        }
    }

    public void SetClock(string instant) => Clock.Advance(DateTimeOffset.Parse(instant) - Clock.GetUtcNow());

    public static async Task<TestEngine> CreateAsync(string provider, params string[] definitions)
    {
        var connectionString = await TestDatabases.CreateConnectionStringAsync(provider);
        var store = TestDatabases.Open(provider, connectionString);
        await store.MigrateAsync();
        var catalog = new DefinitionCatalog(store, Registry);
        foreach (var json in definitions)
        {
            var parsed = DefinitionJson.Parse(json);
            parsed.Errors.Should().BeEmpty();
            await catalog.AddAsync(parsed.Definition!, DefinitionOrigin.Database, publish: true);
        }
        return new TestEngine(provider, connectionString, store, catalog, new ManualClock(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    public async Task<Guid> StartAsync(string definitionId, object? variables = null, string? reference = null)
    {
        var values = variables is null
            ? new Dictionary<string, JsonElement>()
            : JsonSerializer.SerializeToElement(variables).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var result = await Runtime.StartAsync(new StartCaseRequest { DefinitionId = definitionId, Variables = values, Reference = reference });
        result.Outcome.Should().Be(StimulusOutcome.Applied);
        return result.InstanceId;
    }

    public Task<StimulusResult> SendAsync(Guid id, string eventName, object? payload = null, string? key = null) =>
        Runtime.SendAsync(new Stimulus
        {
            InstanceId = id,
            EventName = eventName,
            IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
            Payload = payload is null ? null : JsonSerializer.SerializeToElement(payload),
        });

    public async Task<InstanceSnapshot> GetAsync(Guid id) => (await Runtime.GetAsync(id))!;
}
