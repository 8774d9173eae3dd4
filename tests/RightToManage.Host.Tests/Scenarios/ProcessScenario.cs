using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightToManage.Notifications;
using RightToManage.Notifications.Activities;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.DependencyInjection;
using RightToManage.Workflows.DependencyInjection;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests.Scenarios;

/// <summary>
/// One case of a shipped statutory process, driven through the engine and the notifications module as the Host
/// wires them, on PostgreSQL, with a clock the scenario moves by hand (months pass in milliseconds).
/// </summary>
internal sealed class ProcessScenario : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProcessScenario(ServiceProvider services, ManualClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public ManualClock Clock { get; }
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => Runtime.Store;
    public Guid Id { get; private set; }

    public static readonly Dictionary<string, IReadOnlyList<Workflows.Parties.PartyContact>> Parties = new()
    {
        ["tmo-secretary"] = [new("Sam Secretary", "secretary@tmo.example")],
        ["tmo-committee"] = [new("Chris Committee", "committee@tmo.example")],
        ["officer"] = [new("Olu Officer", "officer@council.example")],
        ["officer-manager"] = [new("Mo Manager", "manager@council.example")],
    };

    /// <summary>Starts a case of <paramref name="definitionId"/> on 4 January 2027, 09:00.</summary>
    public static async Task<ProcessScenario> StartAsync(string definitionId, string tenants, object? variables = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddWorkflows(o => o.UsePostgres(connectionString).AddActivities(typeof(SendNotification)))
            .AddNotifications(new NotificationsOptions { Dispatch = { Enabled = false } }, _ => Path.Combine(RepositoryFiles.Root, "workflow-definitions", "templates"))
            .BuildServiceProvider();
        var scenario = new ProcessScenario(services, clock);
        await scenario.Store.MigrateAsync();
        var reports = await scenario.Runtime.Definitions.LoadFolderAsync(Path.Combine(RepositoryFiles.Root, "workflow-definitions"));
        reports.SelectMany(r => r.Errors).Should().BeEmpty();

        var values = variables is null ? new Dictionary<string, JsonElement>()
            : JsonSerializer.SerializeToElement(variables).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var started = await scenario.Runtime.StartAsync(new StartCaseRequest
        {
            DefinitionId = definitionId, Reference = $"{definitionId}-scenario", Variables = values, Actor = "user:starter",
            Organisations = new Dictionary<string, string> { [tenants] = "demo-tmo", ["local-authority"] = "demo-council" },
            Parties = Parties,
        });
        started.Outcome.Should().Be(StimulusOutcome.Applied);
        scenario.Id = started.InstanceId;
        return scenario;
    }

    public async Task<InstanceSnapshot> CaseAsync() => (await Runtime.GetAsync(Id))!;

    /// <summary>The open task of <paramref name="activity"/>; fails if there is none.</summary>
    public async Task<TaskRecord> TaskAsync(string activity)
    {
        var (tasks, _) = await Store.Tasks.QueryAsync(new TaskQuery { InstanceId = Id, Limit = 100 });
        var open = tasks.Where(t => t.Activity == activity).ToList();
        open.Should().ContainSingle($"'{activity}' should have one open task; open: {string.Join(", ", tasks.Select(t => t.Activity))}");
        return open[0];
    }

    public async Task<IReadOnlyList<string>> OpenTasksAsync() =>
        (await Store.Tasks.QueryAsync(new TaskQuery { InstanceId = Id, Limit = 100 })).Tasks.Select(t => t.Activity).Order().ToList();

    /// <summary>Completes the open task of <paramref name="activity"/>, which must succeed.</summary>
    public async Task DoAsync(string activity, string outcome, object? data = null)
    {
        var task = await TaskAsync(activity);
        var result = await Runtime.CompleteTaskAsync(Id, task.Id, outcome, data is null ? null : JsonSerializer.SerializeToElement(data), "someone@example.org", "user:someone@example.org");
        result.Outcome.Should().Be(StimulusOutcome.Applied, $"completing '{activity}' with '{outcome}' should work: {result.Message}");
        (await CaseAsync()).OpenIncident.Should().BeNull($"completing '{activity}' should not fault the case");
    }

    public async Task<StimulusResult> SendAsync(string eventName, object? payload = null) =>
        await Runtime.SendAsync(new Stimulus
        {
            InstanceId = Id, EventName = eventName, IdempotencyKey = Guid.NewGuid().ToString("N"), Actor = "user:someone@example.org",
            Payload = payload is null ? null : JsonSerializer.SerializeToElement(payload),
        });

    /// <summary>Uploads a small document to the case; its id is what a document field takes.</summary>
    public async Task<string> DocumentAsync(string name = "evidence.pdf")
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.4 {name}"));
        var document = await Store.Documents.AddAsync(new NewDocument(Id, name, "application/pdf", "someone@example.org", Clock.GetUtcNow()), content, 1_000_000);
        return document.Id.ToString();
    }

    /// <summary>Moves the clock to 09:00 UTC on <paramref name="day"/> and fires every timer due by then, as the scheduler would.</summary>
    public async Task AdvanceToAsync(string day)
    {
        var to = DateTimeOffset.Parse($"{day}T09:00:00Z");
        to.Should().BeOnOrAfter(Clock.GetUtcNow(), "time only moves forward");
        Clock.Advance(to - Clock.GetUtcNow());
        await TestEngine.FireDueTimersAsync(Runtime, to, Id);
    }

    /// <summary>Every email the case has committed: its template, the roles it goes to, and its fields.</summary>
    public async Task<IReadOnlyList<Mail>> MailAsync() =>
        (await Store.ReadOutboxAsync(Id)).Where(e => e.Kind == EmailPayload.Kind).Select(e =>
        {
            var payload = JsonDocument.Parse(e.Message.Payload).RootElement;
            var fields = payload.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
            return new Mail(payload.GetProperty("template").GetString()!, payload.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList(), fields);
        }).ToList();

    public async Task<IReadOnlyList<StageTimelineEntry>> TimelineAsync()
    {
        var snapshot = await CaseAsync();
        var definition = await Runtime.Definitions.GetAsync(snapshot.DefinitionId, snapshot.DefinitionVersion);
        return CaseTimeline.Build(definition.Source, (await Store.ReadJournalAsync(Id)).Steps(), snapshot.Stages,
            snapshot.Status is InstanceStatus.Completed or InstanceStatus.Cancelled);
    }

    public async Task<string?> TextAsync(string variable) =>
        (await CaseAsync()).Variables.TryGetValue(variable, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public async Task ShouldEndAsync(string outcome, string? causeContains = null)
    {
        var snapshot = await CaseAsync();
        snapshot.OpenIncident.Should().BeNull();
        snapshot.Status.Should().Be(InstanceStatus.Completed);
        snapshot.Outcome.Should().Be(outcome);
        if (causeContains is not null) (await TextAsync("endCause")).Should().Contain(causeContains);
        (await OpenTasksAsync()).Should().BeEmpty("an ended case leaves no work open");
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    public sealed record Mail(string Template, IReadOnlyList<string> To, IReadOnlyDictionary<string, string> Fields);
}
