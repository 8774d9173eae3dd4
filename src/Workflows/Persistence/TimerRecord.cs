namespace RightToManage.Workflows.Persistence;

/// <summary>A pending timer as stored: the truth the scheduler's triggers are reconciled against.</summary>
public sealed record TimerRecord(string Id, Guid InstanceId, DateTimeOffset DueAt);
