using System.Text.Json;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// One run of the interpreter over a case's state, in memory: tokens flow through ports until every
/// path waits or ends, or an activity faults. The caller commits what it produced in one transaction.
/// </summary>
internal sealed class FlowchartRun(
    CompiledDefinition definition,
    ActivityRegistry registry,
    WorkflowState state,
    Guid instanceId,
    DateTimeOffset now,
    string actor,
    Time.StatutoryCalendar calendar)
{
    /// <summary>A run that takes this many steps without waiting is stuck in a loop; it becomes an incident.</summary>
    internal const int MaxStepsPerRun = 10_000;

    private int _steps;

    public CompiledDefinition Definition { get; } = definition;
    public WorkflowState State { get; } = state;
    public Guid InstanceId { get; } = instanceId;
    public DateTimeOffset Now { get; } = now;
    public string Actor { get; } = actor;
    public Time.StatutoryCalendar Calendar { get; } = calendar;

    /// <summary>The case reference, if it has one.</summary>
    public string? Reference { get; init; }

    public IServiceProvider? Services => registry.Services;
    public DeadlineTimers Deadlines => _deadlines ??= new DeadlineTimers(this);

    private DeadlineTimers? _deadlines;

    public List<PendingJournalEntry> Journal { get; } = [];
    public List<OutboxMessage> Outbox { get; } = [];
    public List<Incident> NewIncidents { get; } = [];

    /// <summary>Tasks this run completed through the task API: bookmark id → completion.</summary>
    public Dictionary<string, Tasks.TaskCompletion> CompletedTasks { get; } = [];
    public bool Ended { get; private set; }
    public string? Outcome { get; private set; }

    public void Record(JournalEntryKind kind, string? activity, object? data = null) =>
        Journal.Add(new PendingJournalEntry(kind, activity, data is null ? "{}" : JsonSerializer.Serialize(data, JournalJson.Options)));

    /// <summary>Runs queued tokens until none is left, the case ends, or an activity faults.</summary>
    public async Task DrainAsync()
    {
        while (State.Queue.Count > 0 && !Ended && State.Fault is null)
        {
            var token = State.Queue[0];
            State.Queue.RemoveAt(0);
            if (++_steps > MaxStepsPerRun)
            {
                State.Queue.Insert(0, token);
                Fault(token.Activity, new WorkflowFaultException($"The case ran {MaxStepsPerRun} steps without waiting; a loop without a wait?"), new FaultedStep(Guid.Empty, token, null, null));
                return;
            }
            await StepAsync(token, null, null);
        }
        if (State.Queue.Count == 0 && !Ended && State.Fault is null && State.Bookmarks.Count == 0 && State.NodeStates.Count > 0)
        {
            // Nothing can move any more, yet an activity holds partial progress: the case would end
            // silently half-done. Stop it where someone will look instead.
            var stuck = State.NodeStates.Keys.Order(StringComparer.Ordinal).First();
            Fault(stuck, new WorkflowFaultException($"'{stuck}' waits for paths that can no longer arrive (a Join on \"all\" after a Decision took another branch?)."),
                new FaultedStep(Guid.Empty, null, null, null));
        }
    }

    public async Task ResumeAsync(Bookmark bookmark, JsonElement? payload)
    {
        State.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);
        if (DeadlineTimers.IsDeadlineTimer(bookmark))
        {
            Deadlines.Fire(Definition.Node(bookmark.Activity), bookmark);
        }
        else
        {
            Deadlines.Disarm(bookmark.Id);
            Record(JournalEntryKind.ActivityResumed, bookmark.Activity, new { bookmark = bookmark.Id, name = bookmark.Name });
            await StepAsync(null, bookmark, payload);
        }
        await DrainAsync();
    }

    /// <summary>Sends tokens out of <paramref name="activity"/> through <paramref name="port"/>.</summary>
    public void Leave(string activity, string port)
    {
        foreach (var connection in Definition.Outbound(activity, port))
            State.Queue.Add(new Token(connection.Target.Activity, activity, port));
    }

    public StatutoryPeriod ResolvePeriod(JsonElement value, string what) =>
        (Resolve(value, what) ?? throw new WorkflowFaultException($"The {what} has no value.")).Deserialize<StatutoryPeriod>(DefinitionJson.Options);

    public DateOnly ResolveDate(JsonElement value, string what) =>
        (Resolve(value, what) is { ValueKind: JsonValueKind.String } text ? text.Deserialize<DateOnly?>(DefinitionJson.Options) : null)
        ?? throw new WorkflowFaultException($"The {what} has no date yet.");

    /// <summary>Re-runs the step an incident interrupted, then goes on.</summary>
    public async Task RetryFaultAsync()
    {
        var fault = State.Fault ?? throw new InvalidOperationException("The case has no fault to retry.");
        State.Fault = null;
        _steps = 0;
        if (fault.Token is { } token)
        {
            if (State.Queue.FirstOrDefault() == token) State.Queue.RemoveAt(0);
            await StepAsync(token, null, null);
        }
        else if (fault.Bookmark is { } bookmark)
        {
            await StepAsync(null, bookmark, fault.Payload);
        }
        await DrainAsync();
    }

    public void SetVariable(string activity, string name, JsonElement value)
    {
        if (!Definition.Variables.TryGetValue(name, out var variable))
            throw new WorkflowFaultException($"No variable named '{name}' is declared.");
        if (value.ValueKind != JsonValueKind.Null && DataTypes.Check(variable.Type, value) is { } problem)
            throw new WorkflowFaultException($"Cannot set '{name}' ({variable.Type}): {problem}.");
        State.Variables[name] = value.Clone();
        Record(JournalEntryKind.VariableChanged, activity, new { name, value });
    }

    public void PlaceHold(string activity, string reason, string? source)
    {
        if (State.Hold is { } held)
            throw new WorkflowFaultException($"The case is already on hold (placed by '{held.Activity}' on {held.Since:yyyy-MM-dd}); release it before holding it again.");
        if (string.IsNullOrWhiteSpace(reason)) throw new WorkflowFaultException("A hold needs a reason.");
        State.Hold = new CaseHold(activity, reason, source, Now, State.Bookmarks.Select(b => b.Id).ToList());
        Record(JournalEntryKind.CaseHeld, activity, new { reason, source, frozen = State.Hold.Frozen });
    }

    public void ReleaseHold(string activity)
    {
        // Releasing a case that is not held changes nothing: a definition may release on every path out of a decision.
        if (State.Hold is not { } held) return;
        State.Hold = null;
        Record(JournalEntryKind.CaseReleased, activity, new { heldBy = held.Activity, since = held.Since });
    }

    public void CancelBranchesInto(string activity)
    {
        var ancestors = Definition.Ancestors(activity);
        // Tokens already queued at the activity itself lost the same race: they go too.
        bool Cancelled(string id) => id == activity || ancestors.Contains(id);
        var bookmarks = State.Bookmarks.Where(b => ancestors.Contains(b.Activity)).Select(b => b.Id).ToList();
        var tokens = State.Queue.Where(t => Cancelled(t.Activity)).Select(t => t.Activity).ToList();
        if (bookmarks.Count == 0 && tokens.Count == 0) return;
        State.Bookmarks.RemoveAll(b => ancestors.Contains(b.Activity));
        State.Queue.RemoveAll(t => Cancelled(t.Activity));
        Record(JournalEntryKind.BranchesCancelled, activity, new { bookmarks, tokens });
    }

    public JsonElement ResolveValue(JsonElement value, string what) =>
        Resolve(value, what) ?? throw new WorkflowFaultException($"The {what} has no value.");

    public void AddOutboxMessage(string activity, string kind, JsonElement payload, DateTimeOffset? dueAt)
    {
        var message = new OutboxMessage(Guid.CreateVersion7(Now), InstanceId, activity, kind, payload.GetRawText(), Now, dueAt);
        Outbox.Add(message);
        Record(JournalEntryKind.OutboxMessageAdded, activity, new { id = message.Id, kind, dueAt });
    }

    private async Task StepAsync(Token? token, Bookmark? bookmark, JsonElement? payload)
    {
        var activityId = token?.Activity ?? bookmark!.Activity;
        var node = Definition.Node(activityId);
        var descriptor = Definition.Descriptor(activityId);
        try
        {
            if (token is not null)
            {
                EnterStage(node);
                Record(JournalEntryKind.ActivityStarted, node.Id, new { from = token.From, port = token.Port });
            }
            var activity = registry.Create(descriptor);
            BindInputs(activity, node, descriptor);
            var context = new ActivityContext(this, node, token);
            var result = token is not null
                ? await activity.ExecuteAsync(context)
                : await activity.ResumeAsync(context, payload);
            Apply(node, descriptor, activity, result);
        }
        catch (Exception ex)
        {
            if (token is not null) State.Queue.Insert(0, token);
            Fault(activityId, ex, new FaultedStep(Guid.Empty, token, bookmark, payload));
        }
    }

    private void Apply(ActivityNode node, ActivityDescriptor descriptor, Activity activity, ActivityResult result)
    {
        switch (result.Kind)
        {
            case ActivityResultKind.Completed:
                foreach (var (outputName, variableName) in node.Outputs)
                {
                    var value = descriptor.FindOutput(outputName)!.Property.GetValue(activity);
                    if (value is not null) SetVariable(node.Id, variableName, JsonSerializer.SerializeToElement(value, DefinitionJson.Options));
                }
                State.Outcomes[node.Id] = string.Join(',', result.Ports);
                Record(JournalEntryKind.ActivityCompleted, node.Id, new { ports = result.Ports });
                foreach (var port in result.Ports) Leave(node.Id, port);
                break;
            case ActivityResultKind.Suspended:
                var bookmark = new Bookmark(Guid.CreateVersion7(Now).ToString("N"), node.Id, result.BookmarkName!, Now, result.BookmarkData, result.DueAt);
                if (node.Deadline is not null) Deadlines.Arm(node, bookmark);
                State.Bookmarks.Add(bookmark);
                Record(JournalEntryKind.ActivitySuspended, node.Id, new { bookmark = bookmark.Id, name = bookmark.Name, dueAt = bookmark.DueAt });
                break;
            case ActivityResultKind.Absorbed:
                Record(JournalEntryKind.TokenAbsorbed, node.Id);
                break;
            case ActivityResultKind.Ended:
                Ended = true;
                Outcome = result.Outcome;
                State.Hold = null;
                State.Queue.Clear();
                State.Bookmarks.Clear();
                Record(JournalEntryKind.CaseCompleted, node.Id, new { outcome = result.Outcome });
                break;
        }
    }

    private void EnterStage(ActivityNode node)
    {
        if (node.Stage is null || node.Stage == State.LastStage) return;
        var previous = State.LastStage;
        State.LastStage = node.Stage;
        Record(JournalEntryKind.StageEntered, node.Id, new { stage = node.Stage, previous });
    }

    private void Fault(string activity, Exception ex, FaultedStep step)
    {
        var message = ex is WorkflowFaultException or InvalidOperationException or JsonException or ArgumentException
            ? ex.Message
            : $"{ex.GetType().Name}: {ex.Message}";
        var incident = new Incident(Guid.CreateVersion7(Now), InstanceId, activity, message, Truncate(ex.ToString(), 8000), Now);
        NewIncidents.Add(incident);
        State.Fault = step with { IncidentId = incident.Id };
        Record(JournalEntryKind.IncidentRaised, activity, new { incident = incident.Id, error = message });
    }

    private void BindInputs(Activity activity, ActivityNode node, ActivityDescriptor descriptor)
    {
        foreach (var input in descriptor.Inputs)
        {
            JsonElement? value = node.Inputs.TryGetValue(input.Name, out var raw) ? Resolve(raw, $"input '{input.Name}'") : null;
            if (value is null || value.Value.ValueKind == JsonValueKind.Null) value = input.Default;
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                if (input.Required) throw new WorkflowFaultException($"The input '{input.Name}' has no value.");
                continue;
            }
            input.Property.SetValue(activity, value.Value.Deserialize(input.Property.PropertyType, DefinitionJson.Options));
        }
    }

    /// <param name="what">Names the value in a fault, e.g. "input 'from'" or "deadline start date".</param>
    private JsonElement? Resolve(JsonElement raw, string what)
    {
        if (!ValueReference.TryParse(raw, out var reference)) return raw;
        if (reference.Kind == ValueReferenceKind.Variable)
        {
            if (State.Variables.TryGetValue(reference.Name, out var value) && value.ValueKind != JsonValueKind.Null
                && reference.Select(value) is { ValueKind: not JsonValueKind.Null } selected) return selected;
            // Even for an optional input: falling back to a default (today, say) would be a silent guess.
            throw new WorkflowFaultException(reference.Path is null
                ? $"The {what} refers to the variable '{reference.Name}', which has no value yet."
                : $"The {what} refers to '{reference}', which has no value yet.");
        }
        var parameter = Definition.Parameters[reference.Name];
        if (parameter.Value.ValueKind == JsonValueKind.Null)
            throw new WorkflowFaultException($"The {what} refers to the parameter '{reference.Name}', which has no value (the research found none); give it one in a new version of the definition.");
        return parameter.Type == DataType.Period
            ? JsonSerializer.SerializeToElement(new StatutoryPeriod(parameter.Value.GetInt32(), parameter.Unit!.Value), DefinitionJson.Options)
            : parameter.Value;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
