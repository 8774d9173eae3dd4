using System.Text.Json;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Parties;

namespace RightToManage.Workflows.Runtime;

/// <summary>What an <see cref="IRunObserver"/> sees of a run about to commit.</summary>
public sealed class RunReport
{
    private readonly FlowchartRun _run;
    private readonly int _stepCount;

    internal RunReport(FlowchartRun run)
    {
        _run = run;
        // Only the run's own steps: messages an observer adds are journaled too, but are not steps to react to.
        _stepCount = run.Journal.Count;
    }

    public Guid InstanceId => _run.InstanceId;

    public string? Reference => _run.Reference;

    public WorkflowDefinition Definition => _run.Definition.Source;

    public DateTimeOffset Now => _run.Now;

    public string Actor => _run.Actor;

    public IReadOnlyDictionary<string, List<PartyContact>> Parties => _run.State.Parties;

    public IEnumerable<RunStep> Steps => _run.Journal.Take(_stepCount).Select(e => new RunStep(e.Kind, e.Activity, e.Data));

    public ActivityNode Node(string activityId) => _run.Definition.Node(activityId);

    /// <summary>Adds a message to this run's transaction (journaled as <see cref="JournalEntryKind.OutboxMessageAdded"/>).</summary>
    public void AddOutboxMessage(string activity, string kind, JsonElement payload) =>
        _run.AddOutboxMessage(activity, kind, payload, null);
}
