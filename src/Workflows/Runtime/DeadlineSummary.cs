namespace RightToManage.Workflows.Runtime;

/// <summary>A running deadline on a case: which activity, its last day, and the instant it passes.</summary>
public sealed record DeadlineSummary(string Activity, string? Stage, DateOnly LastDay, DateTimeOffset PassesAt, string? Source);
