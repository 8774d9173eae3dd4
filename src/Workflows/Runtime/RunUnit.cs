using RightToManage.Workflows.Persistence;

namespace RightToManage.Workflows.Runtime;

/// <summary>One locked case and the run being made on it.</summary>
internal sealed class RunUnit(
    IWorkflowStoreTransaction transaction,
    LockedInstance locked,
    CompiledDefinition definition,
    FlowchartRun run,
    IReadOnlyList<Bookmark> bookmarksBefore)
{
    public IWorkflowStoreTransaction Transaction { get; } = transaction;
    public InstanceRecord Instance => locked.Instance;
    public bool StimulusSeen => locked.StimulusSeen;
    public IReadOnlyList<StimulusRecord> PendingStimuli => locked.PendingStimuli;
    public CompiledDefinition Definition { get; } = definition;
    public FlowchartRun Run { get; } = run;
    public IReadOnlyList<Bookmark> BookmarksBefore { get; } = bookmarksBefore;
    public bool ShouldCommit { get; private set; }
    public InstanceStatus? ForcedStatus { get; private set; }

    /// <summary>Set when this run fires a timer: its trigger is spent and needs no unscheduling.</summary>
    public string? FiringTimer { get; set; }

    public void Commit(InstanceStatus? status = null)
    {
        ShouldCommit = true;
        ForcedStatus = status;
    }

    public StimulusResult Result(StimulusOutcome outcome, string? message = null) =>
        new(outcome, Instance.Id, Instance.Status, message);
}
