namespace RightToManage.Workflows.Scheduling;

/// <summary>What a reconciliation found and did.</summary>
public sealed record TimerReconciliation(int PendingTimers, int Scheduled, int PastDue, int StaleTriggersRemoved);
