namespace RightToManage.Workflows.Runtime;

/// <summary>A unit of work: run <see cref="Activity"/>, arriving from <see cref="From"/> through <see cref="Port"/>.</summary>
public sealed record Token(string Activity, string? From, string? Port);
