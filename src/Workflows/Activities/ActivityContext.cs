using System.Text.Json;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Activities;

/// <summary>What an executing activity may see and change of its case.</summary>
public sealed class ActivityContext
{
    private readonly FlowchartRun _run;

    internal ActivityContext(FlowchartRun run, ActivityNode node, Token? token)
    {
        _run = run;
        Node = node;
        ArrivedFrom = token?.From;
        ArrivedThrough = token?.Port;
    }

    public ActivityNode Node { get; }

    public WorkflowDefinition Definition => _run.Definition.Source;

    public Guid InstanceId => _run.InstanceId;

    /// <summary>The case's clock: the injected <see cref="TimeProvider"/>, never the wall clock directly.</summary>
    public DateTimeOffset Now => _run.Now;

    /// <summary>Bank holidays, time zone and reminder time for statutory dates.</summary>
    public Time.StatutoryCalendar Calendar => _run.Calendar;

    /// <summary>Who caused this run (a user, an integration, or <c>system</c>).</summary>
    public string Actor => _run.Actor;

    /// <summary>The activity whose completion brought the token here, if any.</summary>
    public string? ArrivedFrom { get; }

    /// <summary>The port of <see cref="ArrivedFrom"/> the token left through.</summary>
    public string? ArrivedThrough { get; }

    public IReadOnlyList<Connection> InboundConnections => _run.Definition.Inbound(Node.Id);

    /// <summary>Per-activity state that survives between executions (used by joins).</summary>
    public JsonElement? NodeState
    {
        get => _run.State.NodeStates.TryGetValue(Node.Id, out var value) ? value : null;
        set
        {
            if (value is null) _run.State.NodeStates.Remove(Node.Id);
            else _run.State.NodeStates[Node.Id] = value.Value;
        }
    }

    public JsonElement? GetVariable(string name) => _run.State.Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets a declared variable; the value must match its declared type. Journaled.</summary>
    public void SetVariable(string name, JsonElement value) => _run.SetVariable(Node.Id, name, value);

    /// <summary>The port(s) through which <paramref name="activityId"/> last completed, or null.</summary>
    public string? OutcomeOf(string activityId) => _run.State.Outcomes.GetValueOrDefault(activityId);

    /// <summary>
    /// Cancels every waiting or queued path that can still reach this activity: used when the first
    /// of several branches wins (a join on "any").
    /// </summary>
    public void CancelBranchesInto() => _run.CancelBranchesInto(Node.Id);

    /// <summary>
    /// Records a side effect (a timer, an email) in the outbox, committed with the state change that
    /// caused it and delivered afterwards by its dispatcher.
    /// </summary>
    public void AddOutboxMessage(string kind, JsonElement payload, DateTimeOffset? dueAt = null) =>
        _run.AddOutboxMessage(Node.Id, kind, payload, dueAt);

    /// <summary>The case reference, e.g. "RTM-2026-0042", if it has one.</summary>
    public string? Reference => _run.Reference;

    /// <summary>The id of the organisation playing <paramref name="role"/> on the case (e.g. "local-authority"), if any.</summary>
    public string? OrganisationFor(string role) => _run.State.Organisations.GetValueOrDefault(role);

    /// <summary>The stage the case is in: this activity's, else the last one entered.</summary>
    public string? Stage => Node.Stage ?? _run.State.LastStage;

    /// <summary>
    /// A value that may be a reference (<c>{"$variable": …}</c>, <c>{"$parameter": …}</c>) made literal; used for
    /// values nested inside an input, which the runtime does not resolve itself. An unset variable faults the step.
    /// </summary>
    public JsonElement Resolve(JsonElement value, string what) => _run.ResolveValue(value, what);

    /// <summary>Pauses the case: the waits it has now are frozen until <see cref="ReleaseHold"/>.</summary>
    internal void PlaceHold(string reason, string? source) => _run.PlaceHold(Node.Id, reason, source);

    internal void ReleaseHold() => _run.ReleaseHold(Node.Id);

    /// <summary>A service of the application (see <see cref="ActivityRegistry.Services"/>).</summary>
    public T GetRequiredService<T>() where T : notnull => ServiceLookup.Required<T>(_run.Services, Node.Type);
}
