namespace RightToManage.Workflows.Runtime;

/// <summary>What became of a start, stimulus, retry or cancellation.</summary>
public sealed record StimulusResult(StimulusOutcome Outcome, Guid InstanceId, InstanceStatus? Status, string? Message = null);
