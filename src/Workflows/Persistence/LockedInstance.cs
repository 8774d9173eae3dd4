namespace RightToManage.Workflows.Persistence;

/// <summary>A locked case with what a run must know: whether this stimulus was seen, and stimuli waiting for a bookmark.</summary>
public sealed record LockedInstance(InstanceRecord Instance, bool StimulusSeen, IReadOnlyList<StimulusRecord> PendingStimuli);
